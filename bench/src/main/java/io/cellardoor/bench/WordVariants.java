package io.cellardoor.bench;

import java.util.SplittableRandom;

/**
 * Made-up word variants: about {@value #RATE} of a line's words of four letters or more get one of {@value #VARIANTS}
 * suffixes drawn from a Zipf distribution, so a synthetic corpus's vocabulary keeps growing with its size (Heaps'
 * law) instead of staying at the real corpus's.
 */
final class WordVariants {

    static final double RATE = 0.08;
    static final int VARIANTS = 2000;
    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ren", "su", "ta", "vo", "ne", "ri", "do", "pa", "xe", "bu", "zi", "ho", "fa", "gu", "li",
        "mo", "te"
    };

    private final double[] zipfCdf = new double[VARIANTS];

    WordVariants() {
        double sum = 0;
        for (int i = 0; i < VARIANTS; i++) {
            sum += 1.0 / (i + 1);
            zipfCdf[i] = sum;
        }
        for (int i = 0; i < VARIANTS; i++) {
            zipfCdf[i] /= sum;
        }
    }

    /** The line with some longer words given a made-up suffix. */
    String vary(String line, SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(line.length() + 16);
        int i = 0;
        int n = line.length();
        while (i < n) {
            int start = i;
            while (i < n && Character.isLetter(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                sb.append(line, start, i);
                if (i - start >= 4 && rnd.nextDouble() < RATE) {
                    int v = variant(rnd.nextDouble());
                    sb.append(SYLLABLES[v % SYLLABLES.length])
                            .append(SYLLABLES[(v / SYLLABLES.length) % SYLLABLES.length]);
                    if (v >= SYLLABLES.length * SYLLABLES.length) {
                        sb.append(SYLLABLES[v / (SYLLABLES.length * SYLLABLES.length) % SYLLABLES.length]);
                    }
                }
            } else {
                sb.append(line.charAt(i++));
            }
        }
        return sb.toString();
    }

    private int variant(double u) {
        int lo = 0;
        int hi = VARIANTS - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (zipfCdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

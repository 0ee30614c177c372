package io.cellardoor.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Synthetic chunks derived from real ones, deterministically from a seed (the same seed gives the same corpus, so
 * PostgreSQL and Lucene can be fed twice without keeping a million texts in memory).
 *
 * <p>Each synthetic document copies the structure of a random real document (title, folder, heading paths, number of
 * chunks). Each chunk takes its real counterpart's lines, swaps about a quarter of them for lines of a random donor
 * chunk, and gives about 8% of its longer words one of 2,000 made-up suffixes drawn from a Zipf distribution, so the
 * vocabulary keeps growing with the corpus as a real one does (Heaps' law) instead of staying at the real corpus's
 * size. Its embedding mixes the embeddings of three real chunks, {@code normalise(base + a donor + b third +
 * N(0, 0.02^2) per dimension)} with {@code a ~ U(0.2, 0.6)} and {@code b ~ U(0, 0.3)}: new points spread between real
 * ones along the embedding manifold rather than tight clusters of near-copies of each real chunk (which would make
 * "the exact top 10" a tie among hundreds of near-duplicates).
 */
final class SyntheticCorpus implements Corpus {

    static final int DIMS = 384;
    static final double NOISE_SIGMA = 0.02;
    static final double LINE_SWAP = 0.25;

    record Chunk(long id, int ordinal, String headingPath, String text, float[] embedding) {}

    record Doc(long id, String path, String folder, String title, List<Chunk> chunks) {

        String content() {
            StringBuilder sb = new StringBuilder();
            chunks.forEach(c -> sb.append(c.text()).append("\n\n"));
            return sb.toString().strip();
        }
    }

    private final List<BaseCorpus.Doc> base;
    private final List<BaseCorpus.Chunk> allChunks = new ArrayList<>();
    private final long seed;
    private final WordVariants variants = new WordVariants();

    SyntheticCorpus(List<BaseCorpus.Doc> base, long seed) {
        this.base = base;
        this.seed = seed;
        base.forEach(d -> allChunks.addAll(d.chunks()));
    }

    @Override
    public void generate(int chunks, long firstDocId, long firstChunkId, Consumer<Doc> out) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long docId = firstDocId;
        long chunkId = firstChunkId;
        int made = 0;
        while (made < chunks) {
            BaseCorpus.Doc b = base.get(rnd.nextInt(base.size()));
            List<Chunk> cs = new ArrayList<>();
            for (BaseCorpus.Chunk bc : b.chunks()) {
                if (made >= chunks) {
                    break;
                }
                BaseCorpus.Chunk donor = allChunks.get(rnd.nextInt(allChunks.size()));
                BaseCorpus.Chunk third = allChunks.get(rnd.nextInt(allChunks.size()));
                cs.add(new Chunk(
                        chunkId++,
                        bc.ordinal(),
                        bc.headingPath(),
                        mixText(bc.text(), donor.text(), rnd),
                        mixVector(bc.embedding(), donor.embedding(), third.embedding(), rnd)));
                made++;
            }
            String path = b.path().replaceFirst("\\.md$", "") + "-s" + docId + ".md";
            out.accept(new Doc(docId++, path, b.folder(), b.title(), List.copyOf(cs)));
        }
    }

    private String mixText(String text, String donor, SplittableRandom rnd) {
        String[] lines = text.split("\n");
        String[] donorLines = donor.lines().filter(l -> !l.startsWith("## ")).toArray(String[]::new);
        StringBuilder sb = new StringBuilder(text.length() + 64);
        boolean swapped = false;
        for (String line : lines) {
            if (!line.startsWith("## ") && donorLines.length > 0 && rnd.nextDouble() < LINE_SWAP) {
                line = donorLines[rnd.nextInt(donorLines.length)];
                swapped = true;
            }
            sb.append(variants.vary(line, rnd)).append('\n');
        }
        if (!swapped && donorLines.length > 0) {
            sb.append(variants.vary(donorLines[rnd.nextInt(donorLines.length)], rnd))
                    .append('\n');
        }
        return sb.toString().strip();
    }

    private static float[] mixVector(float[] b, float[] d, float[] t, SplittableRandom rnd) {
        float[] v = new float[DIMS];
        double a = rnd.nextDouble(0.2, 0.6);
        double c = rnd.nextDouble(0, 0.3);
        double norm = 0;
        for (int i = 0; i < DIMS; i++) {
            double x = b[i] + a * d[i] + c * t[i] + NOISE_SIGMA * gaussian(rnd);
            v[i] = (float) x;
            norm += x * x;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < DIMS; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private static double gaussian(SplittableRandom rnd) {
        // Marsaglia polar method; SplittableRandom has no nextGaussian in every JDK this builds on.
        double u;
        double v;
        double s;
        do {
            u = rnd.nextDouble(-1, 1);
            v = rnd.nextDouble(-1, 1);
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}

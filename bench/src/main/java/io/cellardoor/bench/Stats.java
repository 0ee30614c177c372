package io.cellardoor.bench;

import java.util.Arrays;
import java.util.List;

/** Latency samples in nanoseconds and the percentiles reported. */
final class Stats {

    private Stats() {}

    /** Nearest-rank percentile of unsorted samples, in milliseconds; 0 for no samples. */
    static double percentileMs(long[] nanos, double p) {
        if (nanos.length == 0) {
            return 0;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }

    static double percentileMs(List<Long> nanos, double p) {
        return percentileMs(nanos.stream().mapToLong(Long::longValue).toArray(), p);
    }

    static double meanMs(long[] nanos) {
        return nanos.length == 0 ? 0 : Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    /** p50, p95 and p99 in milliseconds. */
    record Latency(int count, double p50, double p95, double p99, double mean) {

        static Latency of(long[] nanos) {
            return new Latency(
                    nanos.length,
                    percentileMs(nanos, 0.50),
                    percentileMs(nanos, 0.95),
                    percentileMs(nanos, 0.99),
                    meanMs(nanos));
        }

        static Latency of(List<Long> nanos) {
            return of(nanos.stream().mapToLong(Long::longValue).toArray());
        }
    }

    /** A number with a sensible number of decimals for a table. */
    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(java.util.Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(java.util.Locale.ROOT, "%.1f", v);
        }
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    static String fmt3(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}

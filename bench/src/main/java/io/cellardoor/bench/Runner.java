package io.cellardoor.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs a fixed number of operations with a fixed number of concurrent clients and times each. */
final class Runner {

    /** One operation: the i-th of the run (callers map it to a query). */
    interface Operation {
        void run(int i) throws Exception;
    }

    /** Latencies in nanoseconds, the wall time and the throughput. */
    record Result(int clients, long[] nanos, double wallSeconds) {

        double perSecond() {
            return nanos.length / wallSeconds;
        }

        Stats.Latency latency() {
            return Stats.Latency.of(nanos);
        }
    }

    private Runner() {}

    static Result run(int clients, int operations, Operation op) throws Exception {
        long[] nanos = new long[operations];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                        long s = System.nanoTime();
                        op.run(i);
                        nanos[i] = System.nanoTime() - s;
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return new Result(clients, nanos, (System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}

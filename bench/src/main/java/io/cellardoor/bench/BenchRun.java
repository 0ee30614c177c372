package io.cellardoor.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;

/** What every report header needs: how the command was invoked, when, on what, under which load. */
final class BenchRun {

    private final String invocation;
    private final ZonedDateTime started = ZonedDateTime.now();
    private final long startedNanos = System.nanoTime();
    private final String loadAtStart = Machine.loadAverage();
    private Machine machine;
    private final Path out;
    private final Path plots;

    BenchRun(Options options) {
        String env = System.getenv("CELLARDOOR_BENCH_INVOCATION");
        this.invocation = env != null && !env.isBlank()
                ? env.strip()
                : "java -jar bench/target/cellardoor-bench.jar " + String.join(" ", options.args());
        this.out = options.out();
        this.plots = options.plots();
    }

    void machine(Machine machine) {
        this.machine = machine;
    }

    Machine machine() {
        return machine;
    }

    String invocation() {
        return invocation;
    }

    ZonedDateTime started() {
        return started;
    }

    String loadAtStart() {
        return loadAtStart;
    }

    Path out() {
        return out;
    }

    Path plots() {
        return plots;
    }

    Path plot(String name) {
        return plots.resolve(name);
    }

    String elapsedText() {
        Duration d = Duration.ofNanos(System.nanoTime() - startedNanos);
        return d.toMinutes() > 0
                ? "%d min %d s".formatted(d.toMinutes(), d.toSecondsPart())
                : "%d s".formatted(d.toSeconds());
    }
}

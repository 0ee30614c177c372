package io.cellardoor.chat.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Timers of the chat pipeline's stages: meter {@code cellardoor.chat.stage} (seconds) tagged {@code stage}
 * ({@code conversation}, {@code classify}, {@code embed}, {@code curated}, {@code cache}, {@code handle},
 * {@code retrieve}, {@code generate}, {@code save}), with p50, p95 and p99 published, on {@code /actuator/prometheus}.
 * Everything before {@code generate} is what the platform adds before an LLM's first token.
 */
@Component
public class StageTimers {

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    StageTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs one stage's work and records its duration, also when it throws. */
    public <T> T time(String stage, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            timer(stage).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(String stage) {
        return timers.computeIfAbsent(
                stage,
                s -> Timer.builder("cellardoor.chat.stage")
                        .description("Duration of one stage of a chat turn")
                        .tag("stage", s)
                        .publishPercentiles(0.5, 0.95, 0.99)
                        .register(registry));
    }
}

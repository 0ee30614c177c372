package io.cellardoor.chat.internal;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs the chat pipeline's stages as Micrometer observations named {@code cellardoor.chat.stage} with the
 * low-cardinality key {@code stage} ({@code conversation}, {@code guard}, {@code rewrite}, {@code language},
 * {@code embed}, {@code curated}, {@code cache}, {@code classify}, {@code retrieve}, {@code handle}, {@code rank}, {@code generate},
 * {@code cite}, {@code persist}): each is a timer on {@code /actuator/prometheus} ({@code cellardoor_chat_stage_seconds},
 * p50/p95/p99 published) and, when tracing is on, a span. Everything before {@code generate} is what the platform adds
 * before an LLM's first token.
 */
@Component
public class Stages {

    /** The observation (metric and span) name of every stage. */
    public static final String NAME = "cellardoor.chat.stage";

    private final ObservationRegistry registry;

    Stages(ObservationRegistry registry) {
        this.registry = registry;
    }

    /** Runs one stage's work and observes it, also when it throws. */
    public <T> T run(String stage, Supplier<T> work) {
        return Observation.createNotStarted(NAME, registry)
                .contextualName("chat " + stage)
                .lowCardinalityKeyValue("stage", stage)
                .observe(work);
    }
}

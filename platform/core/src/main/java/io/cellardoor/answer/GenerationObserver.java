package io.cellardoor.answer;

import io.cellardoor.observability.RagMetrics;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;

/**
 * What a generation leaves behind: the {@code rag_generation_*} metrics, and the
 * provider, model and token counts as attributes of the current span (the {@code generate} stage). Span attributes
 * are high-cardinality key values: never metric tags.
 */
interface GenerationObserver {

    /** Observes nothing (unit tests, tools). */
    GenerationObserver NONE = new GenerationObserver() {
        @Override
        public void generated(LlmProvider provider, long nanos, long inputTokens, long outputTokens) {}

        @Override
        public void failed(LlmProvider provider) {}

        @Override
        public void extractive(long nanos) {}
    };

    /** A provider answered. */
    void generated(LlmProvider provider, long nanos, long inputTokens, long outputTokens);

    /** A provider failed (after its retries) or broke mid-stream. */
    void failed(LlmProvider provider);

    /** The extractive generator answered. */
    void extractive(long nanos);

    static GenerationObserver of(RagMetrics metrics, ObservationRegistry observations) {
        return new GenerationObserver() {
            @Override
            public void generated(LlmProvider provider, long nanos, long inputTokens, long outputTokens) {
                metrics.generation(
                        provider.name(), provider.model(), Duration.ofNanos(nanos), inputTokens, outputTokens);
                Observation current = observations.getCurrentObservation();
                if (current != null) {
                    current.highCardinalityKeyValue("llm.provider", provider.name());
                    current.highCardinalityKeyValue("llm.model", provider.model());
                    current.highCardinalityKeyValue("tokens.input", Long.toString(inputTokens));
                    current.highCardinalityKeyValue("tokens.output", Long.toString(outputTokens));
                }
            }

            @Override
            public void failed(LlmProvider provider) {
                metrics.pipelineError("llm");
                Observation current = observations.getCurrentObservation();
                if (current != null) {
                    current.highCardinalityKeyValue("llm.failed." + provider.name(), "true");
                }
            }

            @Override
            public void extractive(long nanos) {
                metrics.generation("extractive", "none", Duration.ofNanos(nanos), 0, 0);
            }
        };
    }

    /** The extractive generator, observed. */
    static AnswerGenerator observed(AnswerGenerator extractive, GenerationObserver observer) {
        return (request, sink) -> {
            long started = System.nanoTime();
            GeneratedAnswer answer = extractive.generate(request, sink);
            observer.extractive(System.nanoTime() - started);
            return answer;
        };
    }
}

package io.cellardoor.answer;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Answer generation settings ({@code cellardoor.answer.*}).
 *
 * @param confidenceThreshold extractive answers below this confidence in [0, 1] decline
 * @param llm the language model; absent or without a base URL means the extractive generator
 */
@ConfigurationProperties("cellardoor.answer")
public record AnswerProperties(
        double confidenceThreshold, @Nullable Llm llm) {

    public AnswerProperties {
        confidenceThreshold = confidenceThreshold <= 0 ? 0.24 : confidenceThreshold;
    }

    /**
     * An OpenAI-compatible chat model.
     *
     * @param baseUrl e.g. {@code https://api.openai.com/v1} or a local server's {@code http://127.0.0.1:PORT/v1}
     * @param apiKey bearer key
     * @param model model name, e.g. {@code gpt-4o-mini}
     * @param timeout time for a whole answer
     * @param maxAttempts attempts before falling back to the extractive answer (at least 1)
     * @param backoff wait before the second attempt, doubled for each further one
     */
    public record Llm(
            @Nullable String baseUrl,
            @Nullable String apiKey,
            @Nullable String model,
            @Nullable Duration timeout,
            int maxAttempts,
            @Nullable Duration backoff) {

        /** Whether enough is set to call a model. */
        public boolean configured() {
            return baseUrl != null && !baseUrl.isBlank() && model != null && !model.isBlank();
        }
    }
}

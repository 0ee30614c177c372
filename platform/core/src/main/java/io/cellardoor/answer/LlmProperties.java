package io.cellardoor.answer;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The LLM providers answers are asked of, in order ({@code cellardoor.llm.providers[n].*}); see
 * docs/decisions/0040-llm-providers-behind-circuit-breakers.md. Empty means the single model of
 * {@code cellardoor.answer.llm.*} (the {@code CELLARDOOR_LLM_*} variables), or none.
 *
 * @param providers tried in this order; a provider whose breaker is open is skipped
 */
@ConfigurationProperties("cellardoor.llm")
public record LlmProperties(@Nullable List<Provider> providers) {

    public LlmProperties {
        providers = providers == null ? List.of() : List.copyOf(providers);
    }

    /** Which LangChain4j module talks to a provider. */
    public enum Kind {
        /** Any OpenAI-compatible endpoint (OpenAI, vLLM, LiteLLM, Azure's compatible API, ...). */
        OPENAI,
        /** Anthropic's Messages API. */
        ANTHROPIC,
        /** Google's Gemini API. */
        GEMINI,
        /** Ollama through its OpenAI-compatible {@code /v1} endpoint (default base URL {@code http://127.0.0.1:11434/v1}). */
        OLLAMA
    }

    /**
     * One provider.
     *
     * @param name unique, short, used as the metric label and breaker name (e.g. {@code primary})
     * @param kind the API it speaks; default {@code openai}
     * @param baseUrl the API's base URL (required for {@code openai}; the vendor's default for the others)
     * @param apiKey the key, sent as the API expects
     * @param model the model name
     * @param timeout time for one attempt (the whole streamed answer); default 30 s
     * @param maxAttempts attempts on this provider before the next one; default 2
     * @param backoff wait before the second attempt, doubled for each further one, with ±50 % jitter; default 500 ms
     * @param failureRate percentage of failed calls (of the last {@code window}) that opens the breaker; default 50
     * @param window calls the failure rate is computed over (and the fewest before it counts); default 4
     * @param openFor how long an open breaker refuses calls before letting {@code halfOpenCalls} through; default 30 s
     * @param halfOpenCalls trial calls of a half-open breaker; default 1
     */
    public record Provider(
            @Nullable String name,
            @Nullable Kind kind,
            @Nullable String baseUrl,
            @Nullable String apiKey,
            @Nullable String model,
            @Nullable Duration timeout,
            int maxAttempts,
            @Nullable Duration backoff,
            float failureRate,
            int window,
            @Nullable Duration openFor,
            int halfOpenCalls) {

        public Provider {
            kind = kind == null ? Kind.OPENAI : kind;
            name = name == null || name.isBlank() ? kind.name().toLowerCase(Locale.ROOT) : name;
            baseUrl = (baseUrl == null || baseUrl.isBlank()) && kind == Kind.OLLAMA
                    ? "http://127.0.0.1:11434/v1"
                    : baseUrl;
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
            maxAttempts = maxAttempts <= 0 ? 2 : maxAttempts;
            backoff = backoff == null ? Duration.ofMillis(500) : backoff;
            failureRate = failureRate <= 0 || failureRate > 100 ? 50 : failureRate;
            window = window <= 0 ? 4 : window;
            openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
            halfOpenCalls = halfOpenCalls <= 0 ? 1 : halfOpenCalls;
        }

        /** Whether enough is set to call it. */
        public boolean configured() {
            boolean url = kind != Kind.OPENAI || (baseUrl != null && !baseUrl.isBlank());
            return url && model != null && !model.isBlank();
        }

        /** The single model of {@code cellardoor.answer.llm.*}, as a provider named {@code default}. */
        static Provider of(AnswerProperties.Llm llm) {
            return new Provider(
                    "default",
                    Kind.OPENAI,
                    llm.baseUrl(),
                    llm.apiKey(),
                    llm.model(),
                    llm.timeout(),
                    llm.maxAttempts(),
                    llm.backoff(),
                    0,
                    0,
                    null,
                    0);
        }
    }
}

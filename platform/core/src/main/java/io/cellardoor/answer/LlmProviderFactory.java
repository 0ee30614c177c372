package io.cellardoor.answer;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Builds a provider's LangChain4j models (by kind) and its breaker and retry (in Resilience4j's registries). */
final class LlmProviderFactory {

    private static final Duration CONDENSE_TIMEOUT = Duration.ofSeconds(10);

    private LlmProviderFactory() {}

    /** A provider with breaker and retry in the given registries (so Resilience4j's own metrics see them). */
    static LlmProvider provider(LlmProperties.Provider p, CircuitBreakerRegistry breakers, RetryRegistry retries) {
        return new LlmProvider(
                p,
                streaming(p),
                chat(p),
                breakers.circuitBreaker("llm-" + p.name(), LlmProvider.breakerConfig(p)),
                retries.retry("llm-" + p.name(), LlmProvider.retryConfig(p)));
    }

    /** A provider around a given model, with a breaker and retry of its own (tests, tools). */
    static LlmProvider provider(LlmProperties.Provider p, StreamingChatModel streaming, @Nullable ChatModel chat) {
        return new LlmProvider(
                p,
                streaming,
                chat,
                CircuitBreaker.of("llm-" + p.name(), LlmProvider.breakerConfig(p)),
                Retry.of("llm-" + p.name(), LlmProvider.retryConfig(p)));
    }

    private static String key(LlmProperties.Provider p) {
        return p.apiKey() == null || p.apiKey().isBlank() ? "none" : p.apiKey();
    }

    static StreamingChatModel streaming(LlmProperties.Provider p) {
        return switch (p.kind()) {
            case OPENAI, OLLAMA ->
                OpenAiStreamingChatModel.builder()
                        .baseUrl(p.baseUrl())
                        .apiKey(key(p))
                        .modelName(p.model())
                        .timeout(p.timeout())
                        .temperature(0.1)
                        .build();
            case ANTHROPIC -> {
                var b = AnthropicStreamingChatModel.builder()
                        .apiKey(key(p))
                        .modelName(p.model())
                        .timeout(p.timeout())
                        .temperature(0.1)
                        .maxTokens(1024);
                if (p.baseUrl() != null && !p.baseUrl().isBlank()) {
                    b.baseUrl(p.baseUrl());
                }
                yield b.build();
            }
            case GEMINI -> {
                var b = GoogleAiGeminiStreamingChatModel.builder()
                        .apiKey(key(p))
                        .modelName(p.model())
                        .timeout(p.timeout())
                        .temperature(0.1);
                if (p.baseUrl() != null && !p.baseUrl().isBlank()) {
                    b.baseUrl(p.baseUrl());
                }
                yield b.build();
            }
        };
    }

    /** The same endpoint, not streamed, for condensing follow-ups (short timeout, no retries of its own). */
    static ChatModel chat(LlmProperties.Provider p) {
        return switch (p.kind()) {
            case OPENAI, OLLAMA ->
                OpenAiChatModel.builder()
                        .baseUrl(p.baseUrl())
                        .apiKey(key(p))
                        .modelName(p.model())
                        .timeout(CONDENSE_TIMEOUT)
                        .temperature(0.0)
                        .maxRetries(0)
                        .build();
            case ANTHROPIC -> {
                var b = AnthropicChatModel.builder()
                        .apiKey(key(p))
                        .modelName(p.model())
                        .timeout(CONDENSE_TIMEOUT)
                        .temperature(0.0)
                        .maxTokens(200)
                        .maxRetries(0);
                if (p.baseUrl() != null && !p.baseUrl().isBlank()) {
                    b.baseUrl(p.baseUrl());
                }
                yield b.build();
            }
            case GEMINI -> {
                var b = GoogleAiGeminiChatModel.builder()
                        .apiKey(key(p))
                        .modelName(p.model())
                        .timeout(CONDENSE_TIMEOUT)
                        .temperature(0.0)
                        .maxRetries(0);
                if (p.baseUrl() != null && !p.baseUrl().isBlank()) {
                    b.baseUrl(p.baseUrl());
                }
                yield b.build();
            }
        };
    }
}

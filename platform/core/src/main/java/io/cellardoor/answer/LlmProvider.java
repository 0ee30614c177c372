package io.cellardoor.answer;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One configured LLM provider at run time: its models, its circuit breaker and its retry policy.
 *
 * @param config what was configured
 * @param streaming the model answers stream from
 * @param chat the model follow-ups are condensed with (same endpoint, not streamed), or null when none
 * @param breaker opens after {@code failureRate} % of the last {@code window} calls failed; while open the provider is
 *     skipped; after {@code openFor} it lets {@code halfOpenCalls} trial calls through
 * @param retry {@code maxAttempts} with exponential backoff and jitter; never retries a refused call
 */
public record LlmProvider(
        LlmProperties.Provider config,
        StreamingChatModel streaming,
        @Nullable ChatModel chat,
        CircuitBreaker breaker,
        Retry retry) {

    /** Failed before any token reached the visitor: retried, then the next provider. */
    static final class CallFailed extends RuntimeException {
        CallFailed(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /** Failed after tokens reached the visitor: never retried (the visitor would see the answer twice). */
    static final class StreamBroke extends RuntimeException {
        StreamBroke(Throwable cause) {
            super(cause.toString(), cause);
        }
    }

    /** The provider's name (metric label, breaker name). */
    public String name() {
        return config.name();
    }

    /** The configured model name. */
    public String model() {
        return config.model() == null ? "unknown" : config.model();
    }

    /** Time for one attempt. */
    public Duration timeout() {
        return config.timeout();
    }

    /** Runs a call through the retry and the breaker (retry outside, so each attempt counts on the breaker). */
    <T> T call(Supplier<T> attempt) {
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, attempt))
                .get();
    }

    /** The breaker the configuration asks for. */
    static CircuitBreakerConfig breakerConfig(LlmProperties.Provider p) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(p.window())
                .minimumNumberOfCalls(p.window())
                .failureRateThreshold(p.failureRate())
                .waitDurationInOpenState(p.openFor())
                .permittedNumberOfCallsInHalfOpenState(p.halfOpenCalls())
                .build();
    }

    /** Exponential backoff from {@code backoff}, doubling, with ±50 % jitter; refused calls are not retried. */
    static RetryConfig retryConfig(LlmProperties.Provider p) {
        return RetryConfig.custom()
                .maxAttempts(p.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(p.backoff(), 2.0, 0.5))
                .retryOnException(e -> e instanceof CallFailed)
                .failAfterMaxAttempts(false)
                .build();
    }
}

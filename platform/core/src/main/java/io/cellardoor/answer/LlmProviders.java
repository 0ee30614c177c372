package io.cellardoor.answer;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;

/**
 * The configured LLM providers in their order, with their breakers' state; empty when answers are extractive only.
 * Read by the health endpoint ({@code llm}), the console's system view and {@code rag_llm_breaker_state}.
 */
public final class LlmProviders {

    /**
     * One provider's state.
     *
     * @param name the provider's name
     * @param kind the API it speaks, lower case
     * @param model the configured model
     * @param state the breaker: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} (or Resilience4j's other states)
     * @param failureRate percentage of failed calls in the window, or -1 before the window is full
     * @param bufferedCalls calls in the window
     * @param failedCalls failed calls in the window
     * @param notPermittedCalls calls refused while open
     */
    public record Status(
            String name,
            String kind,
            String model,
            String state,
            float failureRate,
            int bufferedCalls,
            int failedCalls,
            long notPermittedCalls) {}

    private final List<LlmProvider> providers;

    LlmProviders(List<LlmProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /** The providers, in the order answers try them. */
    public List<LlmProvider> all() {
        return providers;
    }

    /** Every provider's breaker state, in order. */
    public List<Status> status() {
        return providers.stream()
                .map(p -> {
                    CircuitBreaker.Metrics m = p.breaker().getMetrics();
                    return new Status(
                            p.name(),
                            p.config().kind().name().toLowerCase(java.util.Locale.ROOT),
                            p.model(),
                            p.breaker().getState().name(),
                            m.getFailureRate(),
                            m.getNumberOfBufferedCalls(),
                            m.getNumberOfFailedCalls(),
                            m.getNumberOfNotPermittedCalls());
                })
                .toList();
    }

    /**
     * Closes a provider's breaker and forgets its failures (an operator knows the provider is back).
     *
     * @return false when no provider has that name
     */
    public boolean reset(String name) {
        Optional<LlmProvider> provider =
                providers.stream().filter(p -> p.name().equals(name)).findFirst();
        provider.ifPresent(p -> p.breaker().reset());
        return provider.isPresent();
    }

    /** {@code rag_llm_breaker_state{provider}}: 0 closed, 1 open, 2 half-open, 3 other (disabled, forced open). */
    void registerGauges(MeterRegistry registry) {
        for (LlmProvider p : providers) {
            Gauge.builder("rag.llm.breaker.state", p.breaker(), LlmProviders::stateValue)
                    .description("LLM provider circuit breaker: 0 closed, 1 open, 2 half-open, 3 other")
                    .tag("provider", p.name())
                    .register(registry);
        }
    }

    private static double stateValue(CircuitBreaker breaker) {
        return switch (breaker.getState()) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
            default -> 3;
        };
    }
}

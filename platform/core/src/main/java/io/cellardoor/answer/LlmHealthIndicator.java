package io.cellardoor.answer;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code /actuator/health} component {@code llm}: each provider's breaker, in order. Always UP: with every breaker
 * open, answers still come from the extractive generator (the details say so).
 */
final class LlmHealthIndicator extends AbstractHealthIndicator {

    private final LlmProviders providers;

    LlmHealthIndicator(LlmProviders providers) {
        super("LLM providers check failed");
        this.providers = providers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        if (providers.all().isEmpty()) {
            builder.withDetail("answers", "extractive (no LLM provider configured)");
            return;
        }
        boolean anyClosed = false;
        for (LlmProviders.Status s : providers.status()) {
            builder.withDetail(
                    s.name(),
                    java.util.Map.of(
                            "model", s.model(),
                            "breaker", s.state(),
                            "failureRate", s.failureRate(),
                            "bufferedCalls", s.bufferedCalls()));
            anyClosed |= !"OPEN".equals(s.state());
        }
        builder.withDetail("answers", anyClosed ? "llm" : "extractive (every breaker open)");
    }
}

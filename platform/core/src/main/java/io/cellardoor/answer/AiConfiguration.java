package io.cellardoor.answer;

import io.cellardoor.embedding.Embeddings;
import io.cellardoor.observability.RagMetrics;
import io.cellardoor.text.CorpusStatistics;
import io.cellardoor.text.TermAnalyzer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The answer generators' wiring: the LLM providers in order (each with its breaker and retry), the follow-up condenser
 * and the answer generator (providers first, the extractive generator last). The embedding model is configured in the
 * embedding feature (embedding.EmbeddingConfiguration).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AnswerProperties.class, LlmProperties.class})
class AiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AiConfiguration.class);

    /**
     * {@code cellardoor.llm.providers}, or the single model of {@code cellardoor.answer.llm.*} as a provider named
     * {@code default}; providers without a model (or an OpenAI-compatible one without a base URL) are left out.
     */
    @Bean
    LlmProviders llmProviders(
            AnswerProperties answer,
            LlmProperties llm,
            ObjectProvider<CircuitBreakerRegistry> breakers,
            ObjectProvider<RetryRegistry> retries,
            RagMetrics metrics) {
        List<LlmProperties.Provider> configured = new ArrayList<>(llm.providers());
        if (configured.isEmpty() && answer.llm() != null && answer.llm().configured()) {
            configured.add(LlmProperties.Provider.of(answer.llm()));
        }
        CircuitBreakerRegistry breakerRegistry = breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults);
        RetryRegistry retryRegistry = retries.getIfAvailable(RetryRegistry::ofDefaults);
        List<LlmProvider> providers = new ArrayList<>();
        for (LlmProperties.Provider p : configured) {
            if (!p.configured()) {
                log.warn("LLM provider '{}' left out: it has no model (or, OpenAI-compatible, no base URL)", p.name());
                continue;
            }
            if (providers.stream().anyMatch(q -> q.name().equals(p.name()))) {
                throw new IllegalStateException("Two LLM providers are named '" + p.name() + "'");
            }
            providers.add(LlmProviderFactory.provider(p, breakerRegistry, retryRegistry));
        }
        LlmProviders result = new LlmProviders(providers);
        result.registerGauges(metrics.registry());
        return result;
    }

    /** The model that condenses follow-ups into standalone questions, when an LLM is configured. */
    @Bean
    QuestionCondenser questionCondenser(LlmProviders providers) {
        return providers.all().isEmpty() ? QuestionCondenser.NONE : new LlmQuestionCondenser(providers.all());
    }

    @Bean
    AnswerGenerator answerGenerator(
            AnswerProperties properties,
            TermAnalyzer analyzer,
            CorpusStatistics corpus,
            LlmProviders providers,
            RagMetrics metrics,
            ObservationRegistry observations,
            Embeddings embeddings) {
        GenerationObserver observer = GenerationObserver.of(metrics, observations);
        AnswerGenerator extractive = GenerationObserver.observed(
                new ExtractiveAnswerGenerator(
                        analyzer,
                        corpus::of,
                        properties.confidenceThreshold(),
                        ExtractiveAnswerGenerator.Weights.DEFAULT,
                        embeddings.inProcess() ? new EmbeddingUnitSimilarity(embeddings) : UnitSimilarity.NONE),
                observer);
        if (providers.all().isEmpty()) {
            log.info("Answers: extractive (no LLM configured)");
            return extractive;
        }
        log.info(
                "Answers: LLM providers {} in order, extractive last",
                providers.all().stream()
                        .map(p -> p.name() + " (" + p.model() + ")")
                        .toList());
        return new LlmAnswerGenerator(providers.all(), extractive, observer);
    }

    /** {@code /actuator/health} component {@code llm}. */
    @Bean
    HealthIndicator llmHealthIndicator(LlmProviders providers) {
        return new LlmHealthIndicator(providers);
    }

    @Bean
    LlmStartupCheck llmStartupCheck(LlmProviders providers) {
        return new LlmStartupCheck(providers);
    }
}

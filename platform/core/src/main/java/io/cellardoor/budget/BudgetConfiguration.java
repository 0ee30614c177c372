package io.cellardoor.budget;

import io.cellardoor.answer.AnswerProperties;
import java.net.URI;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The price table, budget defaults, and the catalog of today's single configured LLM. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LlmPrices.class, BudgetProperties.class})
class BudgetConfiguration {

    /**
     * The configured OpenAI-compatible model of {@code cellardoor.answer.llm} (provider: its base URL's host), or none.
     */
    @Bean
    @ConditionalOnMissingBean
    LlmCatalog llmCatalog(AnswerProperties answers) {
        AnswerProperties.Llm llm = answers.llm();
        if (llm == null || !llm.configured()) {
            return List::of;
        }
        String provider;
        try {
            URI uri = URI.create(llm.baseUrl());
            provider = uri.getHost() == null ? llm.baseUrl() : uri.getHost();
        } catch (IllegalArgumentException e) {
            provider = "openai-compatible";
        }
        List<LlmModel> models = List.of(new LlmModel(provider, llm.model()));
        return () -> models;
    }
}

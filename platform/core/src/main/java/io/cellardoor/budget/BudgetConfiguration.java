package io.cellardoor.budget;

import io.cellardoor.answer.LlmProviders;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The price table, budget defaults, and the catalog of the configured LLM providers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LlmPrices.class, BudgetProperties.class})
class BudgetConfiguration {

    /**
     * The configured LLM providers' models in the order answers try them ({@code cellardoor.llm.providers}, else the one
     * provider of {@code cellardoor.answer.llm}), each attributed to its provider's name; empty without an LLM.
     */
    @Bean
    @ConditionalOnMissingBean
    LlmCatalog llmCatalog(LlmProviders providers) {
        List<LlmModel> models = providers.all().stream()
                .map(p -> new LlmModel(p.name(), p.model()))
                .toList();
        return () -> models;
    }
}

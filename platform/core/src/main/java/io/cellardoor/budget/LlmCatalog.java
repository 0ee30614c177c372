package io.cellardoor.budget;

import java.util.List;

/**
 * The language models the answer path may call, in the order it tries them: what the cost ledger attributes calls to
 * and what plans restrict ({@code allowed-models}): {@link BudgetConfiguration}'s catalog of the configured
 * providers.
 */
public interface LlmCatalog {

    /** The models in the order they are tried; empty when no LLM is configured. */
    List<LlmModel> models();

    /** The provider of a model name as a provider reported it (a configured name it equals or starts with). */
    default String providerOf(String model) {
        return models().stream()
                .filter(m -> model.equals(m.model()) || model.startsWith(m.model()))
                .map(LlmModel::provider)
                .findFirst()
                .orElse(models().isEmpty() ? "unknown" : models().getFirst().provider());
    }
}

package io.cellardoor.billing;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A plan: what an org on it may do.
 *
 * @param id e.g. {@code free}
 * @param name shown in the console, e.g. "Free"
 * @param monthlyMessages answered messages per calendar month, -1 for no limit
 * @param documents knowledge documents, -1 for no limit
 * @param sites sites, -1 for no limit
 * @param allowedModels LLM model names the org's answers may use; empty: any configured model
 * @param features feature ids the plan unlocks
 * @param priceId its Stripe price, or null when it is not sold through Stripe
 * @param meteredPriceId an optional metered Stripe price added to the subscription, or null
 * @param price the price as the console shows it, or null
 */
public record Plan(
        String id,
        String name,
        long monthlyMessages,
        long documents,
        long sites,
        List<String> allowedModels,
        Set<String> features,
        @Nullable String priceId,
        @Nullable String meteredPriceId,
        @Nullable String price) {

    public Plan {
        allowedModels = List.copyOf(allowedModels);
        features = Set.copyOf(features);
    }

    /** Whether the plan limits messages per month. */
    public boolean limitsMessages() {
        return monthlyMessages >= 0;
    }

    /** Whether the plan unlocks a feature (by its id, e.g. {@code llm-answers}). */
    public boolean unlocks(String feature) {
        return features.contains(feature);
    }

    /** Whether answers may use this model: any when the list is empty, else a listed name or a name it starts. */
    public boolean allowsModel(String model) {
        return allowedModels.isEmpty() || allowedModels.stream().anyMatch(m -> model.equals(m) || model.startsWith(m));
    }
}

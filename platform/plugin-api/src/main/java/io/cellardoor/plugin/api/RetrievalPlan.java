package io.cellardoor.plugin.api;

import java.util.List;
import java.util.Map;

/**
 * How the host ranks the passages a handler's answer is made from.
 *
 * <p>Since 1.2.0 the host retrieves once per question, before the handler runs ({@link PluginContext#passages()});
 * the plan then re-ranks those passages: it no longer causes a second search.
 *
 * @param k number of passages the answer is made from, 1 to 50 (the host retrieves at least this many)
 * @param domainWeights weight per domain id in [0, 1], multiplied into the passages' fused scores before they are
 *     re-ranked; domains not listed keep the host's classification-based weight. Weights rank, they never filter:
 *     a passage of a domain at weight 0.1 still comes first when nothing else matches
 * @param boostPaths document paths (relative to the knowledge folder) the handler resolved as the subject of the
 *     query, e.g. the wine page a partial name points to; the best passage of each is ranked first, fetched from
 *     the document when retrieval missed it; the host uses at most the first three
 */
public record RetrievalPlan(int k, Map<String, Double> domainWeights, List<String> boostPaths) {

    /** Throws IllegalArgumentException when k is outside 1..50 or a weight outside [0, 1]. */
    public RetrievalPlan {
        if (k < 1 || k > 50) {
            throw new IllegalArgumentException("k must be in 1..50: " + k);
        }
        for (var e : domainWeights.entrySet()) {
            if (!(e.getValue() >= 0 && e.getValue() <= 1)) {
                throw new IllegalArgumentException("weight of " + e.getKey() + " must be in [0, 1]: " + e.getValue());
            }
        }
        domainWeights = Map.copyOf(domainWeights);
        boostPaths = List.copyOf(boostPaths);
    }

    /** The host's default plan: k passages, classification-based weights, nothing boosted. */
    public static RetrievalPlan defaults(int k) {
        return new RetrievalPlan(k, Map.of(), List.of());
    }

    /** This plan with the given document paths boosted. */
    public RetrievalPlan boosting(List<String> paths) {
        return new RetrievalPlan(k, domainWeights, paths);
    }
}

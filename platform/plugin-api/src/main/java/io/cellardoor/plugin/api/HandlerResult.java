package io.cellardoor.plugin.api;

import java.util.List;
import java.util.Optional;

/**
 * What a handler returns.
 *
 * @param plan how the host should retrieve passages
 * @param promptContributions instructions added to the LLM prompt (e.g. "quote prices with the bottle size")
 * @param directAnswer an answer built from structured facts, used in place of the generator when present
 */
public record HandlerResult(RetrievalPlan plan, List<String> promptContributions, Optional<DirectAnswer> directAnswer) {

    public HandlerResult {
        promptContributions = List.copyOf(promptContributions);
    }

    /** A result that only asks for the given plan. */
    public static HandlerResult retrieve(RetrievalPlan plan) {
        return new HandlerResult(plan, List.of(), Optional.empty());
    }
}

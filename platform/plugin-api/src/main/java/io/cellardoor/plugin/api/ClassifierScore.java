package io.cellardoor.plugin.api;

import java.util.List;

/**
 * A classifier's verdict.
 *
 * @param score confidence in [0, 1] that the query belongs to the domain
 * @param evidence human-readable reasons, e.g. matched terms ({@code "price"}, {@code "cab franc"})
 */
public record ClassifierScore(double score, List<String> evidence) {

    /** The verdict for a query that is not this domain's. */
    public static final ClassifierScore NONE = new ClassifierScore(0, List.of());

    /** Throws IllegalArgumentException when the score is outside [0, 1] or not a number. */
    public ClassifierScore {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1]: " + score);
        }
        evidence = List.copyOf(evidence);
    }
}

package io.cellardoor.plugin.api;

/** Scores a query for one domain. Must be fast (well under 10 ms) and free of I/O. */
@FunctionalInterface
public interface QueryClassifier {

    /** Returns a score in [0, 1] with the evidence for it; 0 with no evidence when the query is not ours. */
    ClassifierScore classify(UserQuery query);
}

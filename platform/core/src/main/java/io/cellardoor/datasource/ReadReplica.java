package io.cellardoor.datasource;

/**
 * The read replica as this instance sees it; a bean only while {@code cellardoor.datasource.replica.url} is set.
 * Metrics: {@code cellardoor.datasource.replica.lag} (seconds), {@code .serving} (1/0), {@code .fallbacks}.
 */
public interface ReadReplica {

    /** Where read-only transactions go now, and the last measured lag. */
    ReplicaStatus status();

    /** Read-only connections that went to the primary because the replica could not be reached. */
    long fallbacks();
}

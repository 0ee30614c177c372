package io.cellardoor.datasource;

import java.time.Duration;
import java.time.Instant;

/**
 * Where read-only transactions go right now.
 *
 * @param configured whether a replica is configured at all
 * @param serving whether read-only transactions go to the replica (else to the primary)
 * @param reason why not, empty while serving: {@code down}, {@code lagging}, {@code not isolating tenants},
 *     {@code not checked yet}
 * @param lag how far the replica was behind the primary at the last probe (an upper bound, to the probe interval)
 * @param probedAt when it was last probed
 */
public record ReplicaStatus(boolean configured, boolean serving, String reason, Duration lag, Instant probedAt) {

    /** No replica: everything on the primary. */
    public static final ReplicaStatus NONE =
            new ReplicaStatus(false, false, "no replica", Duration.ZERO, Instant.EPOCH);
}

package io.cellardoor.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the events between instances ({@code cellardoor.cluster.*}).
 *
 * @param enabled {@code false}: this instance neither listens nor polls (it still publishes, and hears its own
 *     events); for tools that start a context of their own
 * @param pollInterval how often the event table is read besides the notifications (the longest delay when
 *     notifications do not arrive, e.g. behind a pooler in transaction mode)
 * @param retention how long events are kept in the table
 * @param listenUrl JDBC URL of the primary for the listening connection; empty: {@code spring.datasource.url}. Point it
 *     past a connection pooler in transaction mode (PgBouncer drops {@code LISTEN}); never at a read replica
 *     (notifications are not replicated)
 */
@ConfigurationProperties("cellardoor.cluster")
public record ClusterProperties(Boolean enabled, Duration pollInterval, Duration retention, String listenUrl) {

    public ClusterProperties {
        enabled = enabled == null || enabled;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        retention = retention == null ? Duration.ofHours(1) : retention;
        listenUrl = listenUrl == null ? "" : listenUrl;
    }
}

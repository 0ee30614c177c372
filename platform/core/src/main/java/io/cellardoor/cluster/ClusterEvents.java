package io.cellardoor.cluster;

import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * Publishes {@link ClusterEvent}s to this instance and every other one (migration V51, docs/decisions/0051).
 *
 * <p>{@link #publish} delivers the event to this instance's listeners at once (as
 * {@link ApplicationEventPublisher#publishEvent} would) and writes it to table {@code cluster_event} with a
 * notification on channel {@code cellardoor_events}, in the caller's transaction when there is one (other instances
 * then hear it only if it commits) or on its own. Other instances read it through their listener
 * ({@code io.cellardoor.cluster.internal.ClusterEventListener}) and publish it to their own listeners.
 */
@Service
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterEvents {

    private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);

    private final ApplicationEventPublisher local;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final String instanceId;

    ClusterEvents(ApplicationEventPublisher local, JdbcClient jdbc, ObjectMapper json) {
        this.local = local;
        this.jdbc = jdbc;
        this.json = json;
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        this.instanceId = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + HexFormat.of().formatHex(random);
    }

    /** This instance's id in published events ({@code pid@host/random}), new at every start. */
    public String instanceId() {
        return instanceId;
    }

    /**
     * Delivers the event here at once and to every other instance once the current transaction (if any) commits. A
     * failure to write it is logged, not thrown (the change it reports already happened); other instances then rely on
     * their caches' TTLs.
     */
    public void publish(ClusterEvent event) {
        local.publishEvent(event);
        try {
            jdbc.sql("SELECT cellardoor_publish_event(?, ?, ?::jsonb)")
                    .params(instanceId, event.getClass().getName(), json.writeValueAsString(event))
                    .query(Long.class)
                    .single();
        } catch (RuntimeException e) {
            log.warn("Could not tell other instances about {}: {}", event, e.toString());
        }
    }
}

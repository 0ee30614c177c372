package io.cellardoor.cluster.internal;

import io.cellardoor.cluster.ClusterEvent;
import io.cellardoor.cluster.ClusterEvents;
import io.cellardoor.cluster.ClusterEventsLost;
import io.cellardoor.cluster.ClusterProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Hears other instances' {@link ClusterEvent}s: one thread with a connection of its own to the primary, outside the
 * pool, that {@code LISTEN}s on {@code cellardoor_events} and reads table {@code cluster_event} whenever a
 * notification arrives and at least every poll interval. A read takes every row whose transaction may have committed
 * since the previous read ({@code tx >=} the oldest transaction then running), skips rows already applied and this
 * instance's own, and publishes the rest to this instance's listeners in the order they were written. A broken
 * connection is reopened (after 1 s, then up to 10 s apart) and the next read catches up on whatever was written
 * meanwhile; after an outage longer than the retention, {@link ClusterEventsLost} tells caches to start over.
 */
@Component
class ClusterEventListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterEventListener.class);
    private static final String CHANNEL = "cellardoor_events";
    private static final Duration CLEAN_EVERY = Duration.ofMinutes(10);

    private final ClusterEvents events;
    private final ClusterProperties properties;
    private final ApplicationEventPublisher local;
    private final ObjectMapper json;
    private final String url;
    private final String user;
    private final String password;

    private volatile boolean running;
    private volatile @Nullable Thread thread;
    /** The oldest transaction that was still running at the last read: rows of older ones have all been read. */
    private @Nullable String bound;
    /** Ids of rows read whose transaction is not older than {@link #bound}, with it: they may be read again. */
    private final Map<Long, Long> seen = new HashMap<>();

    private long lastRead = System.nanoTime();
    private long lastClean;
    private volatile long applied;

    ClusterEventListener(
            ClusterEvents events,
            ClusterProperties properties,
            ApplicationEventPublisher local,
            ObjectMapper json,
            Environment env) {
        this.events = events;
        this.properties = properties;
        this.local = local;
        this.json = json;
        this.url = properties.listenUrl().isBlank()
                ? env.getProperty("spring.datasource.url", "")
                : properties.listenUrl();
        this.user = env.getProperty("spring.datasource.username", "");
        this.password = env.getProperty("spring.datasource.password", "");
    }

    @Override
    public void start() {
        if (!properties.enabled() || url.isBlank()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("cluster-events").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Events from other instances applied since the start (for tests and diagnostics). */
    long applied() {
        return applied;
    }

    private void run() {
        long backoff = 1000;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("SET application_name = 'cellardoor-cluster-events'");
                    st.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                read(c); // catch up on whatever was written while this connection was not there
                backoff = 1000;
                long pollMillis = Math.max(100, properties.pollInterval().toMillis());
                while (running) {
                    PGNotification[] notes = pg.getNotifications((int) pollMillis);
                    if (notes != null && notes.length > 0 && !onlyOwn(notes)) {
                        read(c);
                    } else if (System.nanoTime() - lastRead >= pollMillis * 1_000_000L) {
                        read(c);
                    }
                    clean(c);
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn(
                            "Events from other instances interrupted ({}); reconnecting in {} ms",
                            e.toString(),
                            backoff);
                    sleep(backoff);
                    backoff = Math.min(10_000, backoff * 2);
                }
            }
        }
    }

    private boolean onlyOwn(PGNotification[] notes) {
        for (PGNotification n : notes) {
            if (!n.getParameter().contains("\"" + events.instanceId() + "\"")) {
                return false;
            }
        }
        return true;
    }

    /** Reads and applies every row that may be new, in one snapshot, and moves the bound. */
    private void read(Connection c) throws SQLException {
        long unread = System.nanoTime() - lastRead;
        if (bound != null && unread > properties.retention().toNanos()) {
            bound = null; // rows may have been removed unread: start from now, and tell the caches
            seen.clear();
            local.publishEvent(new ClusterEventsLost(Duration.ofNanos(unread)));
        }
        c.setAutoCommit(false);
        try {
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            String xmin;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")) {
                rs.next();
                xmin = rs.getString(1);
            }
            if (bound != null) {
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT id, tx::text, origin, type, payload::text FROM cluster_event
                        WHERE tx >= ?::xid8 ORDER BY id""")) {
                    ps.setString(1, bound);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            long tx = Long.parseLong(rs.getString(2));
                            if (seen.putIfAbsent(id, tx) == null
                                    && !events.instanceId().equals(rs.getString(3))) {
                                apply(rs.getString(4), rs.getString(5));
                            }
                        }
                    }
                }
            }
            c.commit();
            long xminValue = Long.parseLong(xmin);
            seen.values().removeIf(tx -> tx < xminValue);
            bound = xmin;
            lastRead = System.nanoTime();
        } finally {
            if (!c.isClosed()) {
                c.setAutoCommit(true);
            }
        }
    }

    private void apply(String type, String payload) {
        try {
            Class<?> cls = Class.forName(type, false, ClusterEvent.class.getClassLoader());
            if (!ClusterEvent.class.isAssignableFrom(cls)) {
                log.warn("Ignored an event of type {}: not a ClusterEvent", type);
                return;
            }
            Object event = json.readValue(payload, cls);
            local.publishEvent(event);
            applied++;
            log.debug("Applied {} from another instance", event);
        } catch (ClassNotFoundException e) {
            log.info("Ignored an event of unknown type {} (another release?)", type);
        } catch (RuntimeException e) {
            log.warn("An event {} from another instance failed: {}", type, e.toString());
        }
    }

    private void clean(Connection c) {
        long now = System.nanoTime();
        if (now - lastClean < CLEAN_EVERY.toNanos()) {
            return;
        }
        lastClean = now;
        try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM cluster_event WHERE created_at < now() - make_interval(secs => ?)")) {
            ps.setDouble(1, properties.retention().toSeconds());
            ps.executeUpdate();
        } catch (SQLException e) {
            log.debug("Removing old events failed: {}", e.toString());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

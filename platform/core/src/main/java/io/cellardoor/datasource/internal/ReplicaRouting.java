package io.cellardoor.datasource.internal;

import io.cellardoor.datasource.ReadReplica;
import io.cellardoor.datasource.ReplicaProperties;
import io.cellardoor.datasource.ReplicaStatus;
import io.cellardoor.tenant.RuntimeRoleCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The data source of read-only transactions: the replica while it answers and is at most
 * {@link ReplicaProperties#maxLag()} behind the primary, else the primary.
 *
 * <p>A probe every {@link ReplicaProperties#probeInterval()} reads the primary's WAL position
 * ({@code pg_current_wal_lsn()}) and the replica's replayed position ({@code pg_last_wal_replay_lsn()}); the lag is the
 * age of the oldest primary position the replica has not replayed yet (zero when it has replayed every sampled one),
 * which is exact to the probe interval whatever the write rate, and is not fooled by an idle primary as replay
 * timestamps are. A replica connection that cannot be had within {@link ReplicaProperties#connectTimeout()} marks the
 * replica down at once; the next successful probe brings it back. At first contact the replica's role is checked as
 * the primary's is ({@link RuntimeRoleCheck}): a role that would not isolate tenants is never used.
 */
public final class ReplicaRouting extends AbstractDataSource implements ReadReplica, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicaRouting.class);

    private record Sample(long nanos, long lsn) {}

    private final DataSource replica;
    private final DataSource primary;
    private final ReplicaProperties properties;
    private final boolean allowRlsBypass;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("replica-probe").daemon().factory());

    private volatile ReplicaStatus status;
    private volatile boolean roleChecked;
    private volatile boolean roleRefused;
    private final AtomicLong fallbacks = new AtomicLong();

    /**
     * @param replica the replica's pool (connections as the runtime role)
     * @param primary the primary's pool
     * @param allowRlsBypass {@code cellardoor.tenant.allow-rls-bypass}: a replica role that bypasses row-level security
     *     is then used anyway (with a warning), as the primary's would be
     */
    public ReplicaRouting(
            DataSource replica, DataSource primary, ReplicaProperties properties, boolean allowRlsBypass) {
        this.replica = replica;
        this.primary = primary;
        this.properties = properties;
        this.allowRlsBypass = allowRlsBypass;
        this.status = new ReplicaStatus(true, false, "not checked yet", Duration.ZERO, Instant.EPOCH);
        long every = Math.max(100, properties.probeInterval().toMillis());
        prober.scheduleWithFixedDelay(this::probeQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public ReplicaStatus status() {
        return status;
    }

    @Override
    public long fallbacks() {
        return fallbacks.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (status.serving()) {
            try {
                return replica.getConnection();
            } catch (SQLException e) {
                fallbacks.incrementAndGet();
                mark(false, "down", status.lag());
                log.warn("Read replica unavailable ({}); read-only queries go to the primary", e.getMessage());
            }
        }
        return primary.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("the replica routing data source takes no credentials");
    }

    /** Measures the replica now (the probe thread does every probe interval). */
    public void probe() throws SQLException {
        long now = System.nanoTime();
        long primaryLsn;
        try (Connection c = primary.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            primaryLsn = lsn(rs.getString(1));
        }
        synchronized (samples) {
            samples.addLast(new Sample(now, primaryLsn));
            long keep = properties.maxLag().toNanos() * 2
                    + properties.probeInterval().toNanos() * 4;
            while (samples.size() > 2 && now - samples.peekFirst().nanos() > keep) {
                samples.removeFirst();
            }
        }
        Long replayed;
        boolean standby;
        try (Connection c = replica.getConnection()) {
            if (!roleChecked) {
                checkRole(c);
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text")) {
                rs.next();
                standby = rs.getBoolean(1);
                String text = rs.getString(2);
                replayed = text == null ? null : lsn(text);
            }
        } catch (SQLException e) {
            if (status.serving() || !"down".equals(status.reason())) {
                log.warn("Read replica unavailable ({}); read-only queries go to the primary", e.getMessage());
            }
            mark(false, "down", status.lag());
            return;
        }
        if (roleRefused) {
            mark(false, "not isolating tenants", Duration.ZERO);
            return;
        }
        Duration lag = !standby || replayed == null ? Duration.ZERO : lag(replayed, now);
        boolean serve = lag.compareTo(properties.maxLag()) <= 0;
        if (serve != status.serving()) {
            log.info(
                    serve
                            ? "Read replica serving read-only queries (lag {} ms)"
                            : "Read replica {} ms behind the primary (more than {}); read-only queries go to the primary",
                    lag.toMillis(),
                    properties.maxLag());
        }
        mark(serve, serve ? "" : "lagging", lag);
    }

    /** The age of the oldest sampled primary position the replica has not replayed, zero when it replayed them all. */
    private Duration lag(long replayed, long now) {
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.lsn() > replayed) {
                    return Duration.ofNanos(now - s.nanos());
                }
            }
        }
        return Duration.ZERO;
    }

    private void checkRole(Connection c) {
        List<String> problems = RuntimeRoleCheck.problems(new JdbcTemplate(new SingleConnectionDataSource(c, true)));
        roleChecked = true;
        if (!problems.isEmpty()) {
            String message =
                    "The read replica's role does not enforce tenant isolation: " + String.join("; ", problems);
            if (allowRlsBypass) {
                log.warn("{} (allowed by cellardoor.tenant.allow-rls-bypass)", message);
            } else {
                roleRefused = true;
                log.error("{}; read-only queries stay on the primary", message);
            }
        }
    }

    private void mark(boolean serving, String reason, Duration lag) {
        status = new ReplicaStatus(true, serving, reason, lag, Instant.now());
    }

    private void probeQuietly() {
        try {
            probe();
        } catch (SQLException | RuntimeException e) {
            log.debug("Replica probe failed on the primary: {}", e.toString());
        }
    }

    /** A {@code pg_lsn} as text ({@code 16/B374D848}) as a number. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
    }

    @Override
    public void close() {
        prober.shutdownNow();
        if (replica instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("Closing the replica pool: {}", e.toString());
            }
        }
    }
}

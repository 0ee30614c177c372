package io.cellardoor.visitors;

import io.cellardoor.audit.AuditLog;
import io.cellardoor.privacy.PrivacyProperties;
import io.cellardoor.tenant.TenantTransactions;
import io.cellardoor.visitors.internal.RetentionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Deletes what outlived each org's retention (conversations 180 days, handoffs 365 by default; the audit log is kept),
 * every {@code cellardoor.privacy.purge-interval}. Runs on one instance at a time: a run first takes the PostgreSQL
 * session advisory lock {@value #LOCK_KEY} on a connection it holds for the run, and skips when another instance has
 * it. Each org is purged in its own transaction with an audit record of the counts ({@code retention.purge}, actor
 * {@value #ACTOR}) when anything was deleted.
 */
@Service
public class RetentionPurge implements SmartLifecycle {

    /** The advisory lock's key: "cdpurge" as a number. */
    static final long LOCK_KEY = 0x6364_7075_7267_65L;
    /** The audit log's actor for purges. */
    public static final String ACTOR = "system:retention";

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    /**
     * One run.
     *
     * @param ran false when another instance held the lock (nothing was done)
     * @param purged per org id, what was deleted (orgs with nothing to delete left out)
     */
    public record Run(boolean ran, Map<Long, RetentionStore.Purged> purged) {}

    private final RetentionStore store;
    private final AuditLog audit;
    private final TenantTransactions tenant;
    private final DataSource dataSource;
    private final PrivacyProperties properties;
    private final Clock clock;
    private volatile ScheduledExecutorService scheduler;

    RetentionPurge(
            RetentionStore store,
            AuditLog audit,
            TenantTransactions tenant,
            DataSource dataSource,
            PrivacyProperties properties) {
        this.store = store;
        this.audit = audit;
        this.tenant = tenant;
        this.dataSource = dataSource;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Purges every org now, unless another instance is purging. */
    public Run runOnce() {
        return runOnce(clock);
    }

    /** {@link #runOnce()} as of the given clock's now (tests). */
    public Run runOnce(Clock now) {
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "SELECT pg_try_advisory_lock(?)")) {
                log.info("Retention purge skipped: another instance holds the lock");
                return new Run(false, Map.of());
            }
            try {
                Map<Long, RetentionStore.Purged> purged = new LinkedHashMap<>();
                for (long orgId : store.orgIds()) {
                    RetentionStore.Purged p = tenant.inOrg(orgId, () -> {
                        RetentionStore.Retention retention = store.retention(orgId);
                        RetentionStore.Purged deleted = store.purge(orgId, retention, now.instant());
                        if (deleted.any()) {
                            audit.record(
                                    orgId,
                                    ACTOR,
                                    "retention.purge",
                                    "org",
                                    null,
                                    ("{\"messages\": %d, \"conversations\": %d, \"handoffs\": %d,"
                                                    + " \"conversationDays\": %d, \"handoffDays\": %d}")
                                            .formatted(
                                                    deleted.messages(),
                                                    deleted.conversations(),
                                                    deleted.handoffs(),
                                                    retention.conversationDays(),
                                                    retention.handoffDays()));
                        }
                        return deleted;
                    });
                    if (p.any()) {
                        purged.put(orgId, p);
                    }
                }
                if (!purged.isEmpty()) {
                    log.info("Retention purge: {}", purged);
                }
                return new Run(true, purged);
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("retention purge failed", e);
        }
    }

    /** Takes (or releases) the lock on this connection; true when it was taken (released). */
    static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    @Override
    public void start() {
        if (!properties.purgeOn()) {
            return;
        }
        long every = properties.purgeEvery().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("retention-purge").daemon().factory());
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        runOnce();
                    } catch (RuntimeException e) {
                        log.warn("Retention purge failed; next try in {}", properties.purgeEvery(), e);
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService s = scheduler;
        if (s != null) {
            s.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}

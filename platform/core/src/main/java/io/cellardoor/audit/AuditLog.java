package io.cellardoor.audit;

import io.cellardoor.tenant.TenantTransactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes and reads the org's audit log (table {@code audit_event}), as the org. Recording joins the caller's transaction
 * when there is one (of the same org: see {@link TenantTransactions}), so a change and its record commit or roll back
 * together.
 */
@Service
public class AuditLog {

    /** Longest before/after text kept, in characters; longer states are cut and marked. */
    static final int MAX_STATE = 100_000;

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;

    AuditLog(JdbcClient jdbc, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /**
     * Records one change.
     *
     * @throws IllegalArgumentException when actor, action or target is blank
     */
    public void record(
            long orgId, String actor, String action, String target, @Nullable String before, @Nullable String after) {
        if (actor.isBlank() || action.isBlank() || target.isBlank()) {
            throw new IllegalArgumentException("actor, action and target are required");
        }
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql(
                                "INSERT INTO audit_event (org_id, actor, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?)")
                        .params(orgId, actor, action, target, cut(before), cut(after))
                        .update());
    }

    /**
     * The org's events, newest first.
     *
     * @param query filters; {@code limit} is clamped to 1..1000
     */
    public List<AuditEvent> list(long orgId, AuditQuery query) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, actor, action, target, before, after, at FROM audit_event
                WHERE org_id = :org AND at >= :from AND at < :to""");
        if (query.actor() != null) {
            sql.append(" AND actor = :actor");
        }
        if (query.actionPrefix() != null) {
            sql.append(" AND starts_with(action, :action)");
        }
        if (query.beforeId() != null) {
            sql.append(" AND id < :beforeId");
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("org", orgId)
                .param("from", Timestamp.from(query.from()))
                .param("to", Timestamp.from(query.to()))
                .param("limit", Math.clamp(query.limit(), 1, 1000));
        if (query.actor() != null) {
            statement = statement.param("actor", query.actor());
        }
        if (query.actionPrefix() != null) {
            statement = statement.param("action", query.actionPrefix());
        }
        if (query.beforeId() != null) {
            statement = statement.param("beforeId", query.beforeId());
        }
        JdbcClient.StatementSpec finished = statement;
        return tenant.inOrg(
                orgId,
                () -> finished.query((rs, n) -> new AuditEvent(
                                rs.getLong("id"),
                                rs.getString("actor"),
                                rs.getString("action"),
                                rs.getString("target"),
                                rs.getString("before"),
                                rs.getString("after"),
                                rs.getTimestamp("at").toInstant()))
                        .list());
    }

    private static @Nullable String cut(@Nullable String state) {
        return state == null || state.length() <= MAX_STATE ? state : state.substring(0, MAX_STATE) + "\n[cut]";
    }

    /**
     * Filters of {@link #list}.
     *
     * @param from inclusive lower bound of {@code at}
     * @param to exclusive upper bound of {@code at}
     * @param actor exact username, or null for all
     * @param actionPrefix e.g. {@code document.}, or null for all
     * @param beforeId only events older than this id (paging), or null
     * @param limit most events returned
     */
    public record AuditQuery(
            Instant from,
            Instant to,
            @Nullable String actor,
            @Nullable String actionPrefix,
            @Nullable Long beforeId,
            int limit) {

        /** Everything, newest 200 first. */
        public static AuditQuery recent() {
            return new AuditQuery(Instant.EPOCH, Instant.now().plusSeconds(60), null, null, null, 200);
        }
    }
}

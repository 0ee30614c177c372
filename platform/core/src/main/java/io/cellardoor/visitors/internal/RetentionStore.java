package io.cellardoor.visitors.internal;

import io.cellardoor.tenant.TenantTransactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The retention purge's SQL: every org's id, an org's retention settings, and the deletes, as the org. */
@Repository
public class RetentionStore {

    /**
     * An org's retention, in days.
     *
     * @param conversationDays messages (with their feedback) older than this go, then conversations left empty
     * @param handoffDays handoff requests older than this go
     */
    public record Retention(int conversationDays, int handoffDays) {}

    /** What one org's purge deleted. */
    public record Purged(int messages, int conversations, int handoffs) {

        public boolean any() {
            return messages + conversations + handoffs > 0;
        }
    }

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;

    RetentionStore(JdbcClient jdbc, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /** Every org's id (through the owner's {@code cellardoor_org_ids()}; no org is set for this). */
    public List<Long> orgIds() {
        return jdbc.sql("SELECT cellardoor_org_ids()").query(Long.class).list();
    }

    /** The org's retention settings. */
    public Retention retention(long orgId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT conversation_retention_days, handoff_retention_days FROM org WHERE id = ?")
                        .param(orgId)
                        .query((rs, n) -> new Retention(rs.getInt(1), rs.getInt(2)))
                        .single());
    }

    /** Sets the org's retention (1..3650 days each). */
    public void setRetention(long orgId, Retention retention) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql(
                                "UPDATE org SET conversation_retention_days = ?, handoff_retention_days = ? WHERE id = ?")
                        .params(retention.conversationDays(), retention.handoffDays(), orgId)
                        .update());
    }

    /**
     * Deletes, in one transaction of the org (joining the caller's), what is older than the retention as of
     * {@code now}: messages, then conversations without messages that started before the cut, then handoff requests.
     */
    public Purged purge(long orgId, Retention retention, Instant now) {
        Timestamp conversationCut = Timestamp.from(now.minusSeconds(86_400L * retention.conversationDays()));
        Timestamp handoffCut = Timestamp.from(now.minusSeconds(86_400L * retention.handoffDays()));
        return tenant.inOrg(orgId, () -> {
            int messages = jdbc.sql("DELETE FROM message WHERE org_id = ? AND created_at < ?")
                    .params(orgId, conversationCut)
                    .update();
            int conversations = jdbc.sql("""
                            DELETE FROM conversation c WHERE c.org_id = ? AND c.created_at < ?
                              AND NOT EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id)""").params(orgId, conversationCut).update();
            int handoffs = jdbc.sql("DELETE FROM handoff_request WHERE org_id = ? AND created_at < ?")
                    .params(orgId, handoffCut)
                    .update();
            return new Purged(messages, conversations, handoffs);
        });
    }
}

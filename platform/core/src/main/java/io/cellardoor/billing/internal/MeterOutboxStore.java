package io.cellardoor.billing.internal;

import io.cellardoor.tenant.TenantTransactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The usage outbox ({@code meter_outbox}): counted messages waiting to be reported to Stripe, grouped into batches that
 * keep their identifier until Stripe accepted them.
 */
@Repository
public class MeterOutboxStore {

    /**
     * A batch of one org's unreported messages.
     *
     * @param identifier the meter event's identifier (Stripe counts an identifier once)
     * @param customerId the Stripe customer the usage belongs to
     * @param quantity messages in the batch
     * @param latest when the newest of them was counted (the meter event's timestamp)
     * @param attempts sends tried so far
     */
    public record Batch(String identifier, String customerId, long quantity, Instant latest, int attempts) {}

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;

    MeterOutboxStore(JdbcClient jdbc, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /** Adds one counted message of a Stripe customer (joins the caller's transaction of the org). */
    public void add(long orgId, String customerId, Instant at) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("INSERT INTO meter_outbox (org_id, stripe_customer_id, created_at) VALUES (?, ?, ?)")
                        .params(orgId, customerId, Timestamp.from(at))
                        .update());
    }

    /**
     * Groups the org's unbatched messages into batches of at most {@code max} per customer (each a new identifier),
     * then returns every batch that is due: new ones, and those whose retry time has come. Rows other instances are
     * claiming are skipped.
     */
    public List<Batch> due(long orgId, int max, Instant now) {
        return tenant.inOrg(orgId, () -> {
            jdbc.sql("""
                            WITH locked AS (
                                SELECT id, stripe_customer_id FROM meter_outbox
                                WHERE org_id = ? AND batch IS NULL AND sent_at IS NULL
                                ORDER BY id
                                FOR UPDATE SKIP LOCKED),
                            picked AS (
                                SELECT id, stripe_customer_id,
                                       (row_number() OVER (PARTITION BY stripe_customer_id ORDER BY id) - 1) / ? AS n
                                FROM locked),
                            named AS (
                                SELECT stripe_customer_id, n, 'cd_' || ? || '_' || min(id) || '_' || max(id) AS batch
                                FROM picked GROUP BY stripe_customer_id, n)
                            UPDATE meter_outbox m SET batch = named.batch
                            FROM picked JOIN named USING (stripe_customer_id, n)
                            WHERE m.id = picked.id""").params(orgId, max, orgId).update();
            return jdbc.sql("""
                            SELECT batch, stripe_customer_id, sum(quantity), max(created_at), max(attempts)
                            FROM meter_outbox
                            WHERE org_id = ? AND batch IS NOT NULL AND sent_at IS NULL AND next_attempt_at <= ?
                            GROUP BY batch, stripe_customer_id
                            ORDER BY min(id)""")
                    .params(orgId, Timestamp.from(now))
                    .query((rs, n) -> new Batch(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getTimestamp(4).toInstant(),
                            rs.getInt(5)))
                    .list();
        });
    }

    /** Marks a batch reported. */
    public void sent(long orgId, String batch, Instant at) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("UPDATE meter_outbox SET sent_at = ?, last_error = NULL WHERE org_id = ? AND batch = ?")
                        .params(Timestamp.from(at), orgId, batch)
                        .update());
    }

    /** Records a failed send: the batch is tried again at {@code retryAt}. */
    public void failed(long orgId, String batch, String error, Instant retryAt) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("""
                        UPDATE meter_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                        WHERE org_id = ? AND batch = ?""")
                        .params(
                                Timestamp.from(retryAt),
                                error.length() > 500 ? error.substring(0, 500) : error,
                                orgId,
                                batch)
                        .update());
    }

    /** Messages of the org not yet reported. */
    public long pending(long orgId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql(
                                "SELECT coalesce(sum(quantity), 0) FROM meter_outbox WHERE org_id = ? AND sent_at IS NULL")
                        .param(orgId)
                        .query(Long.class)
                        .single());
    }

    /** The orgs with messages not yet reported, of any org. */
    public List<Long> orgsWithPending() {
        return jdbc.sql("SELECT * FROM cellardoor_orgs_with_pending_meter_events()")
                .query(Long.class)
                .list();
    }
}

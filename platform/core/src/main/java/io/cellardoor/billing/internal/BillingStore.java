package io.cellardoor.billing.internal;

import io.cellardoor.datasource.CachedRows;
import io.cellardoor.tenant.TenantTransactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code org_billing} row of an org, as the org, cached per instance ({@link CachedRows},
 * {@code cellardoor.billing.account-cache-ttl}, default 1 s) so that a chat turn does not read its org's plan from the
 * database; a change made on another instance (a Stripe webhook, a platform admin) applies on every busy instance
 * within that time plus one request.
 */
@Repository
public class BillingStore {

    /**
     * The stored state (see {@code io.cellardoor.billing.BillingAccount} for the fields).
     */
    public record Row(
            @Nullable String assignedPlan,
            @Nullable String stripeCustomerId,
            @Nullable String subscriptionId,
            @Nullable String subscriptionStatus,
            @Nullable String subscriptionPlan,
            @Nullable Instant currentPeriodEnd,
            boolean cancelAtPeriodEnd,
            @Nullable Instant paymentFailedAt) {

        /** No row: the defaults. */
        public static final Row NONE = new Row(null, null, null, null, null, null, false, null);
    }

    /** A subscription as read from Stripe. */
    public record Subscription(
            String customerId,
            String subscriptionId,
            String status,
            @Nullable String plan,
            @Nullable Instant currentPeriodEnd,
            boolean cancelAtPeriodEnd) {}

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;
    private final CachedRows<Long, Row> rows;

    BillingStore(
            JdbcClient jdbc,
            TenantTransactions tenant,
            @Value("${cellardoor.billing.account-cache-ttl:1s}") Duration cacheTtl) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.rows = new CachedRows<>(cacheTtl, this::read);
    }

    /** The org's row ({@link Row#NONE} when it has none), at most the cache's age old. */
    public Row find(long orgId) {
        return rows.get(orgId);
    }

    private Row read(long orgId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("""
                        SELECT assigned_plan, stripe_customer_id, stripe_subscription_id, subscription_status,
                               subscription_plan, current_period_end, cancel_at_period_end, payment_failed_at
                        FROM org_billing WHERE org_id = ?""")
                        .param(orgId)
                        .query(BillingStore::row)
                        .optional()
                        .orElse(Row.NONE));
    }

    /** Sets (or with null clears) the plan a platform admin assigned. */
    public void assign(long orgId, @Nullable String plan, String actor) {
        tenant.runInOrg(orgId, () -> jdbc.sql("""
                        INSERT INTO org_billing (org_id, assigned_plan, assigned_by) VALUES (?, ?, ?)
                        ON CONFLICT (org_id) DO UPDATE
                        SET assigned_plan = excluded.assigned_plan, assigned_by = excluded.assigned_by, updated_at = now()""").params(orgId, plan, actor).update());
        rows.forget(orgId);
    }

    /** Records the org's Stripe customer. */
    public void customer(long orgId, String customerId) {
        tenant.runInOrg(orgId, () -> jdbc.sql("""
                        INSERT INTO org_billing (org_id, stripe_customer_id) VALUES (?, ?)
                        ON CONFLICT (org_id) DO UPDATE SET stripe_customer_id = excluded.stripe_customer_id, updated_at = now()""").params(orgId, customerId).update());
        rows.forget(orgId);
    }

    /**
     * Stores a subscription's current state. A delinquent status ({@code past_due}, {@code unpaid}) starts the grace
     * period at {@code now} unless it already runs; any other status ends it.
     */
    public void subscription(long orgId, Subscription s, Instant now) {
        boolean delinquent = s.status().equals("past_due") || s.status().equals("unpaid");
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("""
                        INSERT INTO org_billing (org_id, stripe_customer_id, stripe_subscription_id, subscription_status,
                                                 subscription_plan, current_period_end, cancel_at_period_end,
                                                 payment_failed_at)
                        VALUES (:org, :customer, :subscription, :status, :plan, :periodEnd, :cancel,
                                CASE WHEN CAST(:delinquent AS boolean) THEN CAST(:now AS timestamptz) END)
                        ON CONFLICT (org_id) DO UPDATE SET
                            stripe_customer_id = excluded.stripe_customer_id,
                            stripe_subscription_id = excluded.stripe_subscription_id,
                            subscription_status = excluded.subscription_status,
                            subscription_plan = excluded.subscription_plan,
                            current_period_end = excluded.current_period_end,
                            cancel_at_period_end = excluded.cancel_at_period_end,
                            payment_failed_at = CASE WHEN CAST(:delinquent AS boolean)
                                THEN coalesce(org_billing.payment_failed_at, CAST(:now AS timestamptz)) END,
                            updated_at = now()""")
                        .param("org", orgId)
                        .param("customer", s.customerId())
                        .param("subscription", s.subscriptionId())
                        .param("status", s.status())
                        .param("plan", s.plan())
                        .param("periodEnd", s.currentPeriodEnd() == null ? null : Timestamp.from(s.currentPeriodEnd()))
                        .param("cancel", s.cancelAtPeriodEnd())
                        .param("delinquent", delinquent)
                        .param("now", Timestamp.from(now))
                        .update());
        rows.forget(orgId);
    }

    /** The org of a Stripe customer, of any org (a webhook names the customer, not the org). */
    public Optional<Long> orgOfCustomer(String customerId) {
        return jdbc.sql("SELECT o.id FROM cellardoor_org_by_stripe_customer(?) AS o(id) WHERE o.id IS NOT NULL")
                .param(customerId)
                .query(Long.class)
                .optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getString("assigned_plan"),
                rs.getString("stripe_customer_id"),
                rs.getString("stripe_subscription_id"),
                rs.getString("subscription_status"),
                rs.getString("subscription_plan"),
                instant(rs.getTimestamp("current_period_end")),
                rs.getBoolean("cancel_at_period_end"),
                instant(rs.getTimestamp("payment_failed_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

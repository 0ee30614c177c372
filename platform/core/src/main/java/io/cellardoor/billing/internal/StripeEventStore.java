package io.cellardoor.billing.internal;

import io.cellardoor.tenant.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Stripe events already applied to an org ({@code stripe_event}). */
@Repository
public class StripeEventStore {

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;

    StripeEventStore(JdbcClient jdbc, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /**
     * Records an event as applied, in the caller's transaction of the org (so with its effect).
     *
     * @return false when it was applied before (a repeated delivery: do nothing)
     */
    public boolean firstTime(long orgId, String eventId, String type) {
        return tenant.inOrg(
                orgId, () -> jdbc.sql("""
                                INSERT INTO stripe_event (event_id, org_id, type) VALUES (?, ?, ?)
                                ON CONFLICT (event_id) DO NOTHING""").params(eventId, orgId, type).update() == 1);
    }

    /** Whether the org applied this event. */
    public boolean seen(long orgId, String eventId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT count(*) FROM stripe_event WHERE org_id = ? AND event_id = ?")
                                .params(orgId, eventId)
                                .query(Long.class)
                                .single()
                        > 0);
    }
}

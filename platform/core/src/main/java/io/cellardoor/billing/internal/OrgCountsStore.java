package io.cellardoor.billing.internal;

import io.cellardoor.tenant.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How much of the plan's documents and sites an org uses, as the org. */
@Repository
public class OrgCountsStore {

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;

    OrgCountsStore(JdbcClient jdbc, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /** Knowledge documents the org keeps. */
    public long documents(long orgId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT count(*) FROM kb_document WHERE org_id = ?")
                        .param(orgId)
                        .query(Long.class)
                        .single());
    }

    /** Sites of the org that were not revoked. */
    public long sites(long orgId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT count(*) FROM site WHERE org_id = ? AND revoked_at IS NULL")
                        .param(orgId)
                        .query(Long.class)
                        .single());
    }
}

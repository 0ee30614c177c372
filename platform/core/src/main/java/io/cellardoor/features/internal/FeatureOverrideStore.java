package io.cellardoor.features.internal;

import io.cellardoor.tenant.TenantTransactions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An org admin's feature switches ({@code feature_override}), as the org. */
@Repository
public class FeatureOverrideStore {

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;

    FeatureOverrideStore(JdbcClient jdbc, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /** The org's overrides by feature id. */
    public Map<String, Boolean> find(long orgId) {
        return tenant.inOrg(orgId, () -> {
            Map<String, Boolean> overrides = new LinkedHashMap<>();
            jdbc.sql("SELECT feature, enabled FROM feature_override WHERE org_id = ? ORDER BY feature")
                    .param(orgId)
                    .query(rs -> {
                        overrides.put(rs.getString(1), rs.getBoolean(2));
                    });
            return overrides;
        });
    }

    /** Sets the org's switch of a feature. */
    public void set(long orgId, String feature, boolean enabled, String actor) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("""
                        INSERT INTO feature_override (org_id, feature, enabled, updated_by) VALUES (?, ?, ?, ?)
                        ON CONFLICT (org_id, feature) DO UPDATE SET enabled = excluded.enabled,
                            updated_by = excluded.updated_by, updated_at = now()""").params(orgId, feature, enabled, actor).update());
    }

    /** Removes the org's switch: the feature follows the plan again. */
    public void clear(long orgId, String feature) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("DELETE FROM feature_override WHERE org_id = ? AND feature = ?")
                        .params(orgId, feature)
                        .update());
    }
}

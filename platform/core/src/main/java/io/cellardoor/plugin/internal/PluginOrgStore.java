package io.cellardoor.plugin.internal;

import io.cellardoor.tenant.TenantTransactions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code plugin_org_state} (enabled or not, per org) and {@code plugin_setting} (setting values per org). */
@Repository
public class PluginOrgStore {

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;

    PluginOrgStore(JdbcClient jdbc, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /** Ids of the plugins the org has disabled (plugins without a row are enabled). */
    public Set<String> disabled(long orgId) {
        return tenant.inOrg(orgId, () -> {
            return new HashSet<>(jdbc.sql("SELECT plugin_id FROM plugin_org_state WHERE org_id = ? AND NOT enabled")
                    .param(orgId)
                    .query(String.class)
                    .list());
        });
    }

    /** Sets whether a plugin serves the org's chats. */
    public void setEnabled(long orgId, String pluginId, boolean enabled, String actor) {
        tenant.runInOrg(orgId, () -> {
            jdbc.sql("""
                    INSERT INTO plugin_org_state (org_id, plugin_id, enabled, updated_by) VALUES (?, ?, ?, ?)
                    ON CONFLICT (org_id, plugin_id)
                    DO UPDATE SET enabled = excluded.enabled, updated_by = excluded.updated_by, updated_at = now()""").params(orgId, pluginId, enabled, actor).update();
        });
    }

    /** The org's values of a plugin's settings, by key (keys without a value are absent). */
    public Map<String, String> settings(long orgId, String pluginId) {
        return tenant.inOrg(orgId, () -> {
            Map<String, String> values = new LinkedHashMap<>();
            jdbc.sql("SELECT key, value FROM plugin_setting WHERE org_id = ? AND plugin_id = ? ORDER BY key")
                    .params(orgId, pluginId)
                    .query(rs -> {
                        values.put(rs.getString(1), rs.getString(2));
                    });
            return values;
        });
    }

    /** Replaces the org's values of a plugin's settings: the given keys are stored, the others removed. */
    public void replaceSettings(long orgId, String pluginId, Map<String, String> values, String actor) {
        tenant.runInOrg(orgId, () -> {
            List<String> keys = List.copyOf(values.keySet());
            jdbc.sql("DELETE FROM plugin_setting WHERE org_id = ? AND plugin_id = ? AND NOT (key = ANY (?))")
                    .params(orgId, pluginId, keys.toArray(String[]::new))
                    .update();
            values.forEach((key, value) ->
                    jdbc.sql("""
                    INSERT INTO plugin_setting (org_id, plugin_id, key, value, updated_by) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (org_id, plugin_id, key)
                    DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = now()""").params(orgId, pluginId, key, value, actor).update());
        });
    }
}

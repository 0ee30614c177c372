package io.cellardoor.widget.internal;

import io.cellardoor.tenant.TenantTransactions;
import io.cellardoor.widget.WidgetConfig;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Widget configuration and visitors; every statement is filtered by site and org and runs as the org. */
@Repository
public class WidgetStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TenantTransactions tenant;

    WidgetStore(JdbcClient jdbc, ObjectMapper json, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.json = json;
        this.tenant = tenant;
    }

    /**
     * The widget configuration of the org's site with this key (its current key, or the previous one during the grace
     * period after a rotation); empty for a revoked site.
     */
    public Optional<WidgetConfig> config(long orgId, String siteKey) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("""
                        SELECT site_key, name, greeting, suggestions, theme, locale, handoff_enabled, strings::text FROM site
                        WHERE org_id = :org AND revoked_at IS NULL
                          AND (site_key = :key OR (previous_site_key = :key AND previous_key_valid_until > now()))""")
                        .param("org", orgId)
                        .param("key", siteKey)
                        .query((rs, n) -> new WidgetConfig(
                                siteKey,
                                rs.getString(2),
                                rs.getString(3),
                                list(rs.getArray(4)),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getBoolean(7),
                                strings(rs.getString(8)),
                                true))
                        .optional());
    }

    /** Records a new anonymous visitor of a site. */
    public void createVisitor(UUID visitorId, long orgId, long siteId) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("INSERT INTO visitor (id, org_id, site_id) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")
                        .params(visitorId, orgId, siteId)
                        .update());
    }

    private Map<String, Map<String, String>> strings(String text) {
        return json.readValue(text, new TypeReference<Map<String, Map<String, String>>>() {});
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

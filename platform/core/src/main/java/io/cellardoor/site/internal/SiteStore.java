package io.cellardoor.site.internal;

import io.cellardoor.site.SiteDetails;
import io.cellardoor.site.SiteSettings;
import io.cellardoor.tenant.TenantTransactions;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code site}, for staff: every statement takes the org and filters by it. */
@Repository
public class SiteStore {

    private static final String COLUMNS = """
            id, name, site_key, previous_site_key, previous_key_valid_until, revoked_at, allowed_origins, greeting,
            suggestions, theme, locale, contact_line, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;

    SiteStore(JdbcClient jdbc, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /** The org's sites, active first, then by name. */
    public List<SiteDetails> list(long orgId) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("SELECT " + COLUMNS
                            + " FROM site WHERE org_id = ? ORDER BY revoked_at IS NOT NULL, name, id")
                    .param(orgId)
                    .query(SiteStore::row)
                    .list();
        });
    }

    /** One of the org's sites, locked for update when {@code forUpdate} (call inside a transaction). */
    public Optional<SiteDetails> find(long orgId, long siteId, boolean forUpdate) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("SELECT " + COLUMNS + " FROM site WHERE org_id = ? AND id = ?"
                            + (forUpdate ? " FOR UPDATE" : ""))
                    .params(orgId, siteId)
                    .query(SiteStore::row)
                    .optional();
        });
    }

    /** Creates a site with the default widget settings; returns its id. */
    public long create(long orgId, String name, String siteKey) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("INSERT INTO site (org_id, site_key, name) VALUES (?, ?, ?) RETURNING id")
                    .params(orgId, siteKey, name)
                    .query(Long.class)
                    .single();
        });
    }

    /** Replaces the site's key; the old one becomes the previous key, working until {@code previousValidUntil}. */
    public boolean rotate(long orgId, long siteId, String newKey, Instant previousValidUntil) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("""
                    UPDATE site SET previous_site_key = site_key, previous_key_valid_until = ?, site_key = ?, updated_at = now()
                    WHERE org_id = ? AND id = ? AND revoked_at IS NULL""")
                            .params(Timestamp.from(previousValidUntil), newKey, orgId, siteId)
                            .update()
                    == 1;
        });
    }

    /** Revokes the site: its keys stop working at once. */
    public boolean revoke(long orgId, long siteId) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("""
                    UPDATE site SET revoked_at = now(), previous_key_valid_until = least(previous_key_valid_until, now()),
                                    updated_at = now()
                    WHERE org_id = ? AND id = ? AND revoked_at IS NULL""").params(orgId, siteId).update() == 1;
        });
    }

    /** Saves the name and the widget settings of an active site. */
    public boolean update(long orgId, long siteId, String name, SiteSettings settings) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("""
                    UPDATE site SET name = ?, allowed_origins = ?, greeting = ?, suggestions = ?, theme = ?, locale = ?,
                                    contact_line = ?, updated_at = now()
                    WHERE org_id = ? AND id = ? AND revoked_at IS NULL""")
                            .params(
                                    name,
                                    settings.allowedOrigins().toArray(String[]::new),
                                    settings.greeting(),
                                    settings.suggestions().toArray(String[]::new),
                                    settings.theme(),
                                    settings.locale(),
                                    settings.contactLine(),
                                    orgId,
                                    siteId)
                            .update()
                    == 1;
        });
    }

    private static SiteDetails row(ResultSet rs, int n) throws SQLException {
        SiteSettings settings = new SiteSettings(
                list(rs.getArray("allowed_origins")),
                rs.getString("greeting"),
                list(rs.getArray("suggestions")),
                rs.getString("theme"),
                rs.getString("locale"),
                rs.getString("contact_line"));
        return new SiteDetails(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("site_key"),
                rs.getString("previous_site_key"),
                instant(rs.getTimestamp("previous_key_valid_until")),
                instant(rs.getTimestamp("revoked_at")),
                settings,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> list(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

package io.cellardoor.tenant;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Orgs and their sites: creation for the command line and look-up of site keys for the chat API. */
@Service
public class TenantService {

    private final JdbcClient jdbc;

    TenantService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Returns the id of the org with this slug, creating it when missing.
     *
     * @param slug lowercase letters, digits and hyphens, e.g. {@code demo}
     * @throws IllegalArgumentException when the slug is malformed
     */
    @Transactional
    public long ensureOrg(String slug, String name) {
        if (!slug.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("org slug must be lowercase letters, digits and hyphens: '" + slug + "'");
        }
        jdbc.sql("INSERT INTO org (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING").params(slug, name).update();
        return jdbc.sql("SELECT id FROM org WHERE slug = ?").param(slug).query(Long.class).single();
    }

    /** Creates the site with this key for the org when missing; an existing key keeps its org. */
    @Transactional
    public void ensureSite(long orgId, String siteKey, String name) {
        jdbc.sql("INSERT INTO site (org_id, site_key, name) VALUES (?, ?, ?) ON CONFLICT (site_key) DO NOTHING")
                .params(orgId, siteKey, name).update();
    }

    /** The id of the org with this slug, if any. */
    public Optional<Long> findOrgId(String slug) {
        return jdbc.sql("SELECT id FROM org WHERE slug = ?").param(slug).query(Long.class).optional();
    }

    /** The slug of the org with this id, if any. */
    public Optional<String> findOrgSlug(long orgId) {
        return jdbc.sql("SELECT slug FROM org WHERE id = ?").param(orgId).query(String.class).optional();
    }

    /** The site with this public key, if any. */
    public Optional<Site> findSite(String siteKey) {
        return jdbc.sql("""
                SELECT s.id, s.org_id, o.slug, o.contact_line, s.allowed_origins
                FROM site s JOIN org o ON o.id = s.org_id WHERE s.site_key = ?""")
                .param(siteKey)
                .query((rs, n) -> new Site(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        origins(rs.getArray(5))))
                .optional();
    }

    /** The org's contact line, empty when none is set. */
    public String contactLine(long orgId) {
        return jdbc.sql("SELECT contact_line FROM org WHERE id = ?").param(orgId).query(String.class).optional().orElse("");
    }

    /**
     * Sets the origins allowed to call the chat API from a browser for a site.
     *
     * @param origins e.g. {@code https://vineyard.example}; scheme, host and port only
     */
    public void updateAllowedOrigins(String siteKey, List<String> origins) {
        jdbc.sql("UPDATE site SET allowed_origins = ? WHERE site_key = ?").params(origins.toArray(String[]::new), siteKey).update();
    }

    /** Sets a site's widget appearance: greeting, suggested questions and theme name. */
    public void updateWidget(String siteKey, String greeting, List<String> suggestions, String theme) {
        jdbc.sql("UPDATE site SET greeting = ?, suggestions = ?, theme = ? WHERE site_key = ?")
                .params(greeting, suggestions.toArray(String[]::new), theme, siteKey).update();
    }

    /** Sets the org's contact line (shown when the chat cannot answer). */
    public void updateContactLine(long orgId, String contactLine) {
        jdbc.sql("UPDATE org SET contact_line = ? WHERE id = ?").params(contactLine, orgId).update();
    }

    private static List<String> origins(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

package io.cellardoor.tenant;

import io.cellardoor.web.ApiProblem;
import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Orgs and their sites: creation for the command line, look-up of site keys for the chat API and of org slugs for
 * staff, and the org's and sites' settings. Look-ups made before the org is known go through the database's SECURITY
 * DEFINER functions (migration V5); everything else runs as the org ({@link TenantTransactions}).
 */
@Service
public class TenantService {

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;

    TenantService(JdbcClient jdbc, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /**
     * Returns the id of the org with this slug, creating it when missing.
     *
     * @param slug lowercase letters, digits and hyphens, e.g. {@code demo}
     * @throws IllegalArgumentException when the slug is malformed
     */
    public long ensureOrg(String slug, String name) {
        if (!slug.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException(
                    "org slug must be lowercase letters, digits and hyphens: '" + slug + "'");
        }
        return jdbc.sql("SELECT cellardoor_ensure_org(?, ?)")
                .params(slug, name)
                .query(Long.class)
                .single();
    }

    /** Creates the site with this key for the org when missing; an existing key keeps its org. */
    public void ensureSite(long orgId, String siteKey, String name) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql(
                                "INSERT INTO site (org_id, site_key, name) VALUES (?, ?, ?) ON CONFLICT (site_key) DO NOTHING")
                        .params(orgId, siteKey, name)
                        .update());
    }

    /**
     * Why a key that {@link #findSite} does not accept once worked: its site was revoked, or it was replaced by a
     * rotation and its grace period is over. Empty for keys that never existed (and for working keys).
     */
    public Optional<RetiredKey> retiredKey(String siteKey) {
        return jdbc.sql("SELECT r.reason FROM cellardoor_retired_site_key(?) AS r(reason) WHERE r.reason IS NOT NULL")
                .param(siteKey)
                .query(String.class)
                .optional()
                .map(RetiredKey::valueOf);
    }

    /** Why a once-valid site key no longer works. */
    public enum RetiredKey {
        /** The site was revoked: every key of it is refused. */
        REVOKED,
        /** A newer key replaced this one and the grace period after the rotation is over. */
        ROTATED;

        /** The problem the widget API answers for such a key: 403 {@code site-key-revoked} or {@code site-key-rotated}. */
        public ApiProblem problem() {
            return this == REVOKED
                    ? new ApiProblem(
                            HttpStatus.FORBIDDEN,
                            "site-key-revoked",
                            "Site key revoked",
                            "This site key was revoked by the site's owner; the chat is no longer available with it.")
                    : new ApiProblem(
                            HttpStatus.FORBIDDEN,
                            "site-key-rotated",
                            "Site key replaced",
                            "This site key was replaced by a new one; update the embed snippet with the new key.");
        }
    }

    /** The id of the org with this slug, if any. */
    public Optional<Long> findOrgId(String slug) {
        return jdbc.sql("SELECT o.id FROM cellardoor_org_id(?) AS o(id) WHERE o.id IS NOT NULL")
                .param(slug)
                .query(Long.class)
                .optional();
    }

    /** The slug of the org with this id, if any. */
    public Optional<String> findOrgSlug(long orgId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT slug FROM org WHERE id = ?")
                        .param(orgId)
                        .query(String.class)
                        .optional());
    }

    /**
     * The site with this public key, if any, of any org (the key is how a visitor request names its org): its current
     * key, or its previous key during the grace period after a rotation; never a revoked site.
     */
    public Optional<Site> findSite(String siteKey) {
        return jdbc.sql(
                        "SELECT site_id, org_id, org_slug, contact_line, allowed_origins FROM cellardoor_site_by_key(?)")
                .param(siteKey)
                .query((rs, n) -> new Site(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), origins(rs.getArray(5))))
                .optional();
    }

    /** The org's contact line, empty when none is set. */
    public String contactLine(long orgId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT contact_line FROM org WHERE id = ?")
                        .param(orgId)
                        .query(String.class)
                        .optional()
                        .orElse(""));
    }

    /**
     * Sets the origins allowed to call the chat API from a browser for one of the org's sites.
     *
     * @param origins e.g. {@code https://vineyard.example}; scheme, host and port only
     * @return false when the org has no site with this key
     */
    public boolean updateAllowedOrigins(long orgId, String siteKey, List<String> origins) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("UPDATE site SET allowed_origins = ? WHERE site_key = ? AND org_id = ?")
                                .params(origins.toArray(String[]::new), siteKey, orgId)
                                .update()
                        == 1);
    }

    /**
     * Sets the widget appearance of one of the org's sites: greeting, suggested questions and theme name.
     *
     * @return false when the org has no site with this key
     */
    public boolean updateWidget(long orgId, String siteKey, String greeting, List<String> suggestions, String theme) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql(
                                        "UPDATE site SET greeting = ?, suggestions = ?, theme = ? WHERE site_key = ? AND org_id = ?")
                                .params(greeting, suggestions.toArray(String[]::new), theme, siteKey, orgId)
                                .update()
                        == 1);
    }

    /** Sets the org's contact line (shown when the chat cannot answer). */
    public void updateContactLine(long orgId, String contactLine) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("UPDATE org SET contact_line = ? WHERE id = ?")
                        .params(contactLine, orgId)
                        .update());
    }

    private static List<String> origins(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

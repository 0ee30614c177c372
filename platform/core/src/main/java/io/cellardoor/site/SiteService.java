package io.cellardoor.site;

import io.cellardoor.audit.AuditLog;
import io.cellardoor.site.internal.SiteStore;
import io.cellardoor.web.ApiProblem;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * An org's sites for staff (console and admin API): list, create, rotate a key, revoke, edit the widget settings.
 * Every change is written to the audit log with the site's state before and after, in the same transaction. Roles
 * are checked by the callers (ORG_ADMIN changes, VIEWER reads).
 *
 * <p>Keys are 32 URL-safe characters from 24 random bytes ({@code cdk_…}). A rotation issues a new key at once and
 * keeps the old one working for {@link SiteProperties#keyGracePeriod()} (default 24 h), so pages with the old
 * snippet keep their chat while the owner updates it; only the latest previous key is kept. Revoking stops every key
 * of the site at once and cannot be undone; a revoked site is read-only.
 */
@Service
public class SiteService {

    /** Most allowed origins per site. */
    public static final int MAX_ORIGINS = 20;
    /** Longest contact line, in characters. */
    public static final int MAX_CONTACT_LINE = 300;

    /** Longest greeting, in characters. */
    public static final int MAX_GREETING = 300;
    /** Most suggested questions per site. */
    public static final int MAX_SUGGESTIONS = 6;
    /** Longest suggested question, in characters. */
    public static final int MAX_SUGGESTION = 120;
    /** Longest site name, in characters. */
    public static final int MAX_NAME = 100;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SiteStore store;
    private final AuditLog audit;
    private final WidgetThemes themes;
    private final SiteProperties properties;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    SiteService(SiteStore store, AuditLog audit, WidgetThemes themes, SiteProperties properties, ObjectMapper json) {
        this.store = store;
        this.audit = audit;
        this.themes = themes;
        this.properties = properties;
        this.json = json;
    }

    /** The org's sites, active first, then by name. */
    public List<SiteDetails> list(long orgId) {
        return store.list(orgId);
    }

    /**
     * One of the org's sites.
     *
     * @throws ApiProblem 404 when the org has no such site
     */
    public SiteDetails get(long orgId, long siteId) {
        return store.find(orgId, siteId, false).orElseThrow(() -> notFound(siteId));
    }

    /**
     * Creates a site with a new key and the default widget settings.
     *
     * @param actor username of the staff member, for the audit log
     * @throws ApiProblem 400 {@code invalid-site-name}
     */
    @Transactional
    public SiteDetails create(long orgId, String actor, @Nullable String name) {
        long id = store.create(orgId, SiteRules.name(name), newKey());
        SiteDetails created = get(orgId, id);
        audit.record(orgId, actor, "site.create", target(id), null, state(created));
        return created;
    }

    /**
     * Issues a new key; the old one keeps working until the grace period is over.
     *
     * @throws ApiProblem 404 unknown site, 409 {@code site-revoked}
     */
    @Transactional
    public SiteDetails rotateKey(long orgId, String actor, long siteId) {
        SiteDetails before = activeForUpdate(orgId, siteId);
        store.rotate(orgId, siteId, newKey(), clock.instant().plus(properties.keyGracePeriod()));
        SiteDetails after = get(orgId, siteId);
        audit.record(orgId, actor, "site.rotate-key", target(siteId), state(before), state(after));
        return after;
    }

    /**
     * Revokes the site: the widget and chat refuse its keys from now on (403 {@code site-key-revoked}).
     *
     * @throws ApiProblem 404 unknown site, 409 {@code site-revoked} when already revoked
     */
    @Transactional
    public SiteDetails revoke(long orgId, String actor, long siteId) {
        SiteDetails before = activeForUpdate(orgId, siteId);
        store.revoke(orgId, siteId);
        SiteDetails after = get(orgId, siteId);
        audit.record(orgId, actor, "site.revoke", target(siteId), state(before), state(after));
        return after;
    }

    /**
     * Saves the site's name and widget settings after validating them (see {@link #validate}).
     *
     * @return the site as saved (origins normalised, blank suggestions dropped)
     * @throws ApiProblem 400 for invalid settings (nothing is saved), 404 unknown site, 409 {@code site-revoked}
     */
    @Transactional
    public SiteDetails update(long orgId, String actor, long siteId, @Nullable String name, SiteSettings settings) {
        String validName = SiteRules.name(name);
        SiteSettings valid = validate(settings);
        SiteDetails before = activeForUpdate(orgId, siteId);
        store.update(orgId, siteId, validName, valid);
        SiteDetails after = get(orgId, siteId);
        audit.record(orgId, actor, "site.update", target(siteId), state(before), state(after));
        return after;
    }

    /**
     * Checks and normalises widget settings without saving them.
     *
     * @return the settings as they would be saved: origins as {@code scheme://host[:port]} in lowercase without a
     *     default port, text stripped, blank and repeated suggestions dropped, a blank locale as null
     * @throws ApiProblem 400 {@code invalid-origin}, {@code invalid-greeting}, {@code invalid-suggestions},
     *     {@code unknown-theme} or {@code invalid-locale}
     */
    public SiteSettings validate(SiteSettings settings) {
        return SiteRules.settings(settings, themes.names());
    }

    /** The available widget theme names. */
    public List<String> themes() {
        return themes.names();
    }

    /**
     * The public base URL of this app for snippets: the configured {@code cellardoor.sites.public-url}, else the one
     * the request came to.
     *
     * @param requestBaseUrl e.g. {@code http://localhost:8080}
     */
    public String publicBaseUrl(String requestBaseUrl) {
        URI configured = properties.publicUrl();
        String base = configured == null ? requestBaseUrl : configured.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The tag a site owner pastes into their pages, e.g. {@code <script src="https://HOST/widget/…" …>}. */
    public String embedSnippet(String baseUrl, String siteKey) {
        return "<script src=\"" + HtmlUtils.htmlEscape(baseUrl) + "/widget/cellardoor-widget.js\" data-site-key=\""
                + HtmlUtils.htmlEscape(siteKey) + "\" async></script>";
    }

    /**
     * Path and query of the live preview page ({@code /widget/preview}) showing the real widget of a site with
     * unsaved settings; relative to this app.
     */
    public String previewPath(String siteKey, String name, SiteSettings settings) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(SitePreviewController.PATH)
                .queryParam("siteKey", siteKey)
                .queryParam("name", name)
                .queryParam("greeting", settings.greeting())
                .queryParam("theme", settings.theme());
        settings.suggestions().forEach(s -> uri.queryParam("suggestion", s));
        if (settings.locale() != null) {
            uri.queryParam("locale", settings.locale());
        }
        return uri.encode().build().toUriString();
    }

    private SiteDetails activeForUpdate(long orgId, long siteId) {
        SiteDetails site = store.find(orgId, siteId, true).orElseThrow(() -> notFound(siteId));
        if (site.revokedAt() != null) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "site-revoked",
                    "Site revoked",
                    "Site " + siteId + " was revoked; a revoked site cannot be changed. Create a new site instead.");
        }
        return site;
    }

    private String state(SiteDetails site) {
        return json.writeValueAsString(site);
    }

    private static String target(long siteId) {
        return "site:" + siteId;
    }

    private static ApiProblem notFound(long siteId) {
        return ApiProblem.notFound("Site " + siteId);
    }

    private static String newKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "cdk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package io.cellardoor.site;

import io.cellardoor.identity.OrgScope;
import io.cellardoor.identity.StaffUser;
import io.cellardoor.widget.WidgetAssets;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sites in the admin API ({@code /api/v1/admin/sites}), scoped to the caller's org ({@link OrgScope}); VIEWER and up
 * read, ORG_ADMIN and up change (checked by the admin API's security chain).
 */
@RestController
@RequestMapping("/api/v1/admin/sites")
class SiteAdminController {

    /** Body of {@code POST /api/v1/admin/sites}. */
    record NewSite(@Nullable String name) {}

    /** Body of {@code PUT /api/v1/admin/sites/{id}}: a null field keeps its current value. */
    record SiteUpdate(
            @Nullable String name,
            @Nullable List<String> allowedOrigins,
            @Nullable String greeting,
            @Nullable List<String> suggestions,
            @Nullable String theme,
            @Nullable String locale,
            @Nullable String contactLine) {}

    /**
     * A site as the API shows it.
     *
     * @param status {@code active} or {@code revoked}
     * @param embedSnippet the script tag to paste into the site's pages (always the current widget)
     * @param pinnedEmbedSnippet the same with Subresource Integrity: this exact widget release, {@code integrity} and
     *     {@code crossorigin} set (null when the widget is not built)
     * @param previewPath relative URL of the live preview page with the saved settings
     */
    record SiteView(
            long id,
            String name,
            String status,
            String siteKey,
            @Nullable String previousKey,
            @Nullable Instant previousKeyValidUntil,
            @Nullable Instant revokedAt,
            List<String> allowedOrigins,
            String greeting,
            List<String> suggestions,
            String theme,
            @Nullable String locale,
            String contactLine,
            String embedSnippet,
            @Nullable String pinnedEmbedSnippet,
            String previewPath,
            Instant createdAt,
            Instant updatedAt) {}

    private final SiteService sites;
    private final OrgScope orgs;
    private final WidgetAssets assets;

    SiteAdminController(SiteService sites, OrgScope orgs, WidgetAssets assets) {
        this.sites = sites;
        this.assets = assets;
        this.orgs = orgs;
    }

    /** {@code GET /api/v1/admin/sites}: the org's sites, active first. */
    @GetMapping
    List<SiteView> list(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable String org) {
        return sites.list(orgs.orgId(user, org)).stream().map(this::view).toList();
    }

    /** {@code GET /api/v1/admin/sites/themes}: the widget themes a site may use. */
    @GetMapping("/themes")
    List<String> themes() {
        return sites.themes();
    }

    /** {@code GET /api/v1/admin/sites/{id}}: 404 when the org has no such site. */
    @GetMapping("/{id:\\d+}")
    SiteView get(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String org) {
        return view(sites.get(orgs.orgId(user, org), id));
    }

    /** {@code POST /api/v1/admin/sites} {@code {"name": "..."}}: 201 with the new site and its key. */
    @PostMapping
    ResponseEntity<SiteView> create(
            @AuthenticationPrincipal StaffUser user,
            @RequestBody NewSite body,
            @RequestParam(required = false) @Nullable String org) {
        SiteView created = view(sites.create(orgs.orgId(user, org), user.username(), body.name()));
        return ResponseEntity.created(URI.create("/api/v1/admin/sites/" + created.id()))
                .body(created);
    }

    /** {@code PUT /api/v1/admin/sites/{id}}: saves the name and widget settings; 400 problem for invalid ones. */
    @PutMapping("/{id:\\d+}")
    SiteView update(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable long id,
            @RequestBody SiteUpdate body,
            @RequestParam(required = false) @Nullable String org) {
        long orgId = orgs.orgId(user, org);
        SiteDetails current = sites.get(orgId, id);
        SiteSettings now = current.settings();
        SiteSettings next = new SiteSettings(
                body.allowedOrigins() == null ? now.allowedOrigins() : body.allowedOrigins(),
                body.greeting() == null ? now.greeting() : body.greeting(),
                body.suggestions() == null ? now.suggestions() : body.suggestions(),
                body.theme() == null ? now.theme() : body.theme(),
                body.locale() == null ? now.locale() : body.locale(),
                body.contactLine() == null ? now.contactLine() : body.contactLine());
        return view(sites.update(orgId, user.username(), id, body.name() == null ? current.name() : body.name(), next));
    }

    /** {@code POST /api/v1/admin/sites/{id}/rotate-key}: a new key; the old one works for the grace period. */
    @PostMapping("/{id:\\d+}/rotate-key")
    SiteView rotate(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String org) {
        return view(sites.rotateKey(orgs.orgId(user, org), user.username(), id));
    }

    /** {@code POST /api/v1/admin/sites/{id}/revoke}: every key of the site stops working. */
    @PostMapping("/{id:\\d+}/revoke")
    SiteView revoke(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String org) {
        return view(sites.revoke(orgs.orgId(user, org), user.username(), id));
    }

    private SiteView view(SiteDetails site) {
        String base = sites.publicBaseUrl(
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        SiteSettings s = site.settings();
        return new SiteView(
                site.id(),
                site.name(),
                site.status(),
                site.siteKey(),
                site.previousKey(),
                site.previousKeyValidUntil(),
                site.revokedAt(),
                s.allowedOrigins(),
                s.greeting(),
                s.suggestions(),
                s.theme(),
                s.locale(),
                s.contactLine(),
                sites.embedSnippet(base, site.siteKey()),
                assets.pinnedEmbed(base, site.siteKey()).orElse(null),
                sites.previewPath(site.siteKey(), site.name(), s),
                site.createdAt(),
                site.updatedAt());
    }
}

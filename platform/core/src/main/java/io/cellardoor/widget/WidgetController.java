package io.cellardoor.widget;

import io.cellardoor.features.Feature;
import io.cellardoor.features.FeatureFlags;
import io.cellardoor.tenant.Site;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.web.ApiProblem;
import io.cellardoor.widget.internal.WidgetStore;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the widget asks for before chatting: the site's configuration ({@code GET /api/v1/widget/config}) and an
 * anonymous visitor token ({@code POST /api/v1/widget/session}), both by {@code X-Site-Key}.
 */
@RestController
class WidgetController {

    /** Body of the session request: the token the browser has, if any. */
    record SessionRequest(@Nullable String visitorToken) {}

    private final TenantService tenants;
    private final WidgetStore store;
    private final VisitorTokens tokens;
    private final FeatureFlags flags;

    WidgetController(TenantService tenants, WidgetStore store, VisitorTokens tokens, FeatureFlags flags) {
        this.tenants = tenants;
        this.store = store;
        this.tokens = tokens;
        this.flags = flags;
    }

    /** The site's configuration, without what the org's feature flags switched off for this visitor. */
    @GetMapping("/api/v1/widget/config")
    WidgetConfig config(
            @RequestHeader(name = "X-Site-Key", required = false) @Nullable String siteKey, WidgetCaller caller) {
        Site site = caller.site();
        WidgetConfig config =
                siteKey == null ? null : store.config(site.orgId(), siteKey).orElse(null);
        if (config == null) {
            return throwUnknownSite();
        }
        var on = flags.forVisitor(site.orgId(), site.orgSlug(), caller.visitorId());
        return config.gated(
                on.contains(Feature.SUGGESTED_QUESTIONS), on.contains(Feature.HANDOFF), on.contains(Feature.FEEDBACK));
    }

    /** Refreshes a valid token of this site's visitor, or makes a new visitor. */
    @PostMapping("/api/v1/widget/session")
    VisitorSession session(
            @RequestHeader(name = "X-Site-Key", required = false) @Nullable String siteKey,
            @RequestBody(required = false) @Nullable SessionRequest request) {
        Site site = siteKey == null ? null : tenants.findSite(siteKey).orElse(null);
        if (site == null) {
            return throwUnknownSite();
        }
        String presented = request == null ? null : request.visitorToken();
        if (presented != null) {
            var visitor = tokens.verify(presented, site.id());
            if (visitor.isPresent()) {
                return tokens.issue(site.id(), visitor.get().visitorId());
            }
        }
        UUID visitorId = UUID.randomUUID();
        store.createVisitor(visitorId, site.orgId(), site.id());
        return tokens.issue(site.id(), visitorId);
    }

    private static <T> T throwUnknownSite() {
        throw ApiProblem.unknownSiteKey();
    }
}

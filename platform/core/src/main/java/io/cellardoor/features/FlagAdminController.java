package io.cellardoor.features;

import io.cellardoor.billing.BillingAccounts;
import io.cellardoor.billing.Plan;
import io.cellardoor.identity.OrgScope;
import io.cellardoor.identity.StaffUser;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.web.ApiProblem;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feature flags in the admin API: {@code GET /api/v1/admin/flags} (every feature for the caller's org: global state,
 * what the plan unlocks, the org's switch, whether it is on) and {@code PUT /api/v1/admin/flags}: an org admin's switch
 * ({@code {"feature", "enabled": true|false|null}}, null follows the plan) or, with {@code "scope": "global"}, a
 * platform admin's global state ({@code {"feature", "scope": "global", "enabled", "percentage", "plans", "orgs"}}).
 * Every change is audited.
 */
@RestController
class FlagAdminController {

    /** Body of {@code PUT}. Global fields left out keep their current value. */
    record FlagUpdate(
            @Nullable String feature,
            @Nullable String scope,
            @Nullable Boolean enabled,
            @Nullable Integer percentage,
            @Nullable List<String> plans,
            @Nullable List<String> orgs) {}

    /** The org's features and its plan. */
    record Flags(String org, String plan, List<FeatureFlags.Flag> features) {}

    private final FeatureFlags flags;
    private final BillingAccounts accounts;
    private final OrgScope orgs;
    private final TenantService tenants;

    FlagAdminController(FeatureFlags flags, BillingAccounts accounts, OrgScope orgs, TenantService tenants) {
        this.flags = flags;
        this.accounts = accounts;
        this.orgs = orgs;
        this.tenants = tenants;
    }

    @GetMapping("/api/v1/admin/flags")
    Flags list(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable String org) {
        return view(orgs.orgId(user, org));
    }

    /** 400 {@code unknown-feature} / {@code invalid-flag}, 403 {@code feature-not-in-plan} or a global change by an org admin. */
    @PutMapping("/api/v1/admin/flags")
    Flags put(
            @AuthenticationPrincipal StaffUser user,
            @RequestBody FlagUpdate body,
            @RequestParam(required = false) @Nullable String org) {
        long orgId = orgs.orgId(user, org);
        if (body == null || body.feature() == null || body.feature().isBlank()) {
            throw ApiProblem.invalid("unknown-feature", "Unknown feature", "Name the feature: {\"feature\": \"...\"}.");
        }
        String slug = tenants.findOrgSlug(orgId).orElseThrow();
        Plan plan = accounts.plan(orgId);
        if ("global".equals(body.scope())) {
            if (!user.platformAdmin()) {
                throw ApiProblem.forbidden("Only a platform admin changes a feature for every org.");
            }
            FeatureFlags.Flag current = flags.flags(orgId, slug, plan).stream()
                    .filter(f -> f.id().equals(body.feature()))
                    .findFirst()
                    .orElseThrow(() -> ApiProblem.invalid(
                            "unknown-feature", "Unknown feature", "There is no feature '" + body.feature() + "'."));
            flags.setGlobal(
                    orgId,
                    body.feature(),
                    body.enabled() == null ? current.enabled() : body.enabled(),
                    body.plans() == null ? current.plans() : body.plans(),
                    body.orgs() == null ? current.orgs() : body.orgs(),
                    body.percentage() == null ? current.percentage() : body.percentage(),
                    user.username());
        } else if (body.scope() == null || "org".equals(body.scope())) {
            flags.override(orgId, slug, plan, body.feature(), body.enabled(), user.username());
        } else {
            throw ApiProblem.invalid("invalid-flag", "Invalid flag", "scope is \"org\" (default) or \"global\".");
        }
        return view(orgId);
    }

    private Flags view(long orgId) {
        String slug = tenants.findOrgSlug(orgId).orElseThrow();
        Plan plan = accounts.plan(orgId);
        return new Flags(slug, plan.id(), flags.flags(orgId, slug, plan));
    }
}

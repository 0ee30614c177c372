package io.cellardoor.features;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.cellardoor.audit.AuditLog;
import io.cellardoor.billing.BillingAccounts;
import io.cellardoor.billing.Plan;
import io.cellardoor.features.internal.FeatureOverrideStore;
import io.cellardoor.tenant.TenantTransactions;
import io.cellardoor.web.ApiProblem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.user.SimpleFeatureUser;
import org.togglz.core.user.thread.ThreadLocalUserProvider;

/**
 * Which features are on for an org, its plan and a visitor (Togglz, {@link OrgPlanActivationStrategy}), and the changes
 * to them: a platform admin's global state and an org admin's switches, each audited. Overrides are cached like the
 * global state ({@code cellardoor.features.cache-ttl}, refreshed in the background so that a turn does not wait for
 * them), so a change applies on every busy instance within that time plus one request.
 */
@Service
public class FeatureFlags {

    /**
     * A feature as the console and the API show it for one org.
     *
     * @param id e.g. {@code llm-answers}
     * @param label what it does
     * @param enabled the platform-wide switch (a platform admin's)
     * @param plans the plans the platform admin limited it to (empty: the plans' own lists)
     * @param orgs orgs that get it whatever their plan
     * @param percentage visitors it is rolled out to
     * @param unlocked whether the org's plan (or the org by name) unlocks it
     * @param override the org admin's switch, or null when the feature follows the plan
     * @param active whether it is on for the org's visitors (the rollout aside)
     */
    public record Flag(
            String id,
            String label,
            boolean enabled,
            List<String> plans,
            List<String> orgs,
            int percentage,
            boolean unlocked,
            @Nullable Boolean override,
            boolean active) {}

    private final FeatureManager manager;
    private final BillingAccounts accounts;
    private final FeatureOverrideStore overrides;
    private final AuditLog audit;
    private final TenantTransactions tenant;
    private final LoadingCache<Long, Map<String, Boolean>> cache;

    FeatureFlags(
            FeatureManager manager,
            BillingAccounts accounts,
            FeatureOverrideStore overrides,
            AuditLog audit,
            TenantTransactions tenant,
            FeaturesProperties properties) {
        this.manager = manager;
        this.accounts = accounts;
        this.overrides = overrides;
        this.audit = audit;
        this.tenant = tenant;
        this.cache = Caffeine.newBuilder()
                .refreshAfterWrite(properties.cacheTtl())
                .expireAfterWrite(properties.staleLimit())
                .maximumSize(10_000)
                .build(overrides::find);
    }

    /** The features on for a turn of this org and visitor (null: an anonymous turn). */
    public Set<Feature> active(long orgId, String orgSlug, Plan plan, @Nullable UUID visitorId) {
        SimpleFeatureUser user = new SimpleFeatureUser(visitorId == null ? "anonymous" : visitorId.toString());
        user.setAttribute(OrgPlanActivationStrategy.ATTR_ORG, orgSlug);
        user.setAttribute(OrgPlanActivationStrategy.ATTR_PLAN, plan);
        user.setAttribute(OrgPlanActivationStrategy.ATTR_OVERRIDES, overrides(orgId));
        if (visitorId != null) {
            user.setAttribute(OrgPlanActivationStrategy.ATTR_VISITOR, visitorId.toString());
        }
        Set<Feature> on = EnumSet.noneOf(Feature.class);
        ThreadLocalUserProvider.bind(user);
        try {
            for (Feature f : Feature.values()) {
                if (manager.isActive(f)) {
                    on.add(f);
                }
            }
        } finally {
            ThreadLocalUserProvider.release();
        }
        return on;
    }

    /** The features on for a visitor of the org (null: anonymous), on the org's plan in force. */
    public Set<Feature> forVisitor(long orgId, String orgSlug, @Nullable UUID visitorId) {
        return active(orgId, orgSlug, accounts.plan(orgId), visitorId);
    }

    /**
     * Refuses a visitor's request for a feature that is off for them.
     *
     * @throws ApiProblem 403 {@code feature-disabled}
     */
    public void require(Feature feature, long orgId, String orgSlug, @Nullable UUID visitorId) {
        if (!forVisitor(orgId, orgSlug, visitorId).contains(feature)) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "feature-disabled",
                    "Feature not available",
                    "'" + feature.id() + "' is not available on this site.");
        }
    }

    /** Every feature's state for an org. */
    public List<Flag> flags(long orgId, String orgSlug, Plan plan) {
        Map<String, Boolean> org = overrides(orgId);
        List<Flag> flags = new ArrayList<>();
        for (Feature f : Feature.values()) {
            FeatureState state = manager.getFeatureState(f);
            boolean unlocked = OrgPlanActivationStrategy.unlocked(state, f.id(), plan, orgSlug);
            Boolean override = org.get(f.id());
            flags.add(new Flag(
                    f.id(),
                    manager.getMetaData(f).getLabel(),
                    state.isEnabled(),
                    List.copyOf(OrgPlanActivationStrategy.list(state.getParameter(OrgPlanActivationStrategy.PLANS))),
                    List.copyOf(OrgPlanActivationStrategy.list(state.getParameter(OrgPlanActivationStrategy.ORGS))),
                    OrgPlanActivationStrategy.percentage(state),
                    unlocked,
                    override,
                    state.isEnabled() && unlocked && !Boolean.FALSE.equals(override)));
        }
        return flags;
    }

    /**
     * Sets (true/false) or clears (null) an org's switch of a feature its plan unlocks, audited as
     * {@code feature.override-changed}.
     *
     * @throws ApiProblem 400 {@code unknown-feature}, 403 {@code feature-not-in-plan}
     */
    public void override(
            long orgId, String orgSlug, Plan plan, String featureId, @Nullable Boolean enabled, String actor) {
        Feature feature = feature(featureId);
        if (Boolean.TRUE.equals(enabled)
                && !OrgPlanActivationStrategy.unlocked(manager.getFeatureState(feature), featureId, plan, orgSlug)) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "feature-not-in-plan",
                    "Not in your plan",
                    "The " + plan.name() + " plan does not include '" + featureId + "'; upgrade to switch it on.");
        }
        tenant.runInOrg(orgId, () -> {
            Boolean before = overrides.find(orgId).get(featureId);
            if (enabled == null) {
                overrides.clear(orgId, featureId);
            } else {
                overrides.set(orgId, featureId, enabled, actor);
            }
            audit.record(orgId, actor, "feature.override-changed", featureId, state(before), state(enabled));
        });
        cache.invalidate(orgId);
    }

    /**
     * Sets a feature's platform-wide state (a platform admin's), audited as {@code feature.changed} in the org the
     * admin acts in.
     *
     * @param plans plan ids it is limited to (empty: the plans' own lists)
     * @param orgs org slugs that get it whatever their plan
     * @param percentage visitors, 0..100
     * @throws ApiProblem 400 {@code unknown-feature}, {@code invalid-flag}
     */
    public void setGlobal(
            long auditOrgId,
            String featureId,
            boolean enabled,
            List<String> plans,
            List<String> orgs,
            int percentage,
            String actor) {
        Feature feature = feature(featureId);
        if (percentage < 0 || percentage > 100) {
            throw ApiProblem.invalid("invalid-flag", "Invalid flag", "The percentage is 0 to 100.");
        }
        for (String s : concat(plans, orgs)) {
            if (!s.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                throw ApiProblem.invalid("invalid-flag", "Invalid flag", "Plan ids and org slugs: '" + s + "'.");
            }
        }
        FeatureState before = manager.getFeatureState(feature);
        FeatureState next = new FeatureState(feature, enabled)
                .setStrategyId(OrgPlanActivationStrategy.ID)
                .setParameter(OrgPlanActivationStrategy.PLANS, String.join(",", plans))
                .setParameter(OrgPlanActivationStrategy.ORGS, String.join(",", orgs))
                .setParameter(OrgPlanActivationStrategy.PERCENTAGE, Integer.toString(percentage));
        manager.setFeatureState(next);
        audit.record(auditOrgId, actor, "feature.changed", featureId, describe(before), describe(next));
    }

    private Map<String, Boolean> overrides(long orgId) {
        return cache.get(orgId);
    }

    private static Feature feature(String id) {
        return Feature.byId(id)
                .orElseThrow(() -> ApiProblem.invalid(
                        "unknown-feature",
                        "Unknown feature",
                        "There is no feature '" + id + "'; features: "
                                + String.join(
                                        ", ",
                                        java.util.Arrays.stream(Feature.values())
                                                .map(Feature::id)
                                                .toList())));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String state(@Nullable Boolean override) {
        return override == null ? "plan" : override ? "on" : "off";
    }

    private static String describe(FeatureState s) {
        return "{\"enabled\": %s, \"plans\": \"%s\", \"orgs\": \"%s\", \"percentage\": %d}"
                .formatted(
                        s.isEnabled(),
                        nullToEmpty(s.getParameter(OrgPlanActivationStrategy.PLANS)),
                        nullToEmpty(s.getParameter(OrgPlanActivationStrategy.ORGS)),
                        OrgPlanActivationStrategy.percentage(s));
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}

package io.cellardoor.features;

import io.cellardoor.billing.Plan;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.togglz.core.activation.Parameter;
import org.togglz.core.activation.ParameterBuilder;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.spi.ActivationStrategy;
import org.togglz.core.user.FeatureUser;

/**
 * Togglz activation by org and plan, with a gradual rollout by visitor. For a feature that a platform admin enabled, the
 * feature is active for a turn when:
 *
 * <ol>
 *   <li>the org's plan unlocks it: the plan lists it in {@code features}, or the parameter {@value #PLANS} (plan ids,
 *       comma-separated) names the plan, or the parameter {@value #ORGS} (org slugs) names the org;</li>
 *   <li>the org's admin did not switch it off for the org (an org override of {@code true} also skips the rollout);</li>
 *   <li>the visitor falls in the first {@value #PERCENTAGE} percent (a stable hash of feature and visitor; a turn
 *       without a visitor is in only at 100 %).</li>
 * </ol>
 *
 * The user Togglz hands over is the turn's, made by {@link FeatureFlags} with the attributes {@value #ATTR_ORG},
 * {@value #ATTR_PLAN}, {@value #ATTR_VISITOR} and {@value #ATTR_OVERRIDES}.
 */
public class OrgPlanActivationStrategy implements ActivationStrategy {

    public static final String ID = "org-plan";
    public static final String PLANS = "plans";
    public static final String ORGS = "orgs";
    public static final String PERCENTAGE = "percentage";

    static final String ATTR_ORG = "org";
    static final String ATTR_PLAN = "plan";
    static final String ATTR_VISITOR = "visitor";
    static final String ATTR_OVERRIDES = "overrides";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getName() {
        return "Org and plan, gradual by visitor";
    }

    @Override
    public boolean isActive(FeatureState state, FeatureUser user) {
        if (user == null || !(user.getAttribute(ATTR_PLAN) instanceof Plan plan)) {
            return false;
        }
        String id = ((Feature) state.getFeature()).id();
        String org = String.valueOf(user.getAttribute(ATTR_ORG));
        if (!unlocked(state, id, plan, org)) {
            return false;
        }
        Boolean override =
                user.getAttribute(ATTR_OVERRIDES) instanceof Map<?, ?> overrides ? (Boolean) overrides.get(id) : null;
        if (override != null) {
            return override;
        }
        int percentage = percentage(state);
        if (percentage >= 100) {
            return true;
        }
        Object visitor = user.getAttribute(ATTR_VISITOR);
        return visitor != null && bucket(id, visitor.toString()) < percentage;
    }

    /** Whether the plan (or the org by name) unlocks the feature, given the feature's global parameters. */
    static boolean unlocked(FeatureState state, String featureId, Plan plan, String orgSlug) {
        Set<String> orgs = list(state.getParameter(ORGS));
        if (orgs.contains(orgSlug)) {
            return true;
        }
        Set<String> plans = list(state.getParameter(PLANS));
        return plans.isEmpty() ? plan.unlocks(featureId) : plans.contains(plan.id());
    }

    /** The rollout percentage, 0..100 (100 when unset or unreadable). */
    static int percentage(FeatureState state) {
        String p = state.getParameter(PERCENTAGE);
        try {
            return p == null || p.isBlank() ? 100 : Math.clamp(Integer.parseInt(p.strip()), 0, 100);
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    /** A visitor's stable bucket 0..99 for a feature. */
    static int bucket(String featureId, String visitor) {
        CRC32 crc = new CRC32();
        crc.update((featureId + ":" + visitor).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 100);
    }

    static Set<String> list(String value) {
        return value == null
                ? Set.of()
                : Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Parameter[] getParameters() {
        return new Parameter[] {
            ParameterBuilder.create(PLANS)
                    .label("Plans (ids, comma-separated; empty: the plans' own lists)")
                    .optional(),
            ParameterBuilder.create(ORGS)
                    .label("Orgs that get it whatever their plan (slugs, comma-separated)")
                    .optional(),
            ParameterBuilder.create(PERCENTAGE).label("Visitors, percent").matching("\\d{1,3}")
        };
    }
}

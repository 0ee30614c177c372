package io.cellardoor.billing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The plans of {@code cellardoor.billing.plans}, read once at start-up. A missing default plan is an error at start-up.
 */
@Component
public class Plans {

    private final Map<String, Plan> plans = new LinkedHashMap<>();
    private final Plan defaultPlan;

    Plans(BillingProperties properties) {
        properties.plans().forEach((id, p) -> plans.put(id, plan(id, p)));
        Plan fallback = plans.get(properties.defaultPlan());
        if (fallback == null) {
            throw new IllegalStateException("cellardoor.billing.default-plan is '" + properties.defaultPlan()
                    + "' but cellardoor.billing.plans has only " + plans.keySet());
        }
        this.defaultPlan = fallback;
    }

    /** Every plan, in configuration order. */
    public List<Plan> all() {
        return new ArrayList<>(plans.values());
    }

    /** The plan with this id, if configured. */
    public Optional<Plan> find(String id) {
        return Optional.ofNullable(plans.get(id));
    }

    /** The plan of orgs on no other plan. */
    public Plan defaultPlan() {
        return defaultPlan;
    }

    /** The plan sold at this Stripe price, if any. */
    public Optional<Plan> byPriceId(String priceId) {
        return plans.values().stream().filter(p -> priceId.equals(p.priceId())).findFirst();
    }

    private static Plan plan(String id, BillingProperties.PlanProperties p) {
        return new Plan(
                id,
                p.name() == null || p.name().isBlank() ? id : p.name(),
                limit(p.monthlyMessages()),
                limit(p.documents()),
                limit(p.sites()),
                p.allowedModels() == null
                        ? List.of()
                        : p.allowedModels().stream()
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList(),
                p.features() == null
                        ? Set.of()
                        : Set.copyOf(p.features().stream()
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList()),
                blankToNull(p.priceId()),
                blankToNull(p.meteredPriceId()),
                blankToNull(p.price()));
    }

    private static long limit(Long value) {
        return value == null || value < 0 ? -1 : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

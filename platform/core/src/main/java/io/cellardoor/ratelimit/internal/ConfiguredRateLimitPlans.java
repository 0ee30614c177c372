package io.cellardoor.ratelimit.internal;

import io.cellardoor.ratelimit.PlanLimits;
import io.cellardoor.ratelimit.RateLimitPlans;

/** The default {@link RateLimitPlans}: the configured limits for every org, until billing (issue 10) knows plans. */
public final class ConfiguredRateLimitPlans implements RateLimitPlans {

    private final PlanLimits limits;

    public ConfiguredRateLimitPlans(PlanLimits limits) {
        this.limits = limits;
    }

    @Override
    public PlanLimits limitsFor(long orgId) {
        return limits;
    }
}

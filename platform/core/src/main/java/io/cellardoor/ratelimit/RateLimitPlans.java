package io.cellardoor.ratelimit;

/**
 * Where the rate limits of an org come from. The one implementation today gives every org the configured limits
 * ({@code cellardoor.widget.visitor-requests-per-minute}, {@code -site-requests-per-minute},
 * {@code cellardoor.ratelimit.address-requests-per-minute}, {@code -admin-requests-per-minute}); plans do not set rates
 * yet (their limits are monthly messages, documents and sites: {@code billing.PlanLimits}). A plan-based
 * implementation declares a bean of this type; it is called on every limited request, so one that reads the database
 * should cache (a changed limit takes effect with the next request, on a fresh bucket).
 */
public interface RateLimitPlans {

    /** The limits of the org's plan. */
    PlanRates ratesFor(long orgId);

    /** The same limits for every org (the default, until billing knows plans). */
    static RateLimitPlans everyOrg(PlanRates limits) {
        return orgId -> limits;
    }
}

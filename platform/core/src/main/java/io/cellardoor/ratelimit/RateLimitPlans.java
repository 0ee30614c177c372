package io.cellardoor.ratelimit;

/**
 * Where the rate limits of an org come from: its plan. The default implementation gives every org the configured
 * limits ({@code cellardoor.widget.visitor-requests-per-minute}, {@code -site-requests-per-minute},
 * {@code cellardoor.ratelimit.address-requests-per-minute}, {@code -admin-requests-per-minute}); billing (issue 10)
 * replaces it by declaring a {@code @Primary} bean of this type that looks up the org's plan. Called on every limited request: an
 * implementation that reads the database should cache (plans change rarely; a changed limit takes effect with the
 * next request, on a fresh bucket).
 */
public interface RateLimitPlans {

    /** The limits of the org's plan. */
    PlanLimits limitsFor(long orgId);

    /** The same limits for every org (the default, until billing knows plans). */
    static RateLimitPlans everyOrg(PlanLimits limits) {
        return orgId -> limits;
    }
}

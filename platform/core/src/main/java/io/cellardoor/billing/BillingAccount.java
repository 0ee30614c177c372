package io.cellardoor.billing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An org's billing state.
 *
 * @param orgId the org
 * @param plan the plan in force now: an active Stripe subscription's, else (during a payment failure's grace period)
 *     still the subscription's, else the plan a platform admin assigned, else the default plan
 * @param assignedPlan the plan a platform admin assigned, or null
 * @param stripeCustomerId the org's Stripe customer, or null
 * @param subscriptionId its Stripe subscription, or null
 * @param subscriptionStatus Stripe's status of it as last read ({@code active}, {@code past_due}, {@code canceled}, ...)
 * @param subscriptionPlan the plan the subscription's price belongs to, or null
 * @param currentPeriodEnd when the subscription renews, or null
 * @param cancelAtPeriodEnd whether it ends at the period's end
 * @param paymentFailedAt when a payment first failed (the subscription is delinquent), or null
 * @param graceUntil until when the paid plan is kept despite the failed payment, or null
 */
public record BillingAccount(
        long orgId,
        Plan plan,
        @Nullable String assignedPlan,
        @Nullable String stripeCustomerId,
        @Nullable String subscriptionId,
        @Nullable String subscriptionStatus,
        @Nullable String subscriptionPlan,
        @Nullable Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        @Nullable Instant paymentFailedAt,
        @Nullable Instant graceUntil) {

    /** Whether a payment failed and the grace period is running. */
    public boolean inGracePeriod(Instant now) {
        return graceUntil != null && now.isBefore(graceUntil);
    }
}

package io.cellardoor.billing;

import io.cellardoor.audit.AuditLog;
import io.cellardoor.billing.internal.BillingStore;
import io.cellardoor.tenant.TenantTransactions;
import io.cellardoor.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Which plan each org is on, and its Stripe customer and subscription.
 *
 * <p>The plan in force: an {@code active} or {@code trialing} Stripe subscription's plan; for a {@code past_due} or
 * {@code unpaid} one still that plan until the grace period after the first failed payment ends
 * ({@code cellardoor.billing.grace-period}); else the plan a platform admin assigned; else the default plan. Nothing is
 * ever deleted when an org falls back to a smaller plan: only its limits change.
 */
@Service
public class BillingAccounts {

    private static final Set<String> PAYING = Set.of("active", "trialing");
    private static final Set<String> DELINQUENT = Set.of("past_due", "unpaid");

    private final BillingStore store;
    private final Plans plans;
    private final BillingProperties properties;
    private final AuditLog audit;
    private final TenantTransactions tenant;
    private final Clock clock;

    BillingAccounts(
            BillingStore store,
            Plans plans,
            BillingProperties properties,
            AuditLog audit,
            TenantTransactions tenant,
            Clock clock) {
        this.store = store;
        this.plans = plans;
        this.properties = properties;
        this.audit = audit;
        this.tenant = tenant;
        this.clock = clock;
    }

    /** The org's billing state now. */
    public BillingAccount account(long orgId) {
        BillingStore.Row row = store.find(orgId);
        Instant now = clock.instant();
        Instant graceUntil =
                row.paymentFailedAt() == null ? null : row.paymentFailedAt().plus(properties.gracePeriod());
        return new BillingAccount(
                orgId,
                planInForce(row, graceUntil, now),
                row.assignedPlan(),
                row.stripeCustomerId(),
                row.subscriptionId(),
                row.subscriptionStatus(),
                row.subscriptionPlan(),
                row.currentPeriodEnd(),
                row.cancelAtPeriodEnd(),
                row.paymentFailedAt(),
                graceUntil);
    }

    /** The plan in force for the org now. */
    public Plan plan(long orgId) {
        return account(orgId).plan();
    }

    /**
     * Assigns a plan (a platform admin's decision; an active Stripe subscription still decides while it lasts), audited
     * as {@code billing.plan-assigned}.
     *
     * @throws ApiProblem 400 {@code unknown-plan}
     */
    public BillingAccount assign(long orgId, String planId, String actor) {
        Plan plan = plans.find(planId)
                .orElseThrow(() -> ApiProblem.invalid(
                        "unknown-plan", "Unknown plan", "There is no plan '" + planId + "'; plans: " + ids()));
        tenant.runInOrg(orgId, () -> {
            String before = account(orgId).plan().id();
            store.assign(orgId, plan.id(), actor);
            audit.record(orgId, actor, "billing.plan-assigned", "org", before, plan.id());
        });
        return account(orgId);
    }

    /** Records the org's Stripe customer. */
    public void customer(long orgId, String customerId) {
        store.customer(orgId, customerId);
    }

    private Plan planInForce(BillingStore.Row row, @Nullable Instant graceUntil, Instant now) {
        String status = row.subscriptionStatus();
        String subscribed = row.subscriptionPlan();
        if (status != null && subscribed != null) {
            boolean paying = PAYING.contains(status);
            boolean graced = DELINQUENT.contains(status) && graceUntil != null && now.isBefore(graceUntil);
            if (paying || graced) {
                var plan = plans.find(subscribed);
                if (plan.isPresent()) {
                    return plan.get();
                }
            }
            if (DELINQUENT.contains(status)) {
                return plans.defaultPlan(); // the grace period is over: the default plan's limits, data kept
            }
        }
        return row.assignedPlan() == null
                ? plans.defaultPlan()
                : plans.find(row.assignedPlan()).orElse(plans.defaultPlan());
    }

    private String ids() {
        return String.join(", ", plans.all().stream().map(Plan::id).toList());
    }
}

package io.cellardoor.billing;

import io.cellardoor.billing.internal.OrgCountsStore;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.stereotype.Service;

/** An org's plan, usage and limits in one place: the usage report, the console's Billing view and its banners. */
@Service
public class BillingOverview {

    /**
     * The Billing view's figures.
     *
     * @param account the org's billing state
     * @param used this period's messages against the limit
     * @param days messages per day of the period (days without any left out)
     * @param documents documents kept
     * @param sites active sites
     * @param spend the month's LLM spend against the budget
     * @param stripe whether Stripe is configured
     * @param plans every plan
     */
    public record Overview(
            BillingAccount account,
            Quotas.Used used,
            List<DailyUsage> days,
            long documents,
            long sites,
            LlmSpend.Spend spend,
            boolean stripe,
            List<Plan> plans) {}

    /**
     * A banner the console shows.
     *
     * @param level {@code warning} (80 %) or {@code error} (100 %)
     */
    public record Banner(String level, String text) {}

    private final BillingAccounts accounts;
    private final Quotas quotas;
    private final OrgCountsStore counts;
    private final LlmSpend spend;
    private final StripeGatewayHolder stripe;
    private final Plans plans;

    BillingOverview(
            BillingAccounts accounts,
            Quotas quotas,
            OrgCountsStore counts,
            LlmSpend spend,
            StripeGatewayHolder stripe,
            Plans plans) {
        this.accounts = accounts;
        this.quotas = quotas;
        this.counts = counts;
        this.spend = spend;
        this.stripe = stripe;
        this.plans = plans;
    }

    /** The usage report of {@code GET /api/v1/admin/billing/usage}. */
    public UsageReport usage(long orgId) {
        Quotas.Used used = quotas.used(orgId);
        LlmSpend.Spend s = spend.spend(orgId);
        return new UsageReport(
                accounts.plan(orgId).id(),
                new UsageReport.Period(used.period().start(), used.period().end()),
                new UsageReport.Messages(used.used(), used.limit() < 0 ? null : used.limit()),
                new UsageReport.Llm(s.costUsd().setScale(2, RoundingMode.HALF_UP), s.budgetUsd()));
    }

    /** Everything the Billing view shows. */
    public Overview overview(long orgId) {
        return new Overview(
                accounts.account(orgId),
                quotas.used(orgId),
                quotas.days(orgId),
                counts.documents(orgId),
                counts.sites(orgId),
                spend.spend(orgId),
                stripe.enabled(),
                plans.all());
    }

    /** The banners for the org now: messages at 80 % / 100 % of the plan, LLM budget past its soft / hard limit. */
    public List<Banner> banners(long orgId) {
        java.util.List<Banner> banners = new java.util.ArrayList<>();
        Quotas.Used used = quotas.used(orgId);
        if (used.limit() >= 0 && used.percent() >= 100) {
            banners.add(new Banner(
                    "error",
                    "This month's %d messages are used up: the chat refuses new questions until %s. Upgrade the plan to go on."
                            .formatted(used.limit(), used.period().end())));
        } else if (used.limit() >= 0 && used.percent() >= 80) {
            banners.add(new Banner(
                    "warning",
                    "%d %% of this month's %d messages are used (%d)."
                            .formatted(used.percent(), used.limit(), used.used())));
        }
        LlmSpend.Spend s = spend.spend(orgId);
        if (s.state().equals("hard")) {
            banners.add(new Banner(
                    "error",
                    "The LLM budget of %s USD is spent: answers are extractive (economy mode) until next month or a raised budget."
                            .formatted(s.budgetUsd())));
        } else if (s.state().equals("soft")) {
            banners.add(new Banner(
                    "warning",
                    "%s of the %s USD LLM budget is spent."
                            .formatted(s.costUsd().setScale(2, RoundingMode.HALF_UP), s.budgetUsd())));
        }
        return banners;
    }
}

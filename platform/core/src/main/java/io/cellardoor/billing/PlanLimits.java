package io.cellardoor.billing;

import io.cellardoor.billing.internal.OrgCountsStore;
import io.cellardoor.web.ApiProblem;
import java.util.function.IntSupplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The plan's limits on what an org keeps: sites, and knowledge documents created through the console or the admin API
 * (an operator's {@code cellardoor ingest} is not limited). Reaching a limit refuses the new site or documents; nothing
 * existing is touched.
 */
@Service
public class PlanLimits {

    private final BillingAccounts accounts;
    private final OrgCountsStore counts;

    PlanLimits(BillingAccounts accounts, OrgCountsStore counts) {
        this.accounts = accounts;
        this.counts = counts;
    }

    /**
     * Checks that the org may have one more site.
     *
     * @throws ApiProblem 403 {@code plan-limit-reached}
     */
    public void requireSite(long orgId) {
        Plan plan = accounts.plan(orgId);
        if (plan.sites() >= 0 && counts.sites(orgId) + 1 > plan.sites()) {
            throw reached(
                    "The %s plan has %d sites; revoke one or upgrade the plan.".formatted(plan.name(), plan.sites()));
        }
    }

    /**
     * Checks that the org may keep the documents a change adds.
     *
     * @param added how many new documents the change makes; asked only when the plan limits documents (counting may
     *     take a query per document)
     * @throws ApiProblem 403 {@code plan-limit-reached}
     */
    public void requireDocuments(long orgId, IntSupplier added) {
        Plan plan = accounts.plan(orgId);
        if (plan.documents() < 0) {
            return;
        }
        int adding = added.getAsInt();
        if (adding <= 0) {
            return;
        }
        long kept = counts.documents(orgId);
        if (kept + adding > plan.documents()) {
            throw reached(
                    "The %s plan keeps %d documents; the org has %d and this adds %d. Delete some or upgrade the plan."
                            .formatted(plan.name(), plan.documents(), kept, adding));
        }
    }

    private static ApiProblem reached(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "plan-limit-reached", "Plan limit reached", detail);
    }
}

package io.cellardoor.insights;

import io.cellardoor.identity.OrgScope;
import io.cellardoor.identity.StaffUser;
import io.cellardoor.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/insights?days=30}: the org's {@link Insights} over the last {@code days} UTC days (1..366,
 * default 30); VIEWER and above, scoped by {@link OrgScope}. 400 problem {@code invalid-days} otherwise.
 */
@RestController
class InsightsAdminController {

    private final InsightsService insights;
    private final OrgScope orgs;

    InsightsAdminController(InsightsService insights, OrgScope orgs) {
        this.insights = insights;
        this.orgs = orgs;
    }

    @GetMapping("/api/v1/admin/insights")
    Insights insights(
            @AuthenticationPrincipal StaffUser user,
            @RequestParam(defaultValue = "30") String days,
            @RequestParam(required = false) @Nullable String org) {
        long orgId = orgs.orgId(user, org);
        int n;
        try {
            n = Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(
                    "invalid-days",
                    "Invalid period",
                    "days must be a whole number in 1.." + InsightsService.MAX_DAYS + ".");
        }
        return insights.insights(orgId, n);
    }
}

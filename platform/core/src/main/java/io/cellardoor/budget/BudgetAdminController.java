package io.cellardoor.budget;

import io.cellardoor.billing.BillingPeriod;
import io.cellardoor.identity.OrgScope;
import io.cellardoor.identity.StaffUser;
import io.cellardoor.web.ApiProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The org's LLM budget in the admin API (ORG_ADMIN and up): {@code GET /api/v1/admin/budget} (budget, spend,
 * projection, state, spend per day), {@code PUT /api/v1/admin/budget} {@code {"monthlyUsd", "softPercent"}} (audited),
 * and {@code GET /api/v1/admin/budget/costs?from&to} (cost by day, provider, model and operation).
 */
@RestController
class BudgetAdminController {

    /** Body of {@code PUT}: a null soft limit keeps the current one. */
    record BudgetUpdate(
            @Nullable BigDecimal monthlyUsd, @Nullable Integer softPercent) {}

    /** Spend of one day and the period's total up to it. */
    record Day(LocalDate day, BigDecimal costUsd, BigDecimal cumulativeUsd) {}

    /** The budget as the API shows it. */
    record BudgetView(
            LocalDate periodStart,
            LocalDate periodEnd,
            BigDecimal monthlyUsd,
            int softPercent,
            BigDecimal spentUsd,
            BigDecimal projectedUsd,
            String state,
            boolean custom,
            List<Day> days) {}

    private final Budgets budgets;
    private final CostLedger ledger;
    private final OrgScope orgs;

    BudgetAdminController(Budgets budgets, CostLedger ledger, OrgScope orgs) {
        this.budgets = budgets;
        this.ledger = ledger;
        this.orgs = orgs;
    }

    @GetMapping("/api/v1/admin/budget")
    BudgetView get(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable String org) {
        return view(orgs.orgId(user, org));
    }

    /** 400 {@code invalid-budget} outside 0..1,000,000 USD or a soft limit outside 1..100 %. */
    @PutMapping("/api/v1/admin/budget")
    BudgetView put(
            @AuthenticationPrincipal StaffUser user,
            @RequestBody BudgetUpdate body,
            @RequestParam(required = false) @Nullable String org) {
        long orgId = orgs.orgId(user, org);
        if (body == null || body.monthlyUsd() == null) {
            throw ApiProblem.invalid("invalid-budget", "Invalid budget", "Give the budget: {\"monthlyUsd\": 50}.");
        }
        int soft = body.softPercent() == null ? budgets.status(orgId).softPercent() : body.softPercent();
        budgets.set(orgId, body.monthlyUsd(), soft, user.username());
        return view(orgId);
    }

    /** Cost rows by UTC day, provider, model and operation; {@code from}/{@code to} ISO dates, both inclusive. */
    @GetMapping("/api/v1/admin/budget/costs")
    List<CostRow> costs(
            @AuthenticationPrincipal StaffUser user,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String org) {
        long orgId = orgs.orgId(user, org);
        BillingPeriod period = budgets.status(orgId).period();
        LocalDate start = date(from, period.start());
        LocalDate end = date(to, period.end().minusDays(1));
        if (end.isBefore(start) || end.toEpochDay() - start.toEpochDay() > 366) {
            throw ApiProblem.invalid("invalid-filter", "Invalid filter", "from..to is at most 366 days, in order.");
        }
        return ledger.costs(orgId, start, end);
    }

    private BudgetView view(long orgId) {
        BudgetStatus s = budgets.status(orgId);
        List<Day> days = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (DayCost d : ledger.days(orgId, s.period())) {
            total = total.add(d.costUsd());
            days.add(new Day(d.day(), d.costUsd(), total));
        }
        return new BudgetView(
                s.period().start(),
                s.period().end(),
                s.budgetUsd(),
                s.softPercent(),
                s.spentUsd(),
                s.projectedUsd(),
                s.state(),
                s.custom(),
                days);
    }

    private static LocalDate date(@Nullable String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("invalid-filter", "Invalid filter", "Dates are ISO, like 2026-11-23.");
        }
    }
}

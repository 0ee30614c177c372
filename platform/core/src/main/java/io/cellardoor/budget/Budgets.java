package io.cellardoor.budget;

import io.cellardoor.audit.AuditLog;
import io.cellardoor.billing.BillingPeriod;
import io.cellardoor.budget.internal.BudgetStore;
import io.cellardoor.budget.internal.LedgerStore;
import io.cellardoor.tenant.TenantTransactions;
import io.cellardoor.web.ApiProblem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Monthly LLM budgets. An org has the budget its admin set, else {@code cellardoor.budget.default-monthly-usd}. Past the
 * soft limit (default 80 %) the console shows a banner and the first turn of the month to notice logs a line and counts
 * {@code cellardoor.budget.soft.limit.reached}; at 100 % the org is in economy mode: its answers are extractive (no LLM
 * call) until the next calendar month or a raised budget, and the widget keeps answering.
 */
@Service
public class Budgets implements io.cellardoor.billing.LlmSpend {

    private static final Logger log = LoggerFactory.getLogger(Budgets.class);

    private final BudgetStore store;
    private final LedgerStore ledger;
    private final BudgetProperties properties;
    private final AuditLog audit;
    private final TenantTransactions tenant;
    private final Clock clock;
    private final MeterRegistry registry;

    Budgets(
            BudgetStore store,
            LedgerStore ledger,
            BudgetProperties properties,
            AuditLog audit,
            TenantTransactions tenant,
            Clock clock,
            MeterRegistry registry) {
        this.store = store;
        this.ledger = ledger;
        this.properties = properties;
        this.audit = audit;
        this.tenant = tenant;
        this.clock = clock;
        this.registry = registry;
    }

    /** The org's budget state now. */
    public BudgetStatus status(long orgId) {
        Instant now = clock.instant();
        BillingPeriod period = BillingPeriod.of(now);
        // Both cached per instance (decision 0055): a turn's budget check reads no table while they are fresh.
        Optional<BudgetStore.Row> custom = store.find(orgId);
        BigDecimal budget = custom.map(BudgetStore.Row::monthlyUsd).orElse(properties.defaultMonthlyUsd());
        int soft = custom.map(BudgetStore.Row::softPercent).orElse(properties.softPercent());
        BigDecimal spent = ledger.spent(orgId, period.start());
        String state;
        if (spent.compareTo(budget) >= 0) {
            state = "hard";
        } else if (spent.multiply(BigDecimal.valueOf(100)).compareTo(budget.multiply(BigDecimal.valueOf(soft))) >= 0) {
            state = "soft";
        } else {
            state = "ok";
        }
        return new BudgetStatus(period, budget, soft, spent, projection(spent, period, now), state, custom.isPresent());
    }

    /** The month's spend against the budget, for the usage report and banners. */
    @Override
    public Spend spend(long orgId) {
        BudgetStatus s = status(orgId);
        return new Spend(s.spentUsd(), s.budgetUsd(), s.state());
    }

    /**
     * The budget check of a turn: its status, and the first notice of the soft limit in the month (a log line and the
     * metric).
     */
    public BudgetStatus check(long orgId, String orgSlug) {
        BudgetStatus status = status(orgId);
        if (status.pastSoftLimit()
                && ledger.firstSoftNotice(orgId, status.period().start())) {
            log.warn(
                    "Org {} passed {} % of its monthly LLM budget: {} of {} USD spent{}",
                    orgSlug,
                    status.softPercent(),
                    status.spentUsd().setScale(2, RoundingMode.HALF_UP),
                    status.budgetUsd(),
                    status.economy() ? "; economy mode (extractive answers) until the budget is raised" : "");
            Counter.builder("cellardoor.budget.soft.limit.reached")
                    .description("Orgs that passed their LLM budget's soft limit in a month")
                    .tag("org", orgSlug)
                    .register(registry)
                    .increment();
        }
        if (status.economy()) {
            Counter.builder("cellardoor.budget.economy.turns")
                    .description("Turns answered extractively because the org's LLM budget was reached")
                    .tag("org", orgSlug)
                    .register(registry)
                    .increment();
        }
        return status;
    }

    /**
     * Sets the org's monthly budget, audited as {@code budget.changed}.
     *
     * @param monthlyUsd 0 to 1,000,000
     * @param softPercent 1 to 100
     * @throws ApiProblem 400 {@code invalid-budget}
     */
    public BudgetStatus set(long orgId, BigDecimal monthlyUsd, int softPercent, String actor) {
        if (monthlyUsd.signum() < 0
                || monthlyUsd.compareTo(BigDecimal.valueOf(1_000_000)) > 0
                || monthlyUsd.scale() > 2 && monthlyUsd.stripTrailingZeros().scale() > 2) {
            throw ApiProblem.invalid(
                    "invalid-budget", "Invalid budget", "The monthly budget is 0 to 1000000 USD, in cents at most.");
        }
        if (softPercent < 1 || softPercent > 100) {
            throw ApiProblem.invalid("invalid-budget", "Invalid budget", "The soft limit is 1 to 100 percent.");
        }
        BigDecimal amount = monthlyUsd.setScale(2, RoundingMode.HALF_UP);
        tenant.runInOrg(orgId, () -> {
            BudgetStatus before = status(orgId);
            store.save(orgId, amount, softPercent, actor);
            audit.record(
                    orgId,
                    actor,
                    "budget.changed",
                    "llm-budget",
                    "{\"monthlyUsd\": %s, \"softPercent\": %d}".formatted(before.budgetUsd(), before.softPercent()),
                    "{\"monthlyUsd\": %s, \"softPercent\": %d}".formatted(amount, softPercent));
        });
        return status(orgId);
    }

    /** Spend so far extended linearly over the whole period (by elapsed time, at least one hour of it). */
    static BigDecimal projection(BigDecimal spent, BillingPeriod period, Instant now) {
        long total =
                Duration.between(period.startInstant(), period.endInstant()).toSeconds();
        long elapsed =
                Math.max(3600, Duration.between(period.startInstant(), now).toSeconds());
        if (elapsed >= total) {
            return spent.setScale(2, RoundingMode.HALF_UP);
        }
        return spent.multiply(BigDecimal.valueOf(total)).divide(BigDecimal.valueOf(elapsed), 2, RoundingMode.HALF_UP);
    }
}

package io.cellardoor.budget;

import io.cellardoor.billing.BillingPeriod;
import java.math.BigDecimal;

/**
 * An org's LLM spend against its budget in a period.
 *
 * @param period the calendar month
 * @param budgetUsd the monthly budget
 * @param softPercent the soft limit, percent of the budget
 * @param spentUsd spent so far in the period
 * @param projectedUsd spend at the period's end if it goes on at this rate (spent / elapsed days x days)
 * @param state {@code ok}, {@code soft} (past the soft limit) or {@code hard} (budget reached: economy mode)
 * @param custom whether an org admin set the budget (else the default applies)
 */
public record BudgetStatus(
        BillingPeriod period,
        BigDecimal budgetUsd,
        int softPercent,
        BigDecimal spentUsd,
        BigDecimal projectedUsd,
        String state,
        boolean custom) {

    /** Whether answers are extractive until the next period or a raised budget. */
    public boolean economy() {
        return state.equals("hard");
    }

    /** Whether the soft limit is passed (or the hard one). */
    public boolean pastSoftLimit() {
        return !state.equals("ok");
    }
}

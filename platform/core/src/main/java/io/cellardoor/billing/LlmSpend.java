package io.cellardoor.billing;

import java.math.BigDecimal;

/** The org's LLM spend this month against its budget, as the usage report shows it (provided by the budget feature). */
public interface LlmSpend {

    /**
     * @param costUsd spent in the current period
     * @param budgetUsd the monthly budget
     * @param state {@code ok}, {@code soft} (past the soft limit) or {@code hard} (economy mode)
     */
    record Spend(BigDecimal costUsd, BigDecimal budgetUsd, String state) {}

    /** The org's spend now. */
    Spend spend(long orgId);
}

package io.cellardoor.budget;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Budget defaults ({@code cellardoor.budget.*}) for orgs whose admin set none.
 *
 * @param defaultMonthlyUsd the monthly LLM budget, USD (default 20)
 * @param softPercent the soft limit, percent of the budget (default 80)
 */
@ConfigurationProperties("cellardoor.budget")
public record BudgetProperties(@Nullable BigDecimal defaultMonthlyUsd, int softPercent) {

    public BudgetProperties {
        defaultMonthlyUsd = defaultMonthlyUsd == null || defaultMonthlyUsd.signum() < 0
                ? new BigDecimal("20.00")
                : defaultMonthlyUsd;
        softPercent = softPercent <= 0 || softPercent > 100 ? 80 : softPercent;
    }
}

package io.cellardoor.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.billing.BillingPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmPricesTests {

    final LlmPrices prices = new LlmPrices(Map.of(
            "gpt-4o", new LlmPrices.Price(new BigDecimal("2.50"), new BigDecimal("10.00")),
            "gpt-4o-mini", new LlmPrices.Price(new BigDecimal("0.15"), new BigDecimal("0.60"))));

    @Test
    void costIsTokensTimesThePricePerMillion() {
        assertThat(prices.cost("gpt-4o-mini", 1_000_000, 1_000_000)).isEqualByComparingTo("0.75");
        assertThat(prices.cost("gpt-4o", 1200, 300)).isEqualByComparingTo("0.006");
    }

    @Test
    void aDatedModelNameUsesTheLongestEntryItStartsWith() {
        assertThat(prices.cost("gpt-4o-mini-2024-07-18", 1_000_000, 0)).isEqualByComparingTo("0.15");
        assertThat(prices.cost("gpt-4o-2024-08-06", 1_000_000, 0)).isEqualByComparingTo("2.50");
    }

    @Test
    void aModelWithoutAPriceCostsNothing() {
        assertThat(prices.of("llama3")).isEmpty();
        assertThat(prices.cost("llama3", 5000, 5000)).isEqualByComparingTo("0");
    }

    @Test
    void theProjectionExtendsTheSpendOverTheWholeMonth() {
        BillingPeriod june = BillingPeriod.of(Instant.parse("2026-06-10T00:00:00Z"));
        assertThat(june.days()).isEqualTo(30);
        // 3 USD in the first 10 of 30 days: 9 by the month's end.
        assertThat(Budgets.projection(new BigDecimal("3"), june, Instant.parse("2026-06-11T00:00:00Z")))
                .isEqualByComparingTo("9.00");
        // The first minutes count as an hour, so an early call does not project a fortune.
        assertThat(Budgets.projection(new BigDecimal("0.01"), june, Instant.parse("2026-06-01T00:00:05Z")))
                .isEqualByComparingTo("7.20");
        assertThat(Budgets.projection(new BigDecimal("4"), june, Instant.parse("2026-07-01T00:00:00Z")))
                .isEqualByComparingTo("4.00");
    }
}

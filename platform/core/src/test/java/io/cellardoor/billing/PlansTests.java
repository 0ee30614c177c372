package io.cellardoor.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlansTests {

    static BillingProperties.PlanProperties plan(Long messages, List<String> features, String price) {
        return new BillingProperties.PlanProperties(
                null, messages, null, -1L, List.of("gpt-4o-mini"), features, price, null, null);
    }

    @Test
    void plansComeFromConfigurationWithTheirLimitsAndPrices() {
        Plans plans = new Plans(new BillingProperties(
                null,
                Map.of(
                        "free", plan(5L, List.of("handoff", " feedback "), ""),
                        "pro", plan(null, List.of("llm-answers"), "price_123")),
                null,
                null));
        Plan free = plans.defaultPlan();
        assertThat(free.id()).isEqualTo("free");
        assertThat(free.name()).isEqualTo("free");
        assertThat(free.monthlyMessages()).isEqualTo(5);
        assertThat(free.limitsMessages()).isTrue();
        assertThat(free.documents()).isEqualTo(-1);
        assertThat(free.features()).containsExactlyInAnyOrder("handoff", "feedback");
        assertThat(free.priceId()).isNull();
        assertThat(plans.byPriceId("price_123").map(Plan::id)).contains("pro");
        assertThat(plans.find("pro").orElseThrow().limitsMessages()).isFalse();
        assertThat(free.allowsModel("gpt-4o-mini-2024-07-18")).isTrue();
        assertThat(free.allowsModel("gpt-4o")).isFalse();
    }

    @Test
    void aDefaultPlanThatIsNotConfiguredStopsTheStart() {
        assertThatThrownBy(() ->
                        new Plans(new BillingProperties("gold", Map.of("free", plan(5L, List.of(), null)), null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gold");
    }

    @Test
    void aPeriodIsACalendarMonthInUtc() {
        BillingPeriod p = BillingPeriod.of(Instant.parse("2026-02-28T23:59:59Z"));
        assertThat(p.start()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(p.end()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(p.days()).isEqualTo(28);
        assertThat(BillingPeriod.of(Instant.parse("2026-03-01T00:00:00Z")).start())
                .isEqualTo(p.end());
    }

    @Test
    void failedMeterReportsBackOffFromThirtySecondsToAnHour() {
        assertThat(MeterReporter.backoff(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(MeterReporter.backoff(1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(MeterReporter.backoff(3)).isEqualTo(Duration.ofSeconds(240));
        assertThat(MeterReporter.backoff(30)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theQuotaRefusalSpeaksTheVisitorsLanguage() {
        assertThat(Quotas.friendly("es")).startsWith("Este chat ha alcanzado");
        assertThat(Quotas.friendly("fr")).startsWith("Ce chat a atteint");
        assertThat(Quotas.friendly("de")).startsWith("This chat has reached");
    }
}

package io.cellardoor.budget;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Publishes every org's monthly LLM budget as the gauge {@code cellardoor_llm_budget_usd{org}} (US dollars, the org's
 * slug as label, the budget its admin set or {@code cellardoor.budget.default-monthly-usd}), which the alert
 * {@code CellarDoorLlmSpendOverBudget} compares with {@code rag_llm_spend_usd_total{org}}. Read across orgs through the
 * {@code SECURITY DEFINER} function {@code cellardoor_llm_budgets()} (V55) at start-up and every minute; every instance
 * publishes the same values (the alert takes the max per org). A failed read keeps the last values and logs once per
 * failure.
 */
@Component
public class BudgetGauges implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BudgetGauges.class);

    private record Budget(String slug, BigDecimal monthlyUsd) {}

    private final JdbcClient jdbc;
    private final BudgetProperties properties;
    private final MultiGauge gauge;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("budget-gauges").daemon().factory());

    BudgetGauges(JdbcClient jdbc, BudgetProperties properties, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.gauge = MultiGauge.builder("cellardoor.llm.budget.usd")
                .description("Each org's monthly LLM budget (set by its admin, else the default)")
                .baseUnit("usd")
                .register(registry);
    }

    @Override
    public void afterPropertiesSet() {
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, 1, TimeUnit.MINUTES);
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("LLM budget gauges not refreshed: {}", e.toString());
        }
    }

    /**
     * Reads every org's budget now and replaces the gauge's rows (orgs deleted since disappear).
     *
     * @throws org.springframework.dao.DataAccessException when the database cannot be read
     */
    public void refresh() {
        List<Budget> budgets = jdbc.sql("SELECT slug, monthly_usd FROM cellardoor_llm_budgets()")
                .query((rs, n) -> new Budget(
                        rs.getString(1),
                        rs.getBigDecimal(2) == null ? properties.defaultMonthlyUsd() : rs.getBigDecimal(2)))
                .list();
        gauge.register(
                budgets.stream()
                        .map(b -> MultiGauge.Row.of(
                                Tags.of("org", b.slug()), b.monthlyUsd().doubleValue()))
                        .toList(),
                true);
    }
}

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.budget.BudgetGauges;
import io.cellardoor.budget.Budgets;
import io.cellardoor.tenant.TenantService;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every org's monthly LLM budget is on the metrics endpoint as {@code cellardoor_llm_budget_usd{org}}, the series the
 * over-budget alert compares the spend with: the budget an admin set, else the default, and a change shows at the next
 * refresh.
 */
class LlmBudgetGaugeIntegrationTests extends AdminApiTestSupport {

    @Autowired
    TenantService tenants;

    @Autowired
    Budgets budgets;

    @Autowired
    BudgetGauges gauges;

    @Autowired
    MeterRegistry meters;

    @Test
    void eachOrgsBudgetIsPublishedForTheAlert() {
        long set = tenants.ensureOrg("it-budget-set", "Budget set");
        tenants.ensureOrg("it-budget-default", "Budget default");
        budgets.set(set, new BigDecimal("35.50"), 80, "it");

        gauges.refresh();

        assertThat(budget("it-budget-set")).isEqualTo(35.5);
        assertThat(budget("it-budget-default")).isEqualTo(20.0); // cellardoor.budget.default-monthly-usd
        String scraped = send(
                        HttpRequest.newBuilder(uri("/actuator/prometheus"))
                                .header("Authorization", "Bearer " + token("platform-admin"))
                                .GET(),
                        null)
                .body();
        assertThat(scraped).contains("cellardoor_llm_budget_usd{org=\"it-budget-set\"} 35.5");

        budgets.set(set, new BigDecimal("50"), 80, "it");
        gauges.refresh();

        assertThat(budget("it-budget-set")).isEqualTo(50.0);
    }

    private double budget(String org) {
        return meters.get("cellardoor.llm.budget.usd").tag("org", org).gauge().value();
    }
}

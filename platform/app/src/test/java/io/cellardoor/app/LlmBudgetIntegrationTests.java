package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * LLM cost and budgets with a local model that reports real usage: each answer costs its tokens times the price table
 * (1,000 x 10 + 500 x 20 USD per million = 0.02 USD), stored with the message and queryable by day, provider, model and
 * operation (the follow-up condenser's call as {@code condense}); a Free org never gets LLM answers; crossing the hard
 * limit switches the next answer to extractive (economy mode) and back when the budget is raised or the month rolls
 * over; the budget's changes are audited.
 */
class LlmBudgetIntegrationTests extends BillingTestSupport {

    @Test
    void aFreeOrgNeverGetsLlmAnswersEvenWithAModelConfigured() {
        org("it-free-llm", null);
        int before = LLM_CALLS.get();
        JsonNode answer = answered(ask("it-free-llm", "When is the tasting room open?"));
        assertThat(answer.path("usage").path("generator").asString()).isEqualTo("extractive");
        assertThat(LLM_CALLS.get()).isEqualTo(before);
    }

    @Test
    void eachAnswerCostsItsRealTokensAndTheCostIsStoredAndQueryable() {
        long org = org("it-cost", "pro");
        JsonNode first = answered(ask("it-cost", "When is the tasting room open?"));
        assertThat(first.path("usage").path("generator").asString()).isEqualTo("llm");
        assertThat(first.path("usage").path("inputTokens").asInt()).isEqualTo(PROMPT_TOKENS);
        assertThat(first.path("usage").path("outputTokens").asInt()).isEqualTo(COMPLETION_TOKENS);
        assertThat(first.path("usage").path("costUsd").decimalValue()).isEqualByComparingTo("0.02");
        assertThat(asOwner()
                        .sql("SELECT cost_usd FROM message WHERE id = ?")
                        .param(first.path("messageId").asLong())
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("0.02");

        // A follow-up: the condenser's call is costed as operation "condense" (200 x 10 + 20 x 20 per million).
        int condensed = CONDENSE_CALLS.get();
        JsonNode second = answered(ask(
                "it-cost",
                "And how much is a tasting?",
                first.path("conversationId").asString(),
                null));
        assertThat(CONDENSE_CALLS.get()).isEqualTo(condensed + 1);
        assertThat(second.path("usage").path("costUsd").decimalValue()).isEqualByComparingTo("0.0224");

        JsonNode costs = get("/api/v1/admin/budget/costs?org=it-cost", "platform-admin");
        assertThat(costs).hasSize(2);
        JsonNode answers = costs.findParents("operation").stream()
                .filter(c -> c.path("operation").asString().equals("answer"))
                .findFirst()
                .orElseThrow();
        assertThat(answers.path("provider").asString())
                .as(
                        "the provider's configured name, as in the rag_* series (CELLARDOOR_LLM_* is the provider \"default\")")
                .isEqualTo("default");
        assertThat(answers.path("model").asString()).isEqualTo("fake-model");
        assertThat(answers.path("calls").asLong()).isEqualTo(2);
        assertThat(answers.path("inputTokens").asLong()).isEqualTo(2L * PROMPT_TOKENS);
        assertThat(answers.path("costUsd").decimalValue()).isEqualByComparingTo("0.04");
        assertThat(costs.findValuesAsString("operation")).contains("condense");
        JsonNode budget = get("/api/v1/admin/budget?org=it-cost", "platform-admin");
        assertThat(budget.path("spentUsd").decimalValue()).isEqualByComparingTo("0.0424");
        assertThat(budget.path("days")).hasSize(1);
        assertThat(budget.path("projectedUsd").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("0.04"));
        assertThat(asOwner()
                        .sql("SELECT count(*) FROM llm_usage WHERE org_id = ?")
                        .param(org)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void crossingTheHardLimitSwitchesToExtractiveAndBackWhenRaisedOrNextMonth() {
        long org = org("it-budget", "pro");
        JsonNode set = ok(admin(
                "PUT",
                "/api/v1/admin/budget?org=it-budget",
                "platform-admin",
                Map.of("monthlyUsd", new BigDecimal("0.03"), "softPercent", 50)));
        assertThat(set.path("monthlyUsd").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(set.path("state").asString()).isEqualTo("ok");

        assertThat(generator(ask("it-budget", "When is the tasting room open?")))
                .isEqualTo("llm"); // 0.02: soft
        assertThat(get("/api/v1/admin/budget?org=it-budget", "platform-admin")
                        .path("state")
                        .asString())
                .isEqualTo("soft");
        assertThat(generator(ask("it-budget", "How much is a tasting?"))).isEqualTo("llm"); // 0.04: hard
        int calls = LLM_CALLS.get();
        JsonNode economy = answered(ask("it-budget", "Are you open on Sunday?"));
        assertThat(economy.path("usage").path("generator").asString()).isEqualTo("extractive");
        assertThat(economy.path("answered").asBoolean()).isTrue(); // the widget keeps answering
        assertThat(LLM_CALLS.get()).isEqualTo(calls);
        assertThat(get("/api/v1/admin/billing/usage?org=it-budget", "platform-admin")
                        .path("llm")
                        .path("budgetUsd")
                        .decimalValue())
                .isEqualByComparingTo("0.03");

        // Raised: LLM answers again.
        ok(admin(
                "PUT",
                "/api/v1/admin/budget?org=it-budget",
                "platform-admin",
                Map.of("monthlyUsd", new BigDecimal("1.00"))));
        assertThat(generator(ask("it-budget", "Do you close on Monday?"))).isEqualTo("llm");

        // Back down below the spend: economy again; then the month rolls over: LLM answers again.
        ok(admin(
                "PUT",
                "/api/v1/admin/budget?org=it-budget",
                "platform-admin",
                Map.of("monthlyUsd", new BigDecimal("0.01"))));
        assertThat(generator(ask("it-budget", "When do you open on Thursday?"))).isEqualTo("extractive");
        CLOCK.toNextMonth();
        assertThat(generator(ask("it-budget", "When do you close on Sunday?"))).isEqualTo("llm");

        assertThat(asOwner()
                        .sql("SELECT after FROM audit_event WHERE org_id = ? AND action = 'budget.changed' ORDER BY id")
                        .param(org)
                        .query(String.class)
                        .list())
                .hasSize(3)
                .first()
                .asString()
                .contains("0.03")
                .contains("50");
        var invalid = admin("PUT", "/api/v1/admin/budget?org=it-budget", "platform-admin", Map.of("monthlyUsd", -5));
        assertThat(problem(invalid, 400)).isEqualTo("invalid-budget");
    }

    private String generator(java.net.http.HttpResponse<String> response) {
        return answered(response).path("usage").path("generator").asString();
    }
}

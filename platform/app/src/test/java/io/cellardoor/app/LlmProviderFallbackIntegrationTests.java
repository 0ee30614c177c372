package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.answer.LlmProviders;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Two LLM providers in order, each a local OpenAI-compatible server streaming real SSE: answers come from the first
 * while it works, from the second while the first fails (500s) or hangs (past its timeout) and while its breaker is
 * open, from the extractive generator when both are down, and from the first again once it is back (its breaker lets
 * a trial call through when half-open and closes).
 */
// Its own configuration: close the context afterwards, so its connections go back to the shared PostgreSQL.
@DirtiesContext
class LlmProviderFallbackIntegrationTests extends IntegrationTestSupport {

    static final FakeOpenAi FIRST = new FakeOpenAi("fake-first", "First provider says the cellar opens at noon [1].");
    static final FakeOpenAi SECOND =
            new FakeOpenAi("fake-second", "Second provider says the cellar opens at noon [1].");

    @Autowired
    io.cellardoor.billing.BillingAccounts billing;

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    LlmProviders providers;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PrometheusMeterRegistry prometheus;

    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        provider(registry, 0, "first", FIRST);
        provider(registry, 1, "second", SECOND);
        registry.add("cellardoor.cache.enabled", () -> "false");
    }

    private static void provider(DynamicPropertyRegistry registry, int n, String name, FakeOpenAi fake) {
        String p = "cellardoor.llm.providers[" + n + "].";
        registry.add(p + "name", () -> name);
        registry.add(p + "base-url", fake::baseUrl);
        registry.add(p + "api-key", () -> "test-key");
        registry.add(p + "model", () -> fake.model);
        registry.add(p + "timeout", () -> "1500ms");
        registry.add(p + "max-attempts", () -> "2");
        registry.add(p + "backoff", () -> "20ms");
        registry.add(p + "window", () -> "2");
        registry.add(p + "failure-rate", () -> "100"); // both calls of the window failed
        registry.add(p + "open-for", () -> "2s");
        registry.add("cellardoor.llm.prices." + fake.model + ".input-per-mtok", () -> "1000");
        registry.add("cellardoor.llm.prices." + fake.model + ".output-per-mtok", () -> "2000");
    }

    @AfterAll
    static void stopFakes() {
        FIRST.stop();
        SECOND.stop();
    }

    @BeforeEach
    void knowledge() throws Exception {
        long org = tenants.ensureOrg("it-fallback", "Fallback");
        billing.assign(org, "pro", "test"); // LLM answers are a Pro feature: a Free org never gets them
        tenants.ensureSite(org, "it-fallback-key", "Fallback site");
        Path dir = Files.createTempDirectory("fallback");
        Files.createDirectories(dir.resolve("visiting"));
        Files.writeString(dir.resolve("visiting/cellar-hours.md"), """
                # Cellar Hours

                The cellar opens at noon every day and closes at six in the evening.
                """);
        importer.importFolder(org, dir, l -> {});
    }

    @Test
    void answersFlowFromTheSecondProviderThenExtractiveAndTheFirstRecovers() throws Exception {
        double spentBefore = spendCounter();
        double ledgerBefore = ledger();
        FIRST.mode = FakeOpenAi.Mode.OK;
        SECOND.mode = FakeOpenAi.Mode.OK;
        assertThat(ask()).containsEntry("generator", "llm").containsEntry("from", "first");
        assertThat(state("first")).isEqualTo("CLOSED");

        // The first fails with 500s: two attempts, then the second answers; the failures open the first's breaker.
        FIRST.mode = FakeOpenAi.Mode.FAIL_500;
        int before = FIRST.completions.get();
        assertThat(ask()).containsEntry("from", "second");
        assertThat(FIRST.completions.get() - before).isEqualTo(2);
        assertThat(state("first")).isEqualTo("OPEN");

        // While open, the first is not even asked.
        before = FIRST.completions.get();
        assertThat(ask()).containsEntry("from", "second");
        assertThat(FIRST.completions.get()).isEqualTo(before);

        // An operator closes the breaker; now the first hangs: each attempt times out and the second answers.
        assertThat(providers.reset("first")).isTrue();
        FIRST.mode = FakeOpenAi.Mode.HANG;
        long started = System.nanoTime();
        assertThat(ask()).containsEntry("from", "second");
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(ms)
                .as("two 1.5 s attempts on the hanging provider, then the second")
                .isBetween(2900L, 12_000L);
        assertThat(state("first")).isEqualTo("OPEN");

        // Both down: the extractive generator answers, from the knowledge.
        SECOND.mode = FakeOpenAi.Mode.FAIL_500;
        Map<String, String> extractive = ask();
        assertThat(extractive).containsEntry("generator", "extractive");
        assertThat(extractive.get("answer")).containsIgnoringCase("noon");

        // Both back: once the open period is over the first gets a trial call (half-open), answers, and closes.
        FIRST.mode = FakeOpenAi.Mode.OK;
        SECOND.mode = FakeOpenAi.Mode.OK;
        Thread.sleep(2_200);
        assertThat(state("first")).isIn("OPEN", "HALF_OPEN");
        assertThat(ask()).containsEntry("generator", "llm").containsEntry("from", "first");
        assertThat(state("first")).isEqualTo("CLOSED");

        // The providers' tokens, spend and breaker state are metrics, labelled by provider and model only.
        assertThat(meters.get("rag.generation.tokens")
                        .tags("provider", "first", "model", "fake-first", "direction", "input")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(240);
        assertThat(meters.get("rag.generation.duration")
                        .tags("provider", "extractive", "model", "none")
                        .timer()
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get("rag.llm.breaker.state")
                        .tag("provider", "first")
                        .gauge()
                        .value())
                .isZero();
        // The spend counter counts what the ledger recorded, at the one price table, under the org's slug (the label
        // the budget gauge has, so the over-budget alert can join the two).
        double spent = spendCounter() - spentBefore;
        assertThat(spent).isPositive().isCloseTo(ledger() - ledgerBefore, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(meters.get("rag.pipeline.errors")
                        .tag("component", "llm")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(3);
        // The turn stored the provider's counts with the message.
        var stored = asOwner()
                .sql(
                        "SELECT input_tokens, output_tokens, model FROM message WHERE question LIKE 'When does the cellar%'"
                                + " ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> java.util.List.of(rs.getInt(1), rs.getInt(2), rs.getString(3)))
                .single();
        assertThat(stored).containsExactly(120, 9, "fake-first");

        // The same series as /actuator/prometheus shows them, under the names operators' dashboards and alerts use.
        String scrape = prometheus.scrape();
        assertThat(scrape)
                .contains(
                        "rag_generation_tokens_total{direction=\"input\",model=\"fake-first\",provider=\"first\"}",
                        "rag_generation_duration_seconds_count{model=\"fake-second\",provider=\"second\"}",
                        "rag_llm_breaker_state{provider=\"first\"} 0",
                        "rag_llm_spend_usd_total{org=\"it-fallback\"}",
                        "rag_pipeline_errors_total{component=\"llm\"}")
                .doesNotContain("When does the cellar open");
        System.out.println("rag_* series after the fallback test:\n"
                + scrape.lines()
                        .filter(l -> l.startsWith("rag_") && !l.contains("_bucket{"))
                        .collect(java.util.stream.Collectors.joining("\n")));
    }

    private double spendCounter() {
        var counter = meters.find("rag.llm.spend").tag("org", "it-fallback").counter();
        return counter == null ? 0 : counter.count();
    }

    private double ledger() {
        return asOwner()
                .sql("SELECT coalesce(sum(u.cost_usd), 0) FROM llm_usage u JOIN org o ON o.id = u.org_id"
                        + " WHERE o.slug = 'it-fallback'")
                .query(Double.class)
                .single();
    }

    private String state(String name) {
        return providers.status().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow()
                .state();
    }

    /** Asks the chat API; {@code from} names the provider whose text came back. */
    private Map<String, String> ask() {
        var response = post("/api/v1/chat", "it-fallback-key", "{\"message\": \"When does the cellar open?\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        String answer = body.path("answer").asString();
        String from = answer.startsWith("First provider")
                ? "first"
                : answer.startsWith("Second provider") ? "second" : "none";
        return Map.of("generator", body.path("usage").path("generator").asString(), "from", from, "answer", answer);
    }
}

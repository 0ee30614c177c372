package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.stripefake.StripeFake;
import io.cellardoor.tenant.TenantService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One app context for the billing tests: stripe-java pointed at the local {@link StripeFake} (fixtures from
 * ../shared/data/stripe), a local OpenAI-compatible model that streams answers and reports usage (prompt and
 * completion tokens), a price for it, a clock the tests move, and small test plans ({@code tiny}: 3 messages a month, 2 sites, 3 documents;
 * {@code metered}: Stripe price {@code price_pro}, LLM answers).
 */
@Import(BillingTestSupport.TestClockConfiguration.class)
abstract class BillingTestSupport extends AdminApiTestSupport {

    static final String API_KEY = "sk_test_cellardoor";
    static final String WEBHOOK_SECRET = "whsec_cellardoor_test";
    static final StripeFake STRIPE = StripeFake.start(StripeFake.fixtures(REPO), API_KEY, WEBHOOK_SECRET);
    static final MovableClock CLOCK = new MovableClock();
    /** Tokens the model reports per answer: 1,000 prompt, 500 completion. */
    static final int PROMPT_TOKENS = 1000;

    static final int COMPLETION_TOKENS = 500;
    static final AtomicInteger LLM_CALLS = new AtomicInteger();
    static final AtomicInteger CONDENSE_CALLS = new AtomicInteger();
    static final HttpServer LLM = startLlm();

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @DynamicPropertySource
    static void billing(DynamicPropertyRegistry registry) {
        registry.add("cellardoor.billing.stripe.api-key", () -> API_KEY);
        registry.add("cellardoor.billing.stripe.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("cellardoor.billing.stripe.api-base", STRIPE::baseUrl);
        registry.add("cellardoor.billing.stripe.meter-interval", () -> "1h"); // tests run the reporter themselves
        registry.add("cellardoor.billing.plans.pro.price-id", () -> "price_pro");
        registry.add("cellardoor.billing.plans.business.price-id", () -> "price_business");
        registry.add("cellardoor.billing.plans.tiny.monthly-messages", () -> "3");
        registry.add("cellardoor.billing.plans.tiny.sites", () -> "2");
        registry.add("cellardoor.billing.plans.tiny.documents", () -> "3");
        registry.add("cellardoor.billing.plans.tiny.features", () -> "semantic-cache, curated-answers, feedback");
        registry.add(
                "cellardoor.answer.llm.base-url",
                () -> "http://127.0.0.1:" + LLM.getAddress().getPort() + "/v1");
        registry.add("cellardoor.answer.llm.api-key", () -> "test-key");
        registry.add("cellardoor.answer.llm.model", () -> "fake-model");
        registry.add("cellardoor.answer.llm.max-attempts", () -> "1");
        // 10 USD per million prompt tokens and 20 per million completion tokens: an answer costs 0.02 USD.
        registry.add("cellardoor.llm.prices.fake-model.input-per-mtok", () -> "10");
        registry.add("cellardoor.llm.prices.fake-model.output-per-mtok", () -> "20");
        registry.add("cellardoor.widget.visitor-requests-per-minute", () -> "100000");
        registry.add("cellardoor.widget.site-requests-per-minute", () -> "100000");
    }

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    /** The demo org exists (its org admin is a realm user) whichever test runs first. */
    @org.junit.jupiter.api.BeforeEach
    void demoOrg() {
        tenants.ensureOrg("demo", "Demo vineyard");
    }

    /** The app's clock, moved by tests (quota periods, budgets, grace periods). */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    /** A UTC clock that is the system's plus an offset the tests set. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        void advance(Duration by) {
            offset.updateAndGet(o -> o.plus(by));
        }

        /** Moves to the first second of next month (UTC). */
        void toNextMonth() {
            Instant now = instant();
            var next = now.atZone(ZoneOffset.UTC)
                    .toLocalDate()
                    .withDayOfMonth(1)
                    .plusMonths(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .plusSeconds(1);
            advance(Duration.between(now, next));
        }

        void reset() {
            offset.set(Duration.ZERO);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }

    /**
     * A new org with a site (key {@code <slug>-key}) and a small knowledge base about its hours, on a plan (null: the
     * default). An org left with this slug by an earlier run is deleted first (with everything of it).
     */
    long org(String slug, String plan) {
        asOwner().sql("DELETE FROM org WHERE slug = ?").param(slug).update();
        long org = tenants.ensureOrg(slug, slug);
        tenants.ensureSite(org, slug + "-key", slug + " site");
        try {
            Path knowledge = Files.createTempDirectory(slug);
            Files.createDirectories(knowledge.resolve("visiting"));
            Files.writeString(knowledge.resolve("visiting/hours.md"), """
                    # Tasting Room Hours

                    The tasting room is open Thursday to Sunday from 11 AM to 6 PM. We are closed Monday to Wednesday.
                    Tastings cost 25 dollars per guest and include five wines.
                    """);
            importer.importFolder(org, knowledge, l -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (plan != null) {
            asOwner()
                    .sql("INSERT INTO org_billing (org_id, assigned_plan, assigned_by) VALUES (?, ?, 'test')"
                            + " ON CONFLICT (org_id) DO UPDATE SET assigned_plan = excluded.assigned_plan")
                    .params(org, plan)
                    .update();
        }
        return org;
    }

    /** {@code POST /api/v1/chat} as a visitor of the org's site. */
    HttpResponse<String> ask(String slug, String question) {
        return ask(slug, question, null, null);
    }

    /** {@code POST /api/v1/chat} with an optional conversation and {@code Accept-Language}. */
    HttpResponse<String> ask(String slug, String question, String conversationId, String language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", question);
        body.put("conversationId", conversationId);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return send(request, slug + "-key");
    }

    JsonNode answered(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Messages counted in the org's current period, read as the owner. */
    long counted(long org) {
        return asOwner()
                .sql("SELECT coalesce(sum(messages), 0) FROM usage_period WHERE org_id = ? AND period_start = ?")
                .params(
                        org,
                        java.sql.Date.valueOf(io.cellardoor.billing.BillingPeriod.current(CLOCK)
                                .start()))
                .query(Long.class)
                .single();
    }

    /**
     * The local model: streams "The tasting room is open Thursday to Sunday [1]." and reports 1,000 prompt and 500
     * completion tokens in the last chunk (as OpenAI does with {@code stream_options.include_usage}); a non-streamed
     * call (the follow-up condenser) answers the last message unchanged with 200 and 20 tokens.
     */
    private static HttpServer startLlm() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/chat/completions", exchange -> {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean stream = request.replace(" ", "").contains("\"stream\":true");
                try (OutputStream out = exchange.getResponseBody()) {
                    if (!stream) {
                        CONDENSE_CALLS.incrementAndGet();
                        int at = request.lastIndexOf("Last message: ");
                        String last = at < 0 ? "" : request.substring(at + 14);
                        last = last.substring(0, Math.max(0, last.indexOf('"')));
                        byte[] body = ("{\"id\":\"c2\",\"object\":\"chat.completion\",\"created\":1,"
                                        + "\"model\":\"fake-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                                        + "\"assistant\",\"content\":\"" + last + "\"},\"finish_reason\":\"stop\"}],"
                                        + "\"usage\":{\"prompt_tokens\":200,\"completion_tokens\":20,"
                                        + "\"total_tokens\":220}}")
                                .getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().add("Content-Type", "application/json");
                        exchange.sendResponseHeaders(200, body.length);
                        out.write(body);
                        return;
                    }
                    LLM_CALLS.incrementAndGet();
                    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                    exchange.sendResponseHeaders(200, 0);
                    for (String piece : new String[] {"The tasting room is open ", "Thursday to Sunday [1]."}) {
                        out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                                        + "\"model\":\"fake-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                                        + piece + "\"},\"finish_reason\":null}]}\n\n")
                                .getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                                    + "\"model\":\"fake-model\",\"choices\":[{\"index\":0,\"delta\":{},"
                                    + "\"finish_reason\":\"stop\"}]}\n\n"
                                    + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                                    + "\"model\":\"fake-model\",\"choices\":[],\"usage\":{\"prompt_tokens\":"
                                    + PROMPT_TOKENS + ",\"completion_tokens\":" + COMPLETION_TOKENS
                                    + ",\"total_tokens\":" + (PROMPT_TOKENS + COMPLETION_TOKENS) + "}}\n\n"
                                    + "data: [DONE]\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

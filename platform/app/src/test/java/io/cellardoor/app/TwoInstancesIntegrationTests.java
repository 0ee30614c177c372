package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.billing.BillingAccounts;
import io.cellardoor.billing.Plan;
import io.cellardoor.features.FeatureFlags;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.ObjectMapper;

/**
 * Two app instances on one database: this test's context (A) and a second one started beside it (B), which gets the
 * free plan's quota of 20 through {@code spring.application.json} (what {@code SPRING_APPLICATION_JSON} sets for
 * {@code ./cellardoor run}). 50 concurrent questions, half to each instance, at a quota of 20: exactly 20 are
 * answered, 30 refused with 429 {@code quota-exceeded}. A feature switched off on A applies on B within 2 s.
 */
@TestPropertySource(
        properties = {
            "cellardoor.billing.plans.free.monthly-messages=20",
            "cellardoor.widget.visitor-requests-per-minute=100000",
            "cellardoor.widget.site-requests-per-minute=100000"
        })
class TwoInstancesIntegrationTests extends IntegrationTestSupport {

    static ConfigurableApplicationContext second;

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    FeatureFlags flags;

    @Autowired
    BillingAccounts accounts;

    @Autowired
    ObjectMapper json;

    final HttpClient client = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    @BeforeAll
    static void startSecondInstance(@Autowired org.springframework.core.env.Environment env) {
        second = new SpringApplicationBuilder(CellarDoorApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + env.getRequiredProperty("spring.datasource.url"),
                        "--spring.flyway.enabled=false",
                        "--cellardoor.plugins.dir=" + PLUGINS_DIR,
                        "--cellardoor.plugins.allow-unsigned=true",
                        "--cellardoor.privacy.purge-enabled=false",
                        "--spring.application.json={\"cellardoor\":{\"billing\":{\"plans\":{\"free\":"
                                + "{\"monthly-messages\":20}}},\"widget\":{\"visitor-requests-per-minute\":100000,"
                                + "\"site-requests-per-minute\":100000}}}");
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    private static int secondPort() {
        return ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    @Test
    void theSecondInstancesPlanComesFromSpringApplicationJsonMergedWithTheDefaults() {
        Plan free = second.getBean(io.cellardoor.billing.Plans.class).defaultPlan();
        assertThat(free.monthlyMessages()).isEqualTo(20);
        assertThat(free.name()).isEqualTo("Free"); // the rest of the plan still from application.yml
        assertThat(free.unlocks("curated-answers")).isTrue();
        assertThat(free.unlocks("llm-answers")).isFalse();
    }

    @Test
    void fiftyConcurrentQuestionsOnTwoInstancesAtAQuotaOfTwentyGetExactlyTwentyAnswers() throws Exception {
        asOwner().sql("DELETE FROM org WHERE slug = 'it-two'").update(); // a fresh org, also when run again
        long org = tenants.ensureOrg("it-two", "Two instances");
        tenants.ensureSite(org, "it-two-key", "Two");
        Path knowledge = Files.createTempDirectory("two");
        Files.createDirectories(knowledge.resolve("visiting"));
        Files.writeString(knowledge.resolve("visiting/hours.md"), """
                # Tasting Room Hours

                The tasting room is open Thursday to Sunday from 11 AM to 6 PM. We are closed Monday to Wednesday.
                """);
        importer.importFolder(org, knowledge, l -> {});

        int requests = 50;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                int p = i % 2 == 0 ? port : secondPort();
                results.add(pool.submit(() -> {
                    go.await();
                    return client.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/api/v1/chat"))
                                    .timeout(Duration.ofMinutes(2))
                                    .header("Content-Type", "application/json")
                                    .header("X-Site-Key", "it-two-key")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"message\": \"When is the tasting room open?\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();
        }
        int answered = 0;
        int refused = 0;
        for (Future<HttpResponse<String>> f : results) {
            HttpResponse<String> r = f.get();
            if (r.statusCode() == 200) {
                assertThat(json.readTree(r.body()).path("answered").asBoolean())
                        .as(r.body())
                        .isTrue();
                answered++;
            } else {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
                assertThat(json.readTree(r.body()).path("type").asString()).endsWith("/quota-exceeded");
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                refused++;
            }
        }
        assertThat(answered).isEqualTo(20);
        assertThat(refused).isEqualTo(30);
        assertThat(asOwner()
                        .sql("SELECT messages FROM usage_period WHERE org_id = ?")
                        .param(org)
                        .query(Long.class)
                        .single())
                .isEqualTo(20);
        assertThat(asOwner()
                        .sql("SELECT count(*) FROM message WHERE org_id = ?")
                        .param(org)
                        .query(Long.class)
                        .single())
                .isEqualTo(20);
    }

    @Test
    void aFeatureSwitchedOffOnOneInstanceAppliesOnTheOtherWithinTwoSeconds() throws Exception {
        asOwner().sql("DELETE FROM org WHERE slug = 'it-two-flags'").update();
        long org = tenants.ensureOrg("it-two-flags", "Two instances, flags");
        tenants.ensureSite(org, "it-two-flags-key", "Two flags");
        asOwner()
                .sql("UPDATE site SET suggestions = ? WHERE org_id = ?")
                .params(new String[] {"When are you open?"}, org)
                .update();
        assertThat(suggestionsOnSecond()).isEqualTo(1);
        flags.override(org, "it-two-flags", accounts.plan(org), "suggested-questions", false, "test");
        awaitSuggestionsOnSecond(0);

        // A platform admin's global change (Togglz's state in PostgreSQL) reaches the other instance too.
        flags.override(org, "it-two-flags", accounts.plan(org), "suggested-questions", null, "test");
        try {
            flags.setGlobal(org, "suggested-questions", false, List.of(), List.of(), 100, "test");
            awaitSuggestionsOnSecond(0);
            flags.setGlobal(org, "suggested-questions", true, List.of(), List.of(), 100, "test");
            awaitSuggestionsOnSecond(1);
        } finally {
            flags.setGlobal(org, "suggested-questions", true, List.of(), List.of(), 100, "test");
        }
    }

    @Test
    void aPlanAssignedOnOneInstanceAppliesThereAtOnceAndOnTheOtherWithinTwoSeconds() throws Exception {
        asOwner().sql("DELETE FROM org WHERE slug = 'it-two-plan'").update();
        long org = tenants.ensureOrg("it-two-plan", "Two instances, plan");
        BillingAccounts other = second.getBean(BillingAccounts.class);
        String before = other.plan(org).id(); // cached on instance B from here on
        String target = second.getBean(io.cellardoor.billing.Plans.class).all().stream()
                .map(Plan::id)
                .filter(id -> !id.equals(before))
                .findFirst()
                .orElseThrow();
        accounts.assign(org, target, "test");
        assertThat(accounts.plan(org).id()).as("on the instance that wrote it").isEqualTo(target);
        long since = System.nanoTime();
        while (!other.plan(org).id().equals(target)) {
            assertThat(Duration.ofNanos(System.nanoTime() - since)).isLessThan(Duration.ofSeconds(2));
            Thread.sleep(50);
        }
    }

    /** Waits for instance B to show this many suggestions; fails after 2 s. */
    private void awaitSuggestionsOnSecond(int expected) throws Exception {
        long since = System.nanoTime();
        while (suggestionsOnSecond() != expected) {
            assertThat(Duration.ofNanos(System.nanoTime() - since)).isLessThan(Duration.ofSeconds(2));
            Thread.sleep(50);
        }
    }

    private int suggestionsOnSecond() throws Exception {
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + secondPort() + "/api/v1/widget/config"))
                        .header("X-Site-Key", "it-two-flags-key")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).path("suggestions").size();
    }
}

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The app against a PostgreSQL cluster of the test's own ({@link ThrowawayPostgres}, never the shared one), stopped
 * and started again under the running app: while it is down readiness is DOWN and chat answers 503 problem+json
 * {@code service-unavailable} with {@code Retry-After} within seconds, nothing of those turns is stored, and once it is
 * back the app is ready and answers again by itself.
 */
// Its own configuration: close the context afterwards, so its connections go back to the shared PostgreSQL.
@DirtiesContext
class DatabaseOutageIntegrationTests extends IntegrationTestSupport {

    static final ThrowawayPostgres PG = ThrowawayPostgres.start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PG::url);
        registry.add("cellardoor.cache.enabled", () -> "false");
    }

    @AfterAll
    static void dropCluster() {
        PG.close();
    }

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    ObjectMapper json;

    @Test
    void aDatabaseOutageIsReported503AndTheAppRecoversByItself() throws Exception {
        long org = tenants.ensureOrg("it-outage", "Outage");
        tenants.ensureSite(org, "it-outage-key", "Outage site");
        Path dir = Files.createTempDirectory("outage");
        Files.createDirectories(dir.resolve("visiting"));
        Files.writeString(dir.resolve("visiting/hours.md"), "# Hours\n\nThe winery is open daily from ten to five.\n");
        importer.importFolder(org, dir, l -> {});
        assertThat(chat().statusCode()).isEqualTo(200);
        assertThat(readiness().statusCode()).isEqualTo(200);
        long stored = messages();

        PG.stopServer();
        try {
            HttpResponse<String> notReady = awaitResponse(this::readiness, r -> r.statusCode() == 503, 20);
            assertThat(json.readTree(notReady.body()).path("status").asString()).isEqualTo("DOWN");

            Instant asked = Instant.now();
            HttpResponse<String> refused = chat();
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.path("type").asString()).endsWith("service-unavailable");
            assertThat(problem.path("requestId").asString())
                    .isEqualTo(refused.headers().firstValue("X-Request-Id").orElseThrow());

            // The stream refuses too: before it opens (503), or with an error event of the same type.
            HttpResponse<String> stream =
                    post("/api/v1/chat/stream", "it-outage-key", "{\"message\": \"When is the winery open?\"}");
            if (stream.statusCode() == 200) {
                assertThat(stream.body()).contains("event:error").contains("service-unavailable");
            } else {
                assertThat(stream.statusCode()).isEqualTo(503);
                assertThat(stream.body()).contains("service-unavailable");
            }
        } finally {
            PG.startServer();
        }

        awaitResponse(this::readiness, r -> r.statusCode() == 200, 60);
        HttpResponse<String> answered = awaitResponse(this::chat, r -> r.statusCode() == 200, 30);
        assertThat(json.readTree(answered.body()).path("answer").asString()).containsIgnoringCase("ten");
        assertThat(messages())
                .as("the refused turns left nothing; the answered one is stored whole")
                .isEqualTo(stored + 1);
    }

    private HttpResponse<String> chat() {
        return post("/api/v1/chat", "it-outage-key", "{\"message\": \"When is the winery open?\"}");
    }

    private HttpResponse<String> readiness() {
        return send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET(), null);
    }

    private long messages() {
        return asOwner().sql("SELECT count(*) FROM message").query(Long.class).single();
    }

    private static HttpResponse<String> awaitResponse(
            java.util.function.Supplier<HttpResponse<String>> call, Predicate<HttpResponse<String>> done, int seconds)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(seconds);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(
                "not within " + seconds + " s; last: " + (last == null ? null : last.statusCode() + " " + last.body()));
    }
}

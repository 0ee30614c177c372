package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The semantic cache as an operator runs it: entries expire after their TTL, look-ups are counted by result, an org
 * admin empties the org's cache through the admin API, and {@code "cache": false} skips the cache only for an admin
 * of the site's org.
 */
@TestPropertySource(properties = "cellardoor.cache.ttl=3s")
// Its own configuration: close the context afterwards, so its connections go back to the shared PostgreSQL.
@DirtiesContext
class CacheOperationsIntegrationTests extends AdminApiSupport {

    static final String KEY = "it-cacheops-key";

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void knowledge() throws Exception {
        long demo = tenants.ensureOrg("demo", "Demo Vineyard");
        tenants.ensureSite(demo, KEY, "Demo (cache operations)");
        Path dir = Files.createTempDirectory("cacheops");
        Files.createDirectories(dir.resolve("about"));
        Files.writeString(
                dir.resolve("about/barrels.md"),
                "# Barrel room\n\nThe barrel room holds 312 French oak barrels, each used for four vintages.\n");
        importer.importFolder(demo, dir, l -> {});
        call("DELETE", "/api/v1/admin/cache", "org-admin", null);
    }

    @Test
    void anEntryIsServedUntilItsTtlRunsOut() throws Exception {
        double hits = count("hit");
        double misses = count("miss");
        assertThat(generator(ask("How many barrels are in the barrel room?", null)))
                .isNotEqualTo("cache");
        assertThat(generator(ask("how many barrels are in the barrel room", null)))
                .isEqualTo("cache");
        assertThat(count("hit") - hits).isEqualTo(1);
        assertThat(count("miss") - misses).isGreaterThanOrEqualTo(1);

        Thread.sleep(3_300);
        assertThat(generator(ask("how many barrels are in the barrel room", null)))
                .as("expired after 3 s")
                .isNotEqualTo("cache");
    }

    @Test
    void anOrgAdminClearsTheCacheAndOnlyAdminsMayBypassIt() {
        ask("How many barrels are in the barrel room?", null);
        assertThat(generator(ask("how many barrels are in the barrel room", null)))
                .isEqualTo("cache");

        // "cache": false is ignored without a token and with an editor's; honoured with the org admin's.
        assertThat(generator(ask("how many barrels are in the barrel room", false)))
                .isEqualTo("cache");
        assertThat(generator(askAs("how many barrels are in the barrel room", "editor")))
                .isEqualTo("cache");
        double bypassed = count("bypass");
        assertThat(generator(askAs("how many barrels are in the barrel room", "org-admin")))
                .isNotEqualTo("cache");
        assertThat(count("bypass") - bypassed).isEqualTo(1);

        // Only an org admin may clear; a viewer may read the size.
        assertThat(json.readTree(call("GET", "/api/v1/admin/cache", "viewer", null)
                                .body())
                        .path("entries")
                        .asLong())
                .isPositive();
        assertThat(call("DELETE", "/api/v1/admin/cache", "editor", null).statusCode())
                .isEqualTo(403);
        var cleared = call("DELETE", "/api/v1/admin/cache", "org-admin", null);
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(json.readTree(cleared.body()).path("deleted").asInt()).isPositive();
        assertThat(generator(ask("how many barrels are in the barrel room", null)))
                .isNotEqualTo("cache");
        assertThat(asOwner()
                        .sql("SELECT count(*) FROM audit_event WHERE action = 'cache.cleared' AND actor = 'org-admin'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    private double count(String result) {
        var counter = meters.find("rag.cache.requests").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String generator(JsonNode answer) {
        return answer.path("usage").path("generator").asString();
    }

    private JsonNode ask(String question, Boolean cache) {
        String body = cache == null
                ? json.writeValueAsString(Map.of("message", question))
                : json.writeValueAsString(Map.of("message", question, "cache", cache));
        var response = post("/api/v1/chat", KEY, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode askAs(String question, String user) {
        var response = send(
                HttpRequest.newBuilder(uri("/api/v1/chat"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token(user))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                json.writeValueAsString(Map.of("message", question, "cache", false)))),
                KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}

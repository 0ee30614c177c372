package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.curated.CuratedAnswerInput;
import io.cellardoor.curated.CuratedAnswers;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.plugin.OrgPlugins;
import io.cellardoor.tenant.TenantService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two app instances on one PostgreSQL (issue 12's proof): this test's context is instance A, a second full app started
 * in the same JVM with a plugins folder of its own is instance B. Each behaviour is checked through B's HTTP API after a
 * change made on A: a visitor's rate limit counts requests on both; a conversation started on A continues on B; a
 * plugin an org disables on A stops serving the org on B at once; a knowledge edit on A stops B's semantic cache
 * from serving the old answer; a curated answer added on A is served by B within 2 s (its in-memory presence is
 * invalidated by a cluster event). Plugin jars uploaded on one instance: {@link PluginJarsAcrossInstancesIntegrationTests}.
 */
@TestPropertySource(
        properties = {
            "cellardoor.widget.visitor-requests-per-minute=4",
            "cellardoor.widget.site-requests-per-minute=100000"
        })
class ScaleOutIntegrationTests extends IntegrationTestSupport {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    static ConfigurableApplicationContext instanceB;
    static int portB;
    static @Nullable Long sharedOrg;

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    OrgPlugins orgPlugins;

    @Autowired
    CuratedAnswers curated;

    @BeforeAll
    static void startInstanceB() throws Exception {
        Path plugins = Files.createTempDirectory("instance-b-plugins");
        try (Stream<Path> jars = Files.list(PLUGINS_DIR)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        instanceB = CellarDoorApplication.start(Command.parse(new String[] {
            "serve",
            "--port",
            "0",
            "--cellardoor.plugins.dir=" + plugins,
            "--cellardoor.plugins.allow-unsigned=true",
            "--cellardoor.privacy.purge-enabled=false",
            "--spring.datasource.hikari.maximum-pool-size=4",
            "--cellardoor.widget.visitor-requests-per-minute=4",
            "--cellardoor.widget.site-requests-per-minute=100000",
            "--cellardoor.ratelimit.admin-requests-per-minute=1000000",
            "--cellardoor.ratelimit.address-requests-per-minute=1000000"
        }));
        portB = Integer.parseInt(instanceB.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void aVisitorsRateLimitCountsRequestsOnBothInstances() {
        String siteKey = site("shared");
        String token = session(siteKey);
        assertThat(ask(port, siteKey, token, "Are you open on Monday?", null).statusCode())
                .isEqualTo(200);
        assertThat(ask(portB, siteKey, token, "Are you open on Monday?", null).statusCode())
                .isEqualTo(200);
        assertThat(ask(port, siteKey, token, "Are you open on Monday?", null).statusCode())
                .isEqualTo(200);
        assertThat(ask(portB, siteKey, token, "Are you open on Monday?", null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> onA = ask(port, siteKey, token, "Are you open on Monday?", null);
        HttpResponse<String> onB = ask(portB, siteKey, token, "Are you open on Monday?", null);
        assertThat(onA.statusCode())
                .as("the fifth request, on A: 4 a minute in all")
                .isEqualTo(429);
        assertThat(onB.statusCode()).as("and on B").isEqualTo(429);
        assertThat(onB.headers().firstValue("Retry-After")).isPresent();
        assertThat(ask(portB, siteKey, session(siteKey), "Are you open on Monday?", null)
                        .statusCode())
                .as("another visitor of the site is not limited")
                .isEqualTo(200);
    }

    @Test
    void aConversationStartedOnOneInstanceContinuesOnTheOther() {
        String siteKey = site("shared");
        JsonNode first = body(ask(port, siteKey, null, "Which red wines do you make?", null));
        String conversation = first.path("conversationId").asString();
        JsonNode second = body(ask(portB, siteKey, null, "How much does it cost?", conversation));
        assertThat(second.path("conversationId").asString()).isEqualTo(conversation);
        assertThat(asOwner()
                        .sql("SELECT count(*) FROM message WHERE conversation_id = ?::uuid")
                        .param(conversation)
                        .query(Long.class)
                        .single())
                .as("both turns in one conversation")
                .isEqualTo(2);
        assertThat(second.path("domain").asString())
                .as("B resolved the follow-up against the turn A stored")
                .isEqualTo("wine");
    }

    @Test
    void aPluginDisabledForAnOrgOnOneInstanceStopsServingItOnTheOther() {
        String siteKey = site("plugins");
        long org = orgOf(siteKey);
        // answered from passages, so cached (the wine plugin's direct answers, such as what a wine's page suggests
        // eating with it, are never cached)
        String question = "Would the Reserve Cabernet Franc go with lamb chops?";
        JsonNode before = body(ask(portB, siteKey, null, question, null));
        assertThat(routedTo(before)).as("B routes it to the wine plugin").isEqualTo("wine");
        assertThat(body(ask(portB, siteKey, null, question, null))
                        .path("usage")
                        .path("generator")
                        .asString())
                .as("B now serves it from the semantic cache")
                .isEqualTo("cache");

        orgPlugins.setEnabled(org, "it", "wine", false);

        JsonNode after = body(ask(portB, siteKey, null, question, null));
        assertThat(after.path("usage").path("generator").asString())
                .as("the cached answer of the plugin is not served")
                .isNotEqualTo("cache");
        assertThat(routedTo(after)).as("on B at the next question").isNotEqualTo("wine");
        assertThat(scores(after)).as("the plugin was not even asked").doesNotContain("\"wine\"");
    }

    @Test
    void aKnowledgeEditOnOneInstanceInvalidatesTheOthersSemanticCache() throws Exception {
        String siteKey = site("cache");
        long org = orgOf(siteKey);
        Path dir = Files.createTempDirectory("scaleout-cache");
        Files.writeString(dir.resolve("estate.md"), "# The estate\n\nThe estate has 38 acres of vines.\n");
        importer.importFolder(org, dir, line -> {});
        String question = "How many acres is the estate?";
        assertThat(body(ask(portB, siteKey, null, question, null))
                        .path("answer")
                        .asString())
                .contains("38");
        JsonNode cached = body(ask(portB, siteKey, null, question, null));
        assertThat(cached.path("usage").path("generator").asString()).isEqualTo("cache");

        Files.writeString(dir.resolve("estate.md"), "# The estate\n\nThe estate has 41 acres of vines.\n");
        importer.importFolder(org, dir, line -> {}); // on A

        JsonNode after = body(ask(portB, siteKey, null, question, null));
        assertThat(after.path("usage").path("generator").asString()).isNotEqualTo("cache");
        assertThat(after.path("answer").asString()).contains("41").doesNotContain("38");
    }

    @Test
    void aCuratedAnswerAddedOnOneInstanceIsServedByTheOtherWithinTwoSeconds() {
        String siteKey = site("shared");
        long org = orgOf(siteKey);
        String question = "Can I bring my dog to the tasting room?";
        // B has looked at the org's curated answers (none) and keeps that in memory.
        assertThat(body(ask(portB, siteKey, null, question, null))
                        .path("usage")
                        .path("generator")
                        .asString())
                .isNotEqualTo("curated");

        curated.create(
                org,
                "it",
                new CuratedAnswerInput(question, "Well-behaved dogs on a leash are welcome on the terrace.", null));
        Instant added = Instant.now();

        Duration took = null;
        while (Duration.between(added, Instant.now()).compareTo(Duration.ofSeconds(10)) < 0) {
            // A new visitor each time: one visitor's 4 requests a minute would not last the wait.
            JsonNode answer = body(ask(portB, siteKey, session(siteKey), question, null));
            if (answer.path("usage").path("generator").asString().equals("curated")) {
                took = Duration.between(added, Instant.now());
                assertThat(answer.path("answer").asString()).contains("on a leash");
                break;
            }
        }
        assertThat(took).as("served by B at all").isNotNull();
        assertThat(took).as("within 2 s").isLessThan(Duration.ofSeconds(2));
    }

    /**
     * A new site of an org with the demo knowledge: one org shared by the tests that only read it ({@code shared}), a
     * fresh one otherwise ({@code cache}: without the demo knowledge). Each test has a site of its own, so the per-site
     * limit of visitors without a token (4 a minute here) is each test's own. Returns the site key.
     */
    private String site(String name) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String key = "it-scaleout-" + name + "-" + suffix;
        long org;
        if (name.equals("shared") && sharedOrg != null) {
            org = sharedOrg;
        } else {
            org = tenants.ensureOrg(key, "Scale-out " + name);
            if (!name.equals("cache")) {
                try {
                    importer.importFolder(org, REPO.resolve("knowledge/demo"), line -> {});
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (name.equals("shared")) {
                sharedOrg = org;
            }
        }
        tenants.ensureSite(org, key, "Scale-out site");
        return key;
    }

    /** The domain the stored turn of this answer was routed to (its classification's primary). */
    private String routedTo(JsonNode answer) {
        return asOwner()
                .sql("SELECT classification->>'primary' FROM message WHERE conversation_id = ?::uuid"
                        + " ORDER BY id DESC LIMIT 1")
                .param(answer.path("conversationId").asString())
                .query(String.class)
                .single();
    }

    /** Every plugin's score of this answer's question, as stored with its turn. */
    private String scores(JsonNode answer) {
        return asOwner()
                .sql("SELECT classification->'scores' FROM message WHERE conversation_id = ?::uuid"
                        + " ORDER BY id DESC LIMIT 1")
                .param(answer.path("conversationId").asString())
                .query(String.class)
                .single();
    }

    private long orgOf(String siteKey) {
        return asOwner()
                .sql("SELECT org_id FROM site WHERE site_key = ?")
                .param(siteKey)
                .query(Long.class)
                .single();
    }

    private String session(String siteKey) {
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/widget/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")),
                siteKey);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response).path("visitorToken").asString();
    }

    private HttpResponse<String> ask(
            int instancePort,
            String siteKey,
            @Nullable String visitorToken,
            String message,
            @Nullable String conversationId) {
        Map<String, @Nullable Object> request = new HashMap<>();
        request.put("message", message);
        request.put("conversationId", conversationId);
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + instancePort + "/api/v1/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)));
        if (visitorToken != null) {
            builder.header("X-Visitor-Token", visitorToken);
        }
        return send(builder, siteKey);
    }

    private static JsonNode body(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}

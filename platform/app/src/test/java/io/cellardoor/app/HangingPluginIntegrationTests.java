package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.plugin.PluginCalls;
import io.cellardoor.tenant.TenantService;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A plugin whose handler sleeps forever (and ignores interrupts) never holds an answer past its budget: the turn goes on
 * without it, and its bulkhead keeps the threads it ties up to a few, refusing further calls at once.
 */
@TestPropertySource(
        properties = {
            "cellardoor.plugins.handler-budget=400ms",
            "cellardoor.plugins.classifier-budget=200ms",
            "cellardoor.plugins.max-concurrent-calls=2",
            "cellardoor.plugins.max-consecutive-failures=1000",
            "cellardoor.cache.enabled=false"
        })
// Its own configuration: close the context afterwards, so its connections go back to the shared PostgreSQL.
@DirtiesContext
class HangingPluginIntegrationTests extends IntegrationTestSupport {

    static final Path JAR = PLUGINS_DIR.resolve("sleeper-plugin.jar");

    static final String SLEEPER = """
            package test.sleeper;

            import io.cellardoor.plugin.api.*;
            import java.util.List;
            import org.pf4j.Extension;

            @Extension
            public class SleeperPlugin implements DomainPlugin {
                public DomainDescriptor descriptor() {
                    return new DomainDescriptor("sleeper", "Lantern walks", List.of("lantern"), List.of());
                }
                public QueryClassifier classifier() {
                    return KeywordClassifier.builder().rule("\\\\blantern walks?\\\\b", 0.9, "lantern").build();
                }
                public DomainHandler handler() {
                    return (query, context) -> {
                        while (true) {
                            try {
                                Thread.sleep(60_000);
                            } catch (InterruptedException e) {
                                // a badly written plugin: it ignores the interrupt and sleeps on
                            }
                        }
                    };
                }
            }
            """;

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    PluginCalls plugins;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ObjectMapper json;

    @AfterAll
    static void removeJar() throws Exception {
        Files.deleteIfExists(JAR); // later test classes share the plugins folder
    }

    @Test
    void aPluginThatSleepsForeverNeverDelaysAnAnswerPastItsBudget() throws Exception {
        long org = tenants.ensureOrg("it-sleeper", "Sleeper");
        tenants.ensureSite(org, "it-sleeper-key", "Sleeper site");
        Path knowledge = Files.createTempDirectory("sleeper");
        Files.createDirectories(knowledge.resolve("lantern"));
        Files.writeString(
                knowledge.resolve("lantern/walks.md"),
                "# Lantern walks\n\nLantern walks through the vineyard start at dusk every Friday.\n");
        importer.importFolder(org, knowledge, l -> {});
        TestPluginJar.build("sleeper", ">=1.0.0 & <2.0.0", "test.sleeper.SleeperPlugin", SLEEPER, JAR);
        PluginHotLoadIntegrationTests.await(() -> plugins.health().stream()
                .filter(h -> h.domain().equals("sleeper"))
                .findFirst());

        // One question routed to the sleeping handler: answered, from the knowledge, within the budget.
        Instant started = Instant.now();
        JsonNode answer = ask("when do the lantern walks start?");
        long ms = Duration.between(started, Instant.now()).toMillis();
        assertThat(answer.path("answer").asString()).containsIgnoringCase("dusk");
        assertThat(ms).as("handler budget 400 ms plus the rest of the turn").isLessThan(3_000);

        // Many at once: every answer still arrives; the bulkhead refuses calls beyond its 2 hung threads at once.
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Long>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> {
                Instant t = Instant.now();
                assertThat(ask("are lantern walks on friday?").path("answer").asString())
                        .isNotBlank();
                return Duration.between(t, Instant.now()).toMillis();
            });
        }
        List<Long> took = new ArrayList<>();
        for (Future<Long> f : pool.invokeAll(calls)) {
            took.add(f.get());
        }
        pool.shutdown();
        assertThat(took).allSatisfy(t -> assertThat(t).isLessThan(8_000));
        assertThat(meters.get("rag.plugin.failures")
                        .tags("plugin", "sleeper", "reason", "rejected")
                        .counter()
                        .count())
                .isPositive();
        assertThat(meters.get("rag.plugin.failures")
                        .tags("plugin", "sleeper", "reason", "timeout")
                        .counter()
                        .count())
                .isPositive();
        assertThat(plugins.health().stream()
                        .filter(h -> h.domain().equals("sleeper"))
                        .findFirst()
                        .orElseThrow()
                        .disabled())
                .isFalse();
    }

    private JsonNode ask(String question) {
        var response =
                post("/api/v1/chat", "it-sleeper-key", json.writeValueAsString(java.util.Map.of("message", question)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.plugin.PluginCalls;
import io.cellardoor.plugin.PluginHealth;
import io.cellardoor.tenant.TenantService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Plugin jars dropped into the plugins folder of the running server; failing plugins are skipped and disabled. */
class PluginHotLoadIntegrationTests extends IntegrationTestSupport {

    @Autowired
    PluginCalls plugins;

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    ObjectMapper json;

    static final String TOURS = """
            package test.tours;

            import io.cellardoor.plugin.api.*;
            import java.util.List;
            import java.util.Optional;
            import org.pf4j.Extension;

            @Extension
            public class ToursPlugin implements DomainPlugin {
                public DomainDescriptor descriptor() {
                    return new DomainDescriptor("tours", "Cellar tours", List.of("cellar tours"), List.of("visiting"));
                }
                public QueryClassifier classifier() {
                    return KeywordClassifier.builder().rule("\\\\bcellar tours?\\\\b", 0.9, "tour").build();
                }
                public DomainHandler handler() {
                    return (query, context) -> {
                        var docs = context.listDocuments("tours");
                        var doc = context.readDocument(docs.get(0).path()).orElseThrow();
                        String when = doc.text().lines().filter(l -> l.contains("noon")).findFirst().orElse("");
                        return new HandlerResult(RetrievalPlan.defaults(5), List.of(),
                                Optional.of(new DirectAnswer("Tours: " + when, List.of(doc.path()), 0.9)));
                    };
                }
            }
            """;

    static final String FAULTY = """
            package test.faulty;

            import io.cellardoor.plugin.api.*;
            import java.util.List;
            import org.pf4j.Extension;

            @Extension
            public class FaultyPlugin implements DomainPlugin {
                public DomainDescriptor descriptor() {
                    return new DomainDescriptor("faulty", "Faulty", List.of("faulty"), List.of());
                }
                public QueryClassifier classifier() {
                    return query -> { throw new IllegalStateException("classifier bug"); };
                }
                public DomainHandler handler() {
                    return (query, context) -> { throw new IllegalStateException("handler bug"); };
                }
            }
            """;

    JsonNode ask(String siteKey, String question) {
        var response = post("/api/v1/chat", siteKey, json.writeValueAsString(java.util.Map.of("message", question)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    static <T> T await(Supplier<Optional<T>> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within 20 s");
    }

    @Test
    void aJarDroppedIntoThePluginsFolderIsLoadedAndRoutedToWithoutRestart() throws Exception {
        long org = tenants.ensureOrg("it-tours", "Tours");
        tenants.ensureSite(org, "it-tours-key", "Tours site");
        Path knowledge = Files.createTempDirectory("tours");
        Files.createDirectories(knowledge.resolve("cellar tours"));
        Files.writeString(
                knowledge.resolve("cellar tours/schedule.md"),
                "# Tour schedule\n\nCellar tours start daily at noon.\n");
        importer.importFolder(org, knowledge, l -> {});
        assertThat(ask("it-tours-key", "when do the cellar tours start?")
                        .path("domain")
                        .asString())
                .isNotEqualTo("tours");

        TestPluginJar.build(
                "tours", ">=1.0.0 & <2.0.0", "test.tours.ToursPlugin", TOURS, PLUGINS_DIR.resolve("tours-plugin.jar"));
        await(() -> plugins.health().stream()
                .filter(h -> h.domain().equals("tours"))
                .findFirst());

        JsonNode answer = ask("it-tours-key", "when do the cellar tours start?");
        assertThat(answer.path("domain").asString()).isEqualTo("tours");
        assertThat(answer.path("answer").asString()).isEqualTo("Tours: Cellar tours start daily at noon.");
        assertThat(answer.path("citations").get(0).path("path").asString()).isEqualTo("cellar tours/schedule.md");
        assertThat(answer.path("citations").get(0).path("domain").asString()).isEqualTo("tours");
    }

    @Test
    void aPluginRequiringAnotherApiVersionIsRefused() throws Exception {
        TestPluginJar.build(
                "future",
                ">=2.0.0",
                "test.tours.ToursPlugin",
                TOURS.replace("\"tours\"", "\"future\""),
                PLUGINS_DIR.resolve("future-plugin.jar"));
        Thread.sleep(1500);
        assertThat(plugins.health()).noneMatch(h -> h.domain().equals("future"));
    }

    @Test
    void aFailingPluginIsSkippedThenDisabledWhileTheChatKeepsAnswering() throws Exception {
        long org = tenants.ensureOrg("it-faulty", "Faulty");
        tenants.ensureSite(org, "it-faulty-key", "Faulty site");
        TestPluginJar.build(
                "faulty",
                ">=1.0.0 & <2.0.0",
                "test.faulty.FaultyPlugin",
                FAULTY,
                PLUGINS_DIR.resolve("faulty-plugin.jar"));
        await(() -> plugins.health().stream()
                .filter(h -> h.domain().equals("faulty"))
                .findFirst());

        for (int i = 0; i < 6; i++) {
            assertThat(ask("it-faulty-key", "are you open on sunday?")
                            .path("answer")
                            .asString())
                    .isNotBlank();
        }
        PluginHealth faulty = plugins.health().stream()
                .filter(h -> h.domain().equals("faulty"))
                .findFirst()
                .orElseThrow();
        assertThat(faulty.failures()).isGreaterThanOrEqualTo(5);
        assertThat(faulty.disabled()).isTrue();
        assertThat(faulty.disabledReason()).contains("classifier bug");
        assertThat(plugins.health())
                .filteredOn(h -> !h.domain().equals("faulty"))
                .allMatch(h -> !h.disabled());
    }
}

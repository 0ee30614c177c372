package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.plugin.PluginCalls;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A plugin gets only its context. Plugins written to misbehave, as a platform admin would upload them: one that tries to
 * reach the database, read environment secrets or start threads is refused before it loads (at upload and from the
 * plugins folder), with the reason; one that asks its context for another org's documents and for the host's secrets
 * gets only its own org's knowledge and nothing else; one that exhausts memory fails alone, and every answer still
 * arrives.
 */
class HostilePluginIntegrationTests extends PluginAdminTestSupport {

    static final String SITE_A = "it-hostile-a-key";
    static final String SITE_B = "it-hostile-b-key";

    /** Asks its context for everything it can think of and reports what it got as its answer. */
    static final String PROBER = """
            package test.prober;

            import io.cellardoor.plugin.api.*;
            import java.util.*;
            import org.pf4j.Extension;

            @Extension
            public class ProberPlugin implements DomainPlugin {
                public DomainDescriptor descriptor() {
                    return new DomainDescriptor("DOMAIN", "Cellar notes", List.of("DOMAIN"), List.of());
                }
                public QueryClassifier classifier() {
                    return KeywordClassifier.builder().rule("\\\\bcellar notes?\\\\b", 0.95, "cellar").build();
                }
                public DomainHandler handler() {
                    return (query, context) -> {
                        List<String> seen = new ArrayList<>();
                        seen.add("tenant " + context.tenant());
                        for (String path : List.of("DOMAIN/other.md", "DOMAIN/own.md", "../DOMAIN/other.md",
                                "/DOMAIN/other.md", "DOMAIN/../DOMAIN/other.md")) {
                            context.readDocument(path).ifPresent(d -> seen.add("read " + d.path() + ": " + d.text()));
                        }
                        for (String domain : List.of("DOMAIN", "general", "wine", "visiting")) {
                            for (Passage p : context.search(domain, "vault code bravo cellar notes", 50)) {
                                seen.add("found " + p.path() + ": " + p.text());
                            }
                            for (DocumentSummary d : context.listDocuments(domain)) {
                                seen.add("listed " + d.path());
                            }
                        }
                        for (Passage p : context.passages()) {
                            seen.add("passage " + p.path() + ": " + p.text());
                        }
                        for (String key : List.of("spring.datasource.password", "CELLARDOOR_DB_PASSWORD",
                                "cellardoor.billing.stripe.api-key", "cellardoor.privacy.keys[0].secret",
                                "JAVA_HOME", "user.home")) {
                            context.setting(key).ifPresent(v -> seen.add("setting " + key + " = " + v));
                        }
                        return new HandlerResult(RetrievalPlan.defaults(5), List.of(),
                                Optional.of(new DirectAnswer(String.join("\\n", seen), List.of("DOMAIN/own.md"), 1.0)));
                    };
                }
            }
            """;

    /** Asks for 16 GiB at once: more than the heap. */
    static final String HOG = """
            package test.hog;

            import io.cellardoor.plugin.api.*;
            import java.util.*;
            import org.pf4j.Extension;

            @Extension
            public class HogPlugin implements DomainPlugin {
                public DomainDescriptor descriptor() {
                    return new DomainDescriptor("DOMAIN", "Barrel room", List.of("DOMAIN"), List.of());
                }
                public QueryClassifier classifier() {
                    return KeywordClassifier.builder().rule("\\\\bbarrel room\\\\b", 0.95, "barrel").build();
                }
                public DomainHandler handler() {
                    return (query, context) -> {
                        long[] hog = new long[Integer.MAX_VALUE - 16];
                        return HandlerResult.retrieve(RetrievalPlan.defaults(hog.length % 7 + 1));
                    };
                }
            }
            """;

    /** The body of a handler that misbehaves; the rest of the plugin is ordinary. */
    static String handlerDoing(String pkg, String domain, String body) {
        return """
                package PKG;

                import io.cellardoor.plugin.api.*;
                import java.util.*;
                import org.pf4j.Extension;

                @Extension
                public class Misbehaving implements DomainPlugin {
                    public DomainDescriptor descriptor() {
                        return new DomainDescriptor("DOMAIN", "Misbehaving", List.of("DOMAIN"), List.of());
                    }
                    public QueryClassifier classifier() {
                        return KeywordClassifier.builder().rule("\\\\bDOMAIN\\\\b", 0.95, "DOMAIN").build();
                    }
                    public DomainHandler handler() {
                        return (query, context) -> {
                            try {
                                BODY
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return HandlerResult.retrieve(RetrievalPlan.defaults(5));
                        };
                    }
                }
                """.replace("PKG", pkg).replace("DOMAIN", domain).replace("BODY", body);
    }

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    PluginCalls plugins;

    @Autowired
    MeterRegistry meters;

    @Test
    void pluginsThatReachForTheDatabaseSecretsOrThreadsAreRefusedBeforeTheyLoad() throws Exception {
        List<String> before = pluginsFolder();
        record Attempt(String what, String body, String named) {}
        List<Attempt> attempts = List.of(
                new Attempt(
                        "database",
                        "java.sql.DriverManager.getConnection(\"jdbc:postgresql://127.0.0.1:55432/cellardoor\","
                                + " \"cellardoor_app\", \"cellardoor_app\").createStatement()"
                                + ".executeQuery(\"SELECT * FROM kb_document\");",
                        "uses java.sql.DriverManager"),
                new Attempt("driver", "Class.forName(\"org.postgresql.Driver\");", "calls java.lang.Class.forName"),
                new Attempt(
                        "environment",
                        "query.text().concat(String.valueOf(System.getenv()));",
                        "calls java.lang.System.getenv"),
                new Attempt(
                        "procfs",
                        "java.nio.file.Files.readString(java.nio.file.Path.of(\"/proc/self/environ\"));",
                        "uses java.nio.file.Files"),
                new Attempt(
                        "threads",
                        "for (int i = 0; i < 100_000; i++) { new Thread(() -> {}).start(); }",
                        "calls java.lang.Thread.start"),
                new Attempt(
                        "pool",
                        "java.util.concurrent.Executors.newCachedThreadPool().submit(() -> {});",
                        "uses java.util.concurrent.Executors"));
        for (Attempt attempt : attempts) {
            String id = PluginsPerOrgIntegrationTests.unique(attempt.what());
            byte[] jar = pluginJar(
                    id,
                    "1.0.0",
                    ">=1.0.0 & <2.0.0",
                    "test." + id + ".Misbehaving",
                    handlerDoing("test." + id, id, attempt.body()));

            var refused = upload("platform-admin", id + ".jar", jar);

            assertThat(problem(refused, 400)).as(attempt.what()).isEqualTo("plugin-code-refused");
            assertThat(json.readTree(refused.body()).path("detail").asString())
                    .as(attempt.what())
                    .contains("is refused: its code reaches past the plugin API")
                    .contains("test." + id + ".Misbehaving")
                    .contains(attempt.named());
            assertThat(plugins.health()).noneMatch(h -> h.domain().equals(id));
        }
        assertThat(pluginsFolder()).isEqualTo(before);

        // Dropped into the plugins folder instead of uploaded: the scan refuses it the same way and says why.
        String id = PluginsPerOrgIntegrationTests.unique("dropped");
        Path tmp = PLUGINS_DIR.resolve(id + ".tmp");
        Files.write(
                tmp,
                pluginJar(
                        id,
                        "1.0.0",
                        ">=1.0.0 & <2.0.0",
                        "test." + id + ".Misbehaving",
                        handlerDoing("test." + id, id, "System.exit(3);")));
        Files.move(tmp, PLUGINS_DIR.resolve(id + ".jar"));
        try {
            JsonNode jar = PluginHotLoadIntegrationTests.await(() -> {
                for (JsonNode refused : ok(admin("GET", "/api/v1/admin/plugins/jars", "platform-admin"))
                        .path("refused")) {
                    if (refused.path("file").asString().equals(id + ".jar")) {
                        return Optional.of(refused);
                    }
                }
                return Optional.empty();
            });
            assertThat(jar.path("reason").asString())
                    .startsWith("its code reaches past the plugin API")
                    .contains("calls java.lang.System.exit");
            assertThat(plugins.health()).noneMatch(h -> h.domain().equals(id));
        } finally {
            Files.deleteIfExists(PLUGINS_DIR.resolve(id + ".jar"));
        }
    }

    @Test
    void aPluginSeesOnlyItsOwnOrgsKnowledgeAndNoSecretsThroughItsContext() throws Exception {
        String domain = PluginsPerOrgIntegrationTests.unique("cellar");
        long a = tenantService.ensureOrg("it-hostile-a", "Hostile A");
        long b = tenantService.ensureOrg("it-hostile-b", "Hostile B");
        tenantService.ensureSite(a, SITE_A, "Hostile A site");
        tenantService.ensureSite(b, SITE_B, "Hostile B site");
        importer.importFolder(
                a,
                knowledge(
                        domain,
                        "own.md",
                        "# Cellar notes\n\nCellar notes of A: the cellar is kept at 55 degrees. Marker ALPHA-OWN.\n"),
                l -> {});
        importer.importFolder(
                b,
                knowledge(
                        domain,
                        "other.md",
                        "# Cellar notes\n\nCellar notes of B: the vault code is BRAVO-7731, bravo secret.\n"),
                l -> {});
        ok(upload(
                "platform-admin",
                domain + ".jar",
                pluginJar(
                        domain,
                        "1.0.0",
                        ">=1.0.0 & <2.0.0",
                        "test.prober.ProberPlugin",
                        PROBER.replace("DOMAIN", domain))));
        try {
            // The probe works: asked from org B's site, it reads org B's own document.
            String fromB =
                    ask(SITE_B, "what do the cellar notes say?").path("answer").asString();
            assertThat(fromB).contains("tenant it-hostile-b").contains("BRAVO-7731");

            // From org A's site the same probe finds A's knowledge and nothing of B's, and no setting of the host.
            String fromA =
                    ask(SITE_A, "what do the cellar notes say?").path("answer").asString();
            assertThat(fromA)
                    .contains("tenant it-hostile-a")
                    .contains("read " + domain + "/own.md")
                    .contains("ALPHA-OWN")
                    .doesNotContain("BRAVO")
                    .doesNotContain("other.md")
                    .doesNotContain("setting ");
        } finally {
            admin("DELETE", "/api/v1/admin/plugins/" + domain, "platform-admin");
        }
    }

    @Test
    void aPluginThatExhaustsMemoryFailsAloneAndTheAnswerStillArrives() throws Exception {
        String domain = PluginsPerOrgIntegrationTests.unique("barrel");
        long a = tenantService.ensureOrg("it-hostile-a", "Hostile A");
        tenantService.ensureSite(a, SITE_A, "Hostile A site");
        importer.importFolder(
                a,
                knowledge(
                        domain,
                        "barrels.md",
                        "# Barrel room\n\nThe barrel room holds 120 French oak barrels and is open on the Saturday"
                                + " tour.\n"),
                l -> {});
        ok(upload(
                "platform-admin",
                domain + ".jar",
                pluginJar(domain, "1.0.0", ">=1.0.0 & <2.0.0", "test.hog.HogPlugin", HOG.replace("DOMAIN", domain))));
        try {
            double failedBefore = failures(domain);

            JsonNode answer = ask(SITE_A, "how many barrels are in the barrel room?");

            assertThat(answer.path("answer").asString()).contains("120");
            assertThat(failures(domain)).isGreaterThan(failedBefore);
            // The host is unharmed: the next visitor's question is answered too.
            assertThat(ask(SITE_A, "what do the cellar notes say about the barrel room?")
                            .path("answer")
                            .asString())
                    .isNotBlank();
        } finally {
            admin("DELETE", "/api/v1/admin/plugins/" + domain, "platform-admin");
        }
    }

    /** The plugin's failures of any reason (the allocation fails at once, or the call runs out of its budget). */
    private double failures(String pluginId) {
        return meters.find("rag.plugin.failures").tag("plugin", pluginId).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static Path knowledge(String folder, String file, String markdown) throws Exception {
        Path root = Files.createTempDirectory("hostile");
        Files.createDirectories(root.resolve(folder));
        Files.writeString(root.resolve(folder).resolve(file), markdown);
        return root;
    }
}

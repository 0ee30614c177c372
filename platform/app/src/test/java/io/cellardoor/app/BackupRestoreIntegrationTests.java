package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.tenant.TenantService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * deploy/backup/backup.sh and restore.sh against the real PostgreSQL: the test database (with an org that has the demo
 * knowledge and answered questions) is backed up with retention, restored into a new database that the scripts verify
 * (row counts, row-level security, grants, extensions, planner settings), and a second instance of the app, started on
 * the restored database as a replica would be (migrations off) and without the semantic cache, gives every question
 * the same answer with the same citations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIntegrationTests extends IntegrationTestSupport {

    static final List<String> QUESTIONS = List.of(
            "Are you open on Monday?",
            "How much is the Reserve Cabernet Franc?",
            "Can I bring my dog?",
            "What are the wine club tiers?",
            "Do you sell hoodies?",
            "Can I land my helicopter on the lawn?",
            "What's the wifi password?");

    @Autowired
    TenantService tenants;

    @Autowired
    io.cellardoor.knowledge.KnowledgeImporter importer;

    @Autowired
    ObjectMapper json;

    @TempDir
    Path backups;

    final String siteKey = "it-backup-" + UUID.randomUUID();
    final Map<String, JsonNode> before = new HashMap<>();

    @BeforeAll
    void importAndAsk() throws Exception {
        long org = tenants.ensureOrg("backup-" + UUID.randomUUID().toString().substring(0, 8), "Backup test");
        tenants.ensureSite(org, siteKey, "Backup test site");
        importer.importFolder(org, REPO.resolve("knowledge/demo"), line -> {});
        for (String question : QUESTIONS) {
            before.put(question, ask(port, question));
        }
    }

    @Test
    void aRestoredBackupAnswersEveryQuestionAsTheOriginalDid() throws Exception {
        // Three backups with --keep 2: the oldest goes.
        List<Path> dumps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Script backup = run("backup.sh", "--dir", backups.toString(), "--keep", "2");
            assertThat(backup.exit()).as(backup.output()).isZero();
            dumps.add(Path.of(backup.stdout().strip()));
        }
        assertThat(listing()).containsExactlyInAnyOrder(concat(names(dumps.get(1)), names(dumps.get(2))));
        Path newest = dumps.get(2);
        String manifest = Files.readString(Path.of(newest.toString().replace(".dump", ".manifest")));
        long chunks =
                asOwner().sql("SELECT count(*) FROM kb_chunk").query(Long.class).single();
        assertThat(manifest).contains("rows\tpublic.kb_chunk\t" + chunks, "policy\tpublic.kb_chunk\ttenant_isolation");

        ScratchDatabase restored = ScratchDatabase.named("restored");
        try (restored) {
            Script restore = run("restore.sh", newest.toString(), "--target-db", restored.name);
            assertThat(restore.exit()).as(restore.output()).isZero();
            assertThat(restore.output()).contains("verified");
            assertThat(restored.asOwner()
                            .sql("SELECT count(*) FROM kb_chunk")
                            .query(Long.class)
                            .single())
                    .isEqualTo(chunks);

            try (ConfigurableApplicationContext replica = CellarDoorApplication.start(Command.parse(new String[] {
                "serve",
                "--port",
                "0",
                "--spring.datasource.url=" + restored.url,
                "--cellardoor.plugins.dir=" + PLUGINS_DIR,
                "--CELLARDOOR_DB_MIGRATE=false",
                "--cellardoor.cache.enabled=false",
                "--cellardoor.plugins.allow-unsigned=true"
            }))) {
                assertThat(replica.getBeanNamesForType(Flyway.class))
                        .as("a replica leaves the schema alone")
                        .isEmpty();
                int replicaPort = Integer.parseInt(replica.getEnvironment().getRequiredProperty("local.server.port"));
                for (String question : QUESTIONS) {
                    JsonNode original = before.get(question);
                    JsonNode again = ask(replicaPort, question);
                    assertThat(again.path("usage").path("generator").asString())
                            .as("computed again, not from a cache")
                            .isNotEqualTo("cache");
                    assertThat(again.path("answer").asString())
                            .as(question)
                            .isEqualTo(original.path("answer").asString());
                    assertThat(again.path("answered").asBoolean())
                            .isEqualTo(original.path("answered").asBoolean());
                    assertThat(again.path("domain").asString())
                            .isEqualTo(original.path("domain").asString());
                    assertThat(citations(again)).as(question).isEqualTo(citations(original));
                }
            }
        }
        assertThat(before.values())
                .as("the questions cover answers with citations and a decline")
                .anySatisfy(a -> assertThat(a.path("citations").size()).isPositive())
                .anySatisfy(a -> assertThat(a.path("answered").asBoolean()).isFalse());
    }

    @Test
    void aDamagedBackupIsRefusedBeforeAnythingIsCreated() throws Exception {
        Path dir = Files.createDirectories(backups.resolve("damaged"));
        Script backup = run("backup.sh", "--dir", dir.toString(), "--keep", "1");
        assertThat(backup.exit()).as(backup.output()).isZero();
        Path dump = Path.of(backup.stdout().strip());
        byte[] bytes = Files.readAllBytes(dump);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(dump, bytes);

        ScratchDatabase target = ScratchDatabase.named("damaged");
        Script restore = run("restore.sh", dump.toString(), "--target-db", target.name);
        assertThat(restore.exit()).isNotZero();
        assertThat(restore.output()).contains("checksum mismatch");
        assertThat(asOwner()
                        .sql("SELECT count(*) FROM pg_database WHERE datname = ?")
                        .param(target.name)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** Citations as comparable values: path, title, domain and the score to 6 decimals. */
    static List<String> citations(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.path("citations")
                .forEach(c -> out.add(
                        c.path("path").asString() + " | " + c.path("title").asString() + " | "
                                + c.path("domain").asString() + " | "
                                + String.format("%.6f", c.path("score").asDouble())));
        return out;
    }

    JsonNode ask(int port, String question) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/chat"))
                                .header("Content-Type", "application/json")
                                .header("X-Site-Key", siteKey)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        json.writeValueAsString(Map.of("message", question))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(backups)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .toList();
        }
    }

    static String[] names(Path dump) {
        String base = dump.getFileName().toString().replace(".dump", "");
        return new String[] {base + ".dump", base + ".manifest", base + ".sha256"};
    }

    static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    record Script(int exit, String stdout, String output) {}

    /** Runs a script of deploy/backup against the test database as its owner; output is stdout and stderr. */
    static Script run(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of("bash", REPO.resolve("deploy/backup/" + script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("CELLARDOOR_DB_URL", ScratchDatabase.URL);
        builder.environment().put("CELLARDOOR_DB_USER", ScratchDatabase.OWNER);
        builder.environment().put("CELLARDOOR_DB_PASSWORD", ScratchDatabase.OWNER_PASSWORD);
        Path err = Files.createTempFile("cellardoor-script", ".err");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String stderr = Files.readString(err);
        Files.delete(err);
        return new Script(process.exitValue(), stdout, stdout + stderr);
    }
}

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.knowledge.KnowledgeStore;
import io.cellardoor.tenant.TenantService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/admin/test-bench}: every plugin's score, the chunks with their full-text, vector and fused ranks,
 * the answer; a dry run that writes no conversation and leaves the semantic cache and curated hits alone.
 */
class TestBenchAdminIntegrationTests extends AdminApiSupport {

    static final String QUESTION = "Can I bring my dog?";
    static final String BLOCKS = "notes/vineyard-blocks.md";
    /** Shares the word "dog" with the question but not its meaning: found by full text only. */
    static final String BLOCKS_TEXT =
            "# Vineyard blocks\n\nThe Dog Hill block grows Riesling on slate soil, planted in 1998.\n";

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    KnowledgeStore knowledge;
    /** Arranges and checks rows of any org as the tables' owner (row-level security applies to the app's pool). */
    JdbcClient jdbc;

    @TempDir
    Path dir;

    String org;
    long orgId;

    /**
     * Sixty pages about pets on the patio (close to the question in meaning, no word in common with it: found by the
     * vector branch only, and they fill its 40 candidates) and one about a vineyard block called Dog Hill.
     */
    @BeforeEach
    void knowledge() throws Exception {
        jdbc = asOwner();
        org = "it-bench-" + UUID.randomUUID().toString().substring(0, 8);
        orgId = tenants.ensureOrg(org, "Test bench");
        tenants.ensureOrg("demo", "Demo vineyard"); // the viewer's org, whichever test class ran first
        Files.createDirectories(dir.resolve("notes"));
        for (int i = 1; i <= 60; i++) {
            Files.writeString(
                    dir.resolve("notes/pets-" + i + ".md"),
                    "# Pets on the patio " + i + "\n\nLeashed pets and puppies are welcome on the patio, section " + i
                            + ".\n");
        }
        Files.writeString(dir.resolve(BLOCKS), BLOCKS_TEXT);
        importer.importFolder(orgId, dir, line -> {});
    }

    JsonNode bench(String question) {
        var response =
                call("POST", "/api/v1/admin/test-bench?org=" + org, "platform-admin", Map.of("question", question));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void chunksShowTheirFullTextVectorAndFusedRanks() {
        JsonNode result = bench(QUESTION);
        JsonNode chunks = result.path("chunks");
        assertThat(chunks.size()).isPositive();
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(chunks.get(i).path("fusedRank").asInt()).isEqualTo(i + 1);
        }
        JsonNode blocks = find(chunks, BLOCKS);
        assertThat(blocks).as("the full-text-only match is retrieved").isNotNull();
        assertThat(blocks.path("fullTextRank").asInt()).isEqualTo(1);
        assertThat(blocks.path("vectorRank").isNull())
                .as("not among the vector candidates")
                .isTrue();
        assertThat(blocks.path("text").asString()).contains("Dog Hill block");
        JsonNode pets = null;
        for (JsonNode c : chunks) {
            if (c.path("path").asString().startsWith("notes/pets-")) {
                pets = c;
                break;
            }
        }
        assertThat(pets).as("a vector-only match is retrieved").isNotNull();
        assertThat(pets.path("fullTextRank").isNull()).isTrue();
        assertThat(pets.path("vectorRank").asInt()).isBetween(1, 40);
    }

    @Test
    void theClassificationHasEveryPluginsScoreAndEvidence() {
        JsonNode classification = bench("Do you have a dry Riesling?").path("classification");
        List<String> domains = new ArrayList<>();
        classification.path("scores").forEach(s -> {
            domains.add(s.path("domain").asString());
            assertThat(s.path("score").asDouble()).isBetween(0.0, 1.0);
            assertThat(s.path("evidence").isArray()).isTrue();
        });
        assertThat(domains)
                .as("every enabled plugin (tests may have hot-loaded more)")
                .contains("wine", "visiting", "club", "events", "merchandise")
                .doesNotHaveDuplicates();
        assertThat(classification.path("primary").asString()).isEqualTo("wine");
        assertThat(classification.path("scores").get(0).path("evidence").size()).isPositive();
    }

    @Test
    void aDryRunStoresNothingAndCountsNoCuratedHit() {
        var created = call(
                "POST",
                "/api/v1/admin/curated-answers?org=" + org,
                "platform-admin",
                Map.of(
                        "question",
                        "can i bring my dog",
                        "answer",
                        "Leashed dogs are welcome on the patio.",
                        "documentPath",
                        BLOCKS));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode result = bench(QUESTION);
        assertThat(result.path("curated").path("answer").asString())
                .isEqualTo("Leashed dogs are welcome on the patio.");
        assertThat(result.path("curated").path("similarity").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(result.path("generator").asString())
                .as("the pipeline's own answer is shown too")
                .isNotEqualTo("curated");
        bench(QUESTION);
        assertThat(count("message")).isZero();
        assertThat(count("conversation")).isZero();
        assertThat(count("semantic_cache")).isZero();
        assertThat(jdbc.sql("SELECT hits FROM curated_answer WHERE org_id = ?")
                        .param(orgId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void runningAgainAfterAnEditShowsTheEditedKnowledge() {
        JsonNode before = find(bench(QUESTION).path("chunks"), BLOCKS);
        assertThat(before.path("text").asString()).doesNotContain("Dogs are welcome");
        importer.importDocument(
                orgId,
                BLOCKS,
                BLOCKS_TEXT + "\n## Visiting with a dog\n\nDogs are welcome on the patio if leashed.\n",
                knowledge.findSource(orgId, BLOCKS).orElseThrow().contentHash(),
                new io.cellardoor.knowledge.Change("editor", io.cellardoor.knowledge.VersionKind.SAVE),
                line -> {});
        JsonNode after = bench(QUESTION);
        List<String> texts = new ArrayList<>();
        after.path("chunks").forEach(c -> texts.add(c.path("text").asString()));
        assertThat(String.join("\n", texts)).contains("Dogs are welcome on the patio if leashed.");
        assertThat(after.path("answered").asBoolean()).isTrue();
    }

    @Test
    void blankAndOverlongQuestionsAreProblems() {
        var blank = call("POST", "/api/v1/admin/test-bench", "viewer", Map.of("question", "  "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(problem(blank)).isEqualTo("blank-message");
        var missing = call("POST", "/api/v1/admin/test-bench", "viewer", "{}");
        assertThat(problem(missing)).isEqualTo("blank-message");
        var tooLong = call("POST", "/api/v1/admin/test-bench", "viewer", Map.of("question", "a".repeat(2001)));
        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(problem(tooLong)).isEqualTo("message-too-long");
        assertThat(call("POST", "/api/v1/admin/test-bench", "viewer", Map.of("question", "Hello"))
                        .statusCode())
                .as("viewers may run the bench in their own org")
                .isEqualTo(200);
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE org_id = ?")
                .param(orgId)
                .query(Long.class)
                .single();
    }

    static JsonNode find(JsonNode chunks, String path) {
        for (JsonNode c : chunks) {
            if (c.path("path").asString().equals(path)) {
                return c;
            }
        }
        return null;
    }
}

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.knowledge.KnowledgeStore;
import io.cellardoor.tenant.TenantService;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Curated answers over the admin API (EDITOR writes, VIEWER reads, per org, audited) and in the chat: a paraphrase of
 * a curated question gets the curated answer with its citation through {@code POST /api/v1/chat} and the stream, ahead
 * of the semantic cache, and the hit is counted; an unrelated question does not.
 */
class CuratedAnswersIntegrationTests extends AdminApiSupport {

    static final String SITE_KEY = "it-curated-demo-key";
    static final String DOC = "it-curated/drones.md";
    static final String QUESTION = "Can I fly a drone over the vineyard?";
    static final String PARAPHRASE = "Am I allowed to fly my drone above the vineyard?";
    static final String ANSWER = "Drones may fly over the vineyard only with a permit from the estate office.";

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    KnowledgeStore knowledge;
    /** Arranges and checks rows of any org as the tables' owner (row-level security applies to the app's pool). */
    JdbcClient jdbc;

    long demo;

    @BeforeEach
    void demoWithADroneDocument() {
        jdbc = asOwner();
        demo = tenants.ensureOrg("demo", "Demo Vineyard");
        tenants.ensureOrg("other", "Other Vineyard");
        tenants.ensureSite(demo, SITE_KEY, "Demo (curated tests)");
        String markdown = "# Drones\n\nDrone flights over the vines need a permit from the estate office.\n";
        String stored = knowledge
                .findSource(demo, DOC)
                .map(KnowledgeStore.DocumentSource::contentHash)
                .orElse(null);
        if (stored == null
                || !knowledge.findSource(demo, DOC).orElseThrow().markdown().equals(markdown)) {
            importer.importDocument(
                    demo,
                    DOC,
                    markdown,
                    stored,
                    new io.cellardoor.knowledge.Change("editor", io.cellardoor.knowledge.VersionKind.SAVE),
                    line -> {});
        }
        cleanUp();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM curated_answer WHERE org_id = ? AND question ILIKE '%drone%'")
                .param(demo)
                .update();
    }

    JsonNode create(String user, String question, String answer, String path) {
        Map<String, Object> body = new HashMap<>();
        body.put("question", question);
        body.put("answer", answer);
        body.put("documentPath", path);
        var response = call("POST", "/api/v1/admin/curated-answers", user, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    JsonNode chat(String question) {
        var response = post("/api/v1/chat", SITE_KEY, json.writeValueAsString(Map.of("message", question)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    long hits(long id) {
        return get("/api/v1/admin/curated-answers/" + id, "viewer").path("hits").asLong();
    }

    @Test
    void aParaphraseGetsTheCuratedAnswerWithItsCitationAndTheHitIsCounted() {
        JsonNode created = create("editor", QUESTION, ANSWER, DOC);
        long id = created.path("id").asLong();
        assertThat(created.path("approvedBy").asString()).isEqualTo("editor");
        assertThat(created.path("hits").asLong()).isZero();

        JsonNode answer = chat(PARAPHRASE);
        assertThat(answer.path("answer").asString()).isEqualTo(ANSWER);
        assertThat(answer.path("answered").asBoolean()).isTrue();
        assertThat(answer.path("usage").path("generator").asString()).isEqualTo("curated");
        assertThat(answer.path("citations").size()).isEqualTo(1);
        assertThat(answer.path("citations").get(0).path("path").asString()).isEqualTo(DOC);
        assertThat(answer.path("citations").get(0).path("title").asString()).isEqualTo("Drones");
        assertThat(hits(id)).isEqualTo(1);
        assertThat(get("/api/v1/admin/curated-answers/" + id, "viewer")
                        .path("lastHitAt")
                        .isNull())
                .isFalse();

        JsonNode unrelated = chat("Can I walk through the vineyard?");
        assertThat(unrelated.path("usage").path("generator").asString()).isNotEqualTo("curated");
        assertThat(unrelated.path("answer").asString()).isNotEqualTo(ANSWER);
        assertThat(chat("Do you sell gift cards?")
                        .path("usage")
                        .path("generator")
                        .asString())
                .isNotEqualTo("curated");
        assertThat(hits(id)).isEqualTo(1);

        JsonNode transcript = get(
                "/api/v1/admin/conversations/" + answer.path("conversationId").asString(), "viewer");
        assertThat(transcript.path("messages").get(0).path("generator").asString())
                .isEqualTo("curated");
    }

    @Test
    void aQuestionNamingAnotherDayIsNoMatchHoweverClose() {
        create("editor", "Can I fly a drone over the vineyard on Saturday?", "On Saturdays, with a permit.", DOC);
        assertThat(chat("Am I allowed to fly my drone above the vineyard on Saturdays?")
                        .path("usage")
                        .path("generator")
                        .asString())
                .isEqualTo("curated");
        // closer to the curated question than that rewording (0.96 against 0.93), but another day
        JsonNode sunday = chat("Can I fly a drone over the vineyard on Sunday?");
        assertThat(sunday.path("usage").path("generator").asString()).isNotEqualTo("curated");
        assertThat(sunday.path("answer").asString()).isNotEqualTo("On Saturdays, with a permit.");
    }

    @Test
    void theStreamServesTheCuratedAnswerLikeAnyOther() {
        long id = create("editor", QUESTION, ANSWER, DOC).path("id").asLong();
        var response = send(
                HttpRequest.newBuilder(uri("/api/v1/chat/stream"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                json.writeValueAsString(Map.of("message", "May I fly a drone over the vineyard?")))),
                SITE_KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(body)
                .contains(
                        "event:meta",
                        "event:token",
                        "event:citation",
                        "event:done",
                        "\"generator\":\"curated\"",
                        "\"path\":\"" + DOC + "\"");
        StringBuilder tokens = new StringBuilder();
        for (String line : body.split("\n")) {
            if (line.startsWith("data:") && line.contains("\"text\"")) {
                tokens.append(json.readTree(line.substring(5)).path("text").asString());
            }
        }
        assertThat(tokens.toString()).isEqualTo(ANSWER);
        assertThat(hits(id)).isEqualTo(1);
    }

    @Test
    void curatedAnswersTakePrecedenceOverTheSemanticCache() {
        String question = "Is drone photography allowed at weddings?";
        JsonNode first = chat(question);
        assertThat(first.path("usage").path("generator").asString()).isNotIn("curated", "cache");
        if (first.path("answered").asBoolean()) {
            assertThat(chat(question).path("usage").path("generator").asString())
                    .as("now cached")
                    .isEqualTo("cache");
        }
        create("editor", question, "Drone photography at weddings needs the couple's and the estate's consent.", null);
        JsonNode curated = chat(question);
        assertThat(curated.path("usage").path("generator").asString()).isEqualTo("curated");
        assertThat(curated.path("citations").size()).as("no document cited").isZero();
    }

    @Test
    void editorsWriteViewersReadAndOtherOrgsSeeNothing() {
        var refused =
                call("POST", "/api/v1/admin/curated-answers", "viewer", Map.of("question", QUESTION, "answer", ANSWER));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(problem(refused)).isEqualTo("forbidden");
        long id = create("editor", QUESTION, ANSWER, DOC).path("id").asLong();

        List<Long> listed = ids(get("/api/v1/admin/curated-answers", "viewer"));
        assertThat(listed).contains(id);
        assertThat(call(
                                "PUT",
                                "/api/v1/admin/curated-answers/" + id,
                                "viewer",
                                Map.of("question", QUESTION, "answer", "x"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("DELETE", "/api/v1/admin/curated-answers/" + id, "viewer", null)
                        .statusCode())
                .isEqualTo(403);

        assertThat(ids(get("/api/v1/admin/curated-answers", "other-admin"))).doesNotContain(id);
        assertThat(call("GET", "/api/v1/admin/curated-answers/" + id, "other-admin", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(call(
                                "PUT",
                                "/api/v1/admin/curated-answers/" + id,
                                "other-admin",
                                Map.of("question", QUESTION, "answer", "x"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/admin/curated-answers/" + id, "other-admin", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/admin/curated-answers/" + id, "viewer")
                        .path("answer")
                        .asString())
                .isEqualTo(ANSWER);
    }

    @Test
    void editsAndDeletionsAreAuditedWithTheStateBeforeAndAfter() {
        long id = create("editor", QUESTION, ANSWER, DOC).path("id").asLong();
        var updated = call(
                "PUT",
                "/api/v1/admin/curated-answers/" + id,
                "org-admin",
                Map.of("question", QUESTION, "answer", "Drones need a permit."));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode after = json.readTree(updated.body());
        assertThat(after.path("answer").asString()).isEqualTo("Drones need a permit.");
        assertThat(after.path("approvedBy").asString()).isEqualTo("org-admin");
        assertThat(after.path("documentPath").isNull())
                .as("the citation was dropped")
                .isTrue();
        assertThat(chat(PARAPHRASE).path("answer").asString()).isEqualTo("Drones need a permit.");

        assertThat(call("DELETE", "/api/v1/admin/curated-answers/" + id, "editor", null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(call("GET", "/api/v1/admin/curated-answers/" + id, "viewer", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/admin/curated-answers/" + id, "editor", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(chat(PARAPHRASE).path("usage").path("generator").asString()).isNotEqualTo("curated");

        List<Map<String, Object>> events =
                jdbc.sql("""
                        SELECT actor, action, before, after FROM audit_event WHERE org_id = ? AND target = ? ORDER BY id""").params(demo, "curated-answer/" + id).query().listOfRows();
        assertThat(events)
                .extracting(e -> e.get("actor") + " " + e.get("action"))
                .containsExactly(
                        "editor curated-answer.created",
                        "org-admin curated-answer.updated",
                        "editor curated-answer.deleted");
        assertThat(events.get(0).get("before")).isNull();
        assertThat((String) events.get(1).get("before")).contains(ANSWER);
        assertThat((String) events.get(1).get("after")).contains("Drones need a permit.");
        assertThat((String) events.get(2).get("before")).contains("Drones need a permit.");
        assertThat(events.get(2).get("after")).isNull();
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        long before = stored();
        Map<String, Map<String, Object>> cases = Map.of(
                "invalid-curated-answer", Map.of("question", " ", "answer", ANSWER),
                "unknown-document", Map.of("question", QUESTION, "answer", ANSWER, "documentPath", "no/such.md"),
                "message-too-long", Map.of("question", QUESTION, "answer", "a".repeat(20_001)));
        cases.forEach((type, body) -> {
            var response = call("POST", "/api/v1/admin/curated-answers", "editor", body);
            assertThat(problem(response)).as(type).isEqualTo(type);
            assertThat(response.statusCode()).as(type).isEqualTo(type.equals("message-too-long") ? 413 : 400);
        });
        assertThat(problem(call("POST", "/api/v1/admin/curated-answers", "editor", "{\"question\": ")))
                .isEqualTo("malformed-request");
        long id = create("editor", QUESTION, ANSWER, DOC).path("id").asLong();
        var badEdit = call(
                "PUT", "/api/v1/admin/curated-answers/" + id, "editor", Map.of("question", QUESTION, "answer", ""));
        assertThat(problem(badEdit)).isEqualTo("invalid-curated-answer");
        assertThat(get("/api/v1/admin/curated-answers/" + id, "viewer")
                        .path("answer")
                        .asString())
                .isEqualTo(ANSWER);
        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void anEditorApprovesTheAnswerOfATranscriptMessage() {
        UUID conversation = UUID.randomUUID();
        jdbc.sql("INSERT INTO conversation (id, org_id, site_id) VALUES (?, ?, ?)")
                .params(
                        conversation,
                        demo,
                        tenants.findSite(SITE_KEY).orElseThrow().id())
                .update();
        long answered = message(
                conversation,
                "Where can drones take off?",
                true,
                "[{\"path\": \"" + DOC
                        + "\", \"title\": \"Drones\", \"domain\": \"general\", \"score\": 0.1, \"url\": null}]");
        long declined = message(conversation, "Can drones film the harvest?", false, "[]");

        var approved = call("POST", "/api/v1/admin/curated-answers/from-message/" + answered, "editor", null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
        JsonNode curated = json.readTree(approved.body());
        assertThat(curated.path("question").asString()).isEqualTo("Where can drones take off?");
        assertThat(curated.path("answer").asString()).isEqualTo("From the estate office lawn, with a permit.");
        assertThat(curated.path("documentPath").asString()).isEqualTo(DOC);

        var refused = call("POST", "/api/v1/admin/curated-answers/from-message/" + declined, "editor", null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(problem(refused)).isEqualTo("unanswered-message");
        assertThat(call("POST", "/api/v1/admin/curated-answers/from-message/" + answered, "other-admin", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(call("POST", "/api/v1/admin/curated-answers/from-message/" + answered, "viewer", null)
                        .statusCode())
                .isEqualTo(403);
    }

    long message(UUID conversation, String question, boolean answered, String citations) {
        return jdbc.sql("""
                INSERT INTO message (org_id, conversation_id, question, answer, answered, domain, generator, citations,
                                     confidence, latency_ms)
                VALUES (?, ?, ?, ?, ?, 'general', 'extractive', ?::jsonb, 0.7, 50) RETURNING id""")
                .params(
                        demo,
                        conversation,
                        question,
                        answered ? "From the estate office lawn, with a permit." : "Sorry.",
                        answered,
                        citations)
                .query(Long.class)
                .single();
    }

    long stored() {
        return jdbc.sql("SELECT count(*) FROM curated_answer WHERE org_id = ?")
                .param(demo)
                .query(Long.class)
                .single();
    }

    static List<Long> ids(JsonNode array) {
        List<Long> ids = new java.util.ArrayList<>();
        array.forEach(a -> ids.add(a.path("id").asLong()));
        return ids;
    }
}

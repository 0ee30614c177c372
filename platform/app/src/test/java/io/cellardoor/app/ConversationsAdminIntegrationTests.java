package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.tenant.TenantService;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/admin/conversations} (filters, paging) and transcripts, with real tokens, per org. */
class ConversationsAdminIntegrationTests extends AdminApiSupport {

    static final String WINE_CITATION = """
            [{"path": "wine/riesling.md", "title": "Dry Riesling", "domain": "wine", "score": 0.05, "url": null}]""";
    static final String WINE_CLASSIFICATION = """
            {"primary": "wine", "related": ["club"], "scores": [{"domain": "wine", "score": 0.9, "evidence": ["riesling"]},
             {"domain": "visiting", "score": 0.1, "evidence": []}], "skipped": []}""";

    @Autowired
    TenantService tenants;
    /** Arranges and checks rows of any org as the tables' owner (row-level security applies to the app's pool). */
    JdbcClient jdbc;

    String org;
    UUID a;
    UUID b;
    UUID c;
    UUID demoConversation;

    @BeforeEach
    void seed() {
        jdbc = asOwner();
        org = "it-conv-" + UUID.randomUUID().toString().substring(0, 8);
        long orgId = tenants.ensureOrg(org, "Conversations test");
        tenants.ensureSite(orgId, org + "-key", "Conversations site");
        long site = tenants.findSite(org + "-key").orElseThrow().id();
        a = conversation(orgId, site, "2026-03-10T12:00:00Z");
        message(
                orgId,
                a,
                "Do you have a Riesling?",
                true,
                "wine",
                "up",
                WINE_CITATION,
                WINE_CLASSIFICATION,
                "2026-03-10T12:00:00Z");
        message(
                orgId,
                a,
                "What does it cost?",
                false,
                "wine",
                "down",
                "[]",
                WINE_CLASSIFICATION,
                "2026-03-10T12:01:00Z");
        b = conversation(orgId, site, "2026-03-02T09:00:00Z");
        message(orgId, b, "When are you open?", true, "visiting", null, "[]", "{}", "2026-03-02T09:00:00Z");
        c = conversation(orgId, site, "2026-01-15T10:00:00Z");
        message(orgId, c, "Do you ship?", false, "merchandise", null, "[]", "{}", "2026-01-15T10:00:00Z");

        tenants.ensureOrg("other", "Other Vineyard");
        long demo = tenants.ensureOrg("demo", "Demo Vineyard");
        tenants.ensureSite(demo, "it-conv-demo-key", "Demo (conversation tests)");
        demoConversation = conversation(
                demo, tenants.findSite("it-conv-demo-key").orElseThrow().id(), "2026-03-11T08:00:00Z");
        message(
                demo,
                demoConversation,
                "Is the demo open?",
                true,
                "visiting",
                null,
                "[]",
                "{}",
                "2026-03-11T08:00:00Z");
    }

    @Test
    void allConversationsComeLatestActivityFirstWithFiguresOverTheirMessages() {
        JsonNode page = get("/api/v1/admin/conversations?org=" + org, "platform-admin");
        assertThat(ids(page)).containsExactly(a, b, c);
        assertThat(page.path("total").asLong()).isEqualTo(3);
        JsonNode first = page.path("items").get(0);
        assertThat(first.path("messages").asInt()).isEqualTo(2);
        assertThat(first.path("firstQuestion").asString()).isEqualTo("Do you have a Riesling?");
        assertThat(first.path("domains").toString()).isEqualTo("[\"wine\"]");
        assertThat(first.path("unanswered").asInt()).isEqualTo(1);
        assertThat(first.path("feedbackUp").asInt()).isEqualTo(1);
        assertThat(first.path("feedbackDown").asInt()).isEqualTo(1);
        assertThat(first.path("lastMessageAt").asString()).isEqualTo("2026-03-10T12:01:00Z");
    }

    @Test
    void filtersByDomainFeedbackUnansweredAndDate() {
        assertThat(list("&domain=visiting")).containsExactly(b);
        assertThat(list("&feedback=up")).containsExactly(a);
        assertThat(list("&feedback=down")).containsExactly(a);
        assertThat(list("&feedback=none")).containsExactly(b, c);
        assertThat(list("&unanswered=true")).containsExactly(a, c);
        assertThat(list("&unanswered=true&domain=merchandise")).containsExactly(c);
        assertThat(list("&from=2026-03-01&to=2026-03-09"))
                .as("to is an inclusive day")
                .containsExactly(b);
        assertThat(list("&from=2026-03-10")).containsExactly(a);
        assertThat(list("&to=2026-03-10")).containsExactly(a, b, c);
        assertThat(list("&from=2026-03-10T12:00:30Z")).as("instants too").containsExactly(a);
        assertThat(list("&domain=events")).isEmpty();
    }

    @Test
    void pagesHoldSizeConversationsAndTheTotalCountsAllPages() {
        JsonNode second = get("/api/v1/admin/conversations?size=2&page=1&org=" + org, "platform-admin");
        assertThat(ids(second)).containsExactly(c);
        assertThat(second.path("total").asLong()).isEqualTo(3);
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(ids(get("/api/v1/admin/conversations?size=2&page=5&org=" + org, "platform-admin")))
                .isEmpty();
    }

    @Test
    void theTranscriptHasEveryTurnWithCitationsAndClassification() {
        JsonNode transcript = get("/api/v1/admin/conversations/" + a + "?org=" + org, "platform-admin");
        JsonNode messages = transcript.path("messages");
        assertThat(messages.size()).isEqualTo(2);
        JsonNode first = messages.get(0);
        assertThat(first.path("question").asString()).isEqualTo("Do you have a Riesling?");
        assertThat(first.path("citations").get(0).path("path").asString()).isEqualTo("wine/riesling.md");
        assertThat(first.path("citations").get(0).path("title").asString()).isEqualTo("Dry Riesling");
        assertThat(first.path("classification").path("primary").asString()).isEqualTo("wine");
        assertThat(first.path("classification")
                        .path("scores")
                        .get(0)
                        .path("evidence")
                        .toString())
                .isEqualTo("[\"riesling\"]");
        assertThat(first.path("feedback").asString()).isEqualTo("up");
        assertThat(messages.get(1).path("answered").asBoolean()).isFalse();
        JsonNode stored = get("/api/v1/admin/conversations/" + b + "?org=" + org, "platform-admin");
        assertThat(stored.path("messages")
                        .get(0)
                        .path("classification")
                        .path("primary")
                        .asString())
                .as("a turn stored without classification reads as general")
                .isEqualTo("general");
    }

    @Test
    void staffSeeOnlyTheirOwnOrgsConversations() {
        assertThat(ids(get("/api/v1/admin/conversations?size=200", "viewer")))
                .contains(demoConversation)
                .doesNotContain(a);
        assertThat(call("GET", "/api/v1/admin/conversations/" + demoConversation, "viewer", null)
                        .statusCode())
                .isEqualTo(200);
        var foreign = call("GET", "/api/v1/admin/conversations/" + demoConversation, "other-admin", null);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(problem(foreign)).isEqualTo("not-found");
        assertThat(call("GET", "/api/v1/admin/conversations/" + a + "?org=" + org, "editor", null)
                        .statusCode())
                .as("?org= is for platform admins only")
                .isEqualTo(404);
        assertThat(ids(get("/api/v1/admin/conversations?size=200", "other-admin")))
                .doesNotContain(demoConversation);
    }

    @Test
    void badFiltersAreProblemsNotErrors() {
        for (String query : List.of(
                "feedback=meh",
                "from=yesterday",
                "to=2026-13-01",
                "size=0",
                "size=201",
                "page=-1",
                "unanswered=maybe",
                "page=x")) {
            var response = call("GET", "/api/v1/admin/conversations?" + query, "viewer", null);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(problem(response)).as(query).isEqualTo("invalid-filter");
        }
        assertThat(call("GET", "/api/v1/admin/conversations/not-a-uuid", "viewer", null)
                        .statusCode())
                .isEqualTo(404);
    }

    List<UUID> list(String query) {
        return ids(get("/api/v1/admin/conversations?org=" + org + query, "platform-admin"));
    }

    static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(UUID.fromString(i.path("id").asString())));
        return ids;
    }

    UUID conversation(long orgId, long site, String at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO conversation (id, org_id, site_id, created_at) VALUES (?, ?, ?, ?)")
                .params(id, orgId, site, Timestamp.from(Instant.parse(at)))
                .update();
        return id;
    }

    void message(
            long orgId,
            UUID conversation,
            String question,
            boolean answered,
            String domain,
            String feedback,
            String citations,
            String classification,
            String at) {
        jdbc.sql("""
                INSERT INTO message (org_id, conversation_id, question, answer, answered, domain, generator, citations,
                                     classification, confidence, latency_ms, feedback, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'extractive', ?::jsonb, ?::jsonb, 0.8, 120, ?, ?)""")
                .params(
                        orgId,
                        conversation,
                        question,
                        answered ? "An answer." : "Sorry, I don't know.",
                        answered,
                        domain,
                        citations,
                        classification,
                        feedback,
                        Timestamp.from(Instant.parse(at)))
                .update();
    }
}

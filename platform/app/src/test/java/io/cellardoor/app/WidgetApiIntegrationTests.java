package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.tenant.TenantService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The browser-facing API around the chat: configuration, visitor sessions, origins, feedback, handoffs, assets. */
class WidgetApiIntegrationTests extends IntegrationTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    io.cellardoor.privacy.ContactCipher contacts;

    static final String KEY = "it-widget-key";
    static final String ALLOWED = "https://vineyard.example";

    @Autowired
    TenantService tenants;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void site() {
        long org = tenants.ensureOrg("it-widget", "Widget test");
        tenants.ensureSite(org, KEY, "Widget Test Vineyard");
        tenants.updateAllowedOrigins(org, KEY, List.of(ALLOWED));
        tenants.updateWidget(
                org,
                KEY,
                "Welcome to the test vineyard!",
                List.of("Are you open today?", "Do you have a rosé?"),
                "vineyard");
    }

    HttpResponse<String> postFrom(String origin, String path, String siteKey, String visitorToken, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (visitorToken != null) {
            request.header("X-Visitor-Token", visitorToken);
        }
        return send(request, siteKey);
    }

    String session(String presented) {
        var response = postFrom(
                ALLOWED,
                "/api/v1/widget/session",
                KEY,
                null,
                presented == null ? Map.of() : Map.of("visitorToken", presented));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("visitorToken").asString();
    }

    @Test
    void servesTheSiteConfiguration() {
        var response = send(HttpRequest.newBuilder(uri("/api/v1/widget/config")).GET(), KEY);
        JsonNode config = json.readTree(response.body());
        assertThat(config.path("name").asString()).isEqualTo("Widget Test Vineyard");
        assertThat(config.path("greeting").asString()).isEqualTo("Welcome to the test vineyard!");
        assertThat(config.path("suggestions").size()).isEqualTo(2);
        assertThat(config.path("theme").asString()).isEqualTo("vineyard");
        assertThat(config.path("handoff").asBoolean()).isTrue();
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/widget/config")).GET(), "nope")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void sessionsKeepAVisitorAndRejectForgedTokens() {
        String first = session(null);
        String refreshed = session(first);
        assertThat(refreshed.split("\\.")[2]).isEqualTo(first.split("\\.")[2]);
        String[] parts = first.split("\\.");
        String forged = String.join(".", parts[0], parts[1], UUID.randomUUID().toString(), parts[3], parts[4]);
        assertThat(session(forged).split("\\.")[2]).isNotEqualTo(first.split("\\.")[2]);
    }

    @Test
    void onlyAllowedOriginsMayChatFromABrowser() {
        var allowed = postFrom(ALLOWED, "/api/v1/chat", KEY, null, Map.of("message", "hello"));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);

        var refused = postFrom("https://evil.example", "/api/v1/chat", KEY, null, Map.of("message", "hello"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).path("type").asString())
                .isEqualTo("https://cellardoor.io/problems/origin-not-allowed");

        assertThat(postFrom(null, "/api/v1/chat", KEY, null, Map.of("message", "hello"))
                        .statusCode())
                .isEqualTo(200);

        var preflight = send(
                HttpRequest.newBuilder(uri("/api/v1/chat/stream"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", ALLOWED)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type,x-site-key"),
                null);
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElse(""))
                .contains("X-Site-Key", "X-Visitor-Token");
    }

    @Test
    void feedbackIsStoredOnTheVisitorsOwnMessageOnly() {
        String token = session(null);
        var chat = postFrom(ALLOWED, "/api/v1/chat", KEY, token, Map.of("message", "hello there"));
        long messageId = json.readTree(chat.body()).path("messageId").asLong();
        assertThat(messageId).isPositive();

        var rated = postFrom(
                ALLOWED,
                "/api/v1/messages/" + messageId + "/feedback",
                KEY,
                token,
                Map.of("rating", "down", "comment", "Not what I asked"));
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(204);
        var row = asOwner()
                .sql("SELECT feedback, feedback_comment FROM message WHERE id = ?")
                .param(messageId)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .single();
        assertThat(row).containsExactly("down", "Not what I asked");

        String stranger = session(null);
        assertThat(postFrom(
                                ALLOWED,
                                "/api/v1/messages/" + messageId + "/feedback",
                                KEY,
                                stranger,
                                Map.of("rating", "up"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(postFrom(ALLOWED, "/api/v1/messages/" + messageId + "/feedback", KEY, token, Map.of("rating", "meh"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void handoffRequestsAreStoredAndAcknowledged() {
        String token = session(null);
        var chat = postFrom(ALLOWED, "/api/v1/chat", KEY, token, Map.of("message", "can I book the whole barn?"));
        String conversation = json.readTree(chat.body()).path("conversationId").asString();

        var left = postFrom(
                ALLOWED,
                "/api/v1/handoffs",
                KEY,
                token,
                Map.of(
                        "conversationId",
                        conversation,
                        "question",
                        "can I book the whole barn?",
                        "email",
                        "ana@example.com",
                        "name",
                        "Ana"));
        assertThat(left.statusCode()).as(left.body()).isEqualTo(201);
        assertThat(json.readTree(left.body()).path("message").asString()).contains("ana@example.com");
        long id = json.readTree(left.body()).path("id").asLong();
        var stored = asOwner()
                .sql(
                        "SELECT conversation_id::text, email, status, contact_key_id, org_id FROM handoff_request WHERE id = ?")
                .param(id)
                .query((rs, n) ->
                        List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .single();
        // The email is sealed at rest (docs/privacy-and-security.md) and opens with its key id, org and column.
        assertThat(stored.subList(0, 3)).containsExactly(conversation, stored.get(1), "open");
        assertThat(stored.get(1)).doesNotContain("ana");
        assertThat(contacts.open(Long.parseLong(stored.get(4)), "email", stored.get(3), stored.get(1)))
                .isEqualTo("ana@example.com");

        var bad = postFrom(ALLOWED, "/api/v1/handoffs", KEY, token, Map.of("question", "hi", "email", "not-an-email"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).path("type").asString()).endsWith("/invalid-email");
    }

    @Test
    void servesTheWidgetWithContentHashCachingAndTheDemoPageEmbedsIt() {
        var script =
                send(HttpRequest.newBuilder(uri("/widget/cellardoor-widget.js")).GET(), null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        String etag = script.headers().firstValue("ETag").orElseThrow();
        assertThat(script.headers().firstValue("Cache-Control").orElse("")).contains("max-age=86400");
        var revalidated = send(
                HttpRequest.newBuilder(uri("/widget/cellardoor-widget.js"))
                        .header("If-None-Match", etag)
                        .GET(),
                null);
        assertThat(revalidated.statusCode()).isEqualTo(304);

        String hashed = "/widget/cellardoor-widget." + etag.replace("\"", "") + ".js";
        var immutable = send(HttpRequest.newBuilder(uri(hashed)).GET(), null);
        assertThat(immutable.statusCode()).isEqualTo(200);
        assertThat(immutable.headers().firstValue("Cache-Control").orElse(""))
                .contains("immutable", "max-age=31536000");
        assertThat(immutable.body()).isEqualTo(script.body());

        assertThat(send(
                                HttpRequest.newBuilder(uri("/widget/themes/vineyard.css"))
                                        .GET(),
                                null)
                        .body())
                .contains("--cd-");
        var demo = send(HttpRequest.newBuilder(uri("/demo")).GET(), null);
        assertThat(demo.body()).contains("src=\"" + hashed + "\"", "data-site-key=\"demo-site-key\"");
    }
}

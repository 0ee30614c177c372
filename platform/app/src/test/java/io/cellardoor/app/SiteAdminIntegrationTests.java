package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.tenant.TenantService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Sites in the admin API against real Keycloak tokens: create, rotate (grace period) and revoke keys and what the
 * widget and chat then answer; validation of the widget settings; CORS following the allowed origins; roles and orgs;
 * the preview page; the audit trail.
 */
class SiteAdminIntegrationTests extends AdminApiTestSupport {

    @Autowired
    TenantService tenants;
    /** Arranges and checks rows of any org as the tables' owner (row-level security applies to the app's pool). */
    JdbcClient jdbc;

    long demo;

    @BeforeEach
    void orgs() {
        jdbc = asOwner();
        demo = tenants.ensureOrg("demo", "Demo Vineyard");
        tenants.ensureOrg("other", "Other Vineyard");
    }

    JsonNode createSite(String name) {
        var response = admin("POST", "/api/v1/admin/sites", "org-admin", Map.of("name", name));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location").orElse("")).matches("/api/v1/admin/sites/\\d+");
        return json.readTree(response.body());
    }

    String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anOrgAdminCreatesASiteWithAnUnguessableKeyThatTheWidgetAndChatAccept() {
        JsonNode site = createSite(unique("Tasting room"));
        String key = site.path("siteKey").asString();
        assertThat(key).matches("cdk_[A-Za-z0-9_-]{32}");
        assertThat(createSite(unique("Second")).path("siteKey").asString()).isNotEqualTo(key);
        assertThat(site.path("status").asString()).isEqualTo("active");
        assertThat(site.path("embedSnippet").asString())
                .isEqualTo("<script src=\"http://127.0.0.1:" + port + "/widget/cellardoor-widget.js\" data-site-key=\""
                        + key + "\" async></script>");
        assertThat(site.path("theme").asString()).isEqualTo("default");

        assertThat(widgetConfig(key).statusCode()).isEqualTo(200);
        assertThat(chat(key, "Are you open on Monday?", null).statusCode()).isEqualTo(200);

        List<String> listed = new ArrayList<>();
        ok(admin("GET", "/api/v1/admin/sites", "viewer"))
                .forEach(s -> listed.add(s.path("siteKey").asString()));
        assertThat(listed).contains(key);
        assertThat(auditActions(site.path("id").asLong())).containsExactly("site.create");
    }

    @Test
    void aRotatedKeyKeepsWorkingDuringTheGracePeriodThenGetsAClearProblem() {
        JsonNode site = createSite(unique("Rotating"));
        long id = site.path("id").asLong();
        String oldKey = site.path("siteKey").asString();

        JsonNode rotated = ok(admin("POST", "/api/v1/admin/sites/" + id + "/rotate-key", "org-admin"));
        String newKey = rotated.path("siteKey").asString();
        assertThat(newKey).matches("cdk_[A-Za-z0-9_-]{32}").isNotEqualTo(oldKey);
        assertThat(rotated.path("previousKey").asString()).isEqualTo(oldKey);
        assertThat(rotated.path("previousKeyValidUntil").asString()).isNotBlank();
        assertThat(rotated.path("embedSnippet").asString()).contains(newKey).doesNotContain(oldKey);

        assertThat(chat(newKey, "Are you open on Monday?", null).statusCode()).isEqualTo(200);
        assertThat(chat(oldKey, "Are you open on Monday?", null).statusCode())
                .as("grace period")
                .isEqualTo(200);
        assertThat(widgetConfig(oldKey).statusCode()).isEqualTo(200);

        // The grace period ends.
        jdbc.sql("UPDATE site SET previous_key_valid_until = now() - interval '1 second' WHERE id = ?")
                .param(id)
                .update();
        assertThat(problem(chat(oldKey, "Are you open on Monday?", null), 403)).isEqualTo("site-key-rotated");
        assertThat(problem(widgetConfig(oldKey), 403)).isEqualTo("site-key-rotated");
        assertThat(chat(newKey, "Are you open on Monday?", null).statusCode()).isEqualTo(200);
        assertThat(problem(chat("cdk_never-issued", "hello", null), 401)).isEqualTo("unknown-site-key");

        Map<String, Object> event = jdbc.sql(
                        "SELECT before, after FROM audit_event WHERE target = ? AND action = 'site.rotate-key'")
                .param("site:" + id)
                .query()
                .singleRow();
        assertThat((String) event.get("before")).contains(oldKey);
        assertThat((String) event.get("after")).contains(newKey);
    }

    @Test
    void revokingASiteStopsItsWidgetAndChatWithAClearProblem() {
        JsonNode site = createSite(unique("Revoked"));
        long id = site.path("id").asLong();
        String key = site.path("siteKey").asString();
        ok(admin("POST", "/api/v1/admin/sites/" + id + "/rotate-key", "org-admin"));
        String current = ok(admin("GET", "/api/v1/admin/sites/" + id, "viewer"))
                .path("siteKey")
                .asString();

        JsonNode revoked = ok(admin("POST", "/api/v1/admin/sites/" + id + "/revoke", "org-admin"));
        assertThat(revoked.path("status").asString()).isEqualTo("revoked");
        for (String k : List.of(key, current)) {
            assertThat(problem(widgetConfig(k), 403)).as(k).isEqualTo("site-key-revoked");
            assertThat(problem(chat(k, "Are you open on Monday?", "https://anywhere.example"), 403))
                    .isEqualTo("site-key-revoked");
            var stream = send(
                    HttpRequest.newBuilder(uri("/api/v1/chat/stream"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"hello\"}")),
                    k);
            assertThat(problem(stream, 403)).isEqualTo("site-key-revoked");
            var session = send(
                    HttpRequest.newBuilder(uri("/api/v1/widget/session"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}")),
                    k);
            assertThat(problem(session, 403)).isEqualTo("site-key-revoked");
        }
        assertThat(problem(admin("POST", "/api/v1/admin/sites/" + id + "/revoke", "org-admin"), 409))
                .isEqualTo("site-revoked");
        assertThat(problem(admin("POST", "/api/v1/admin/sites/" + id + "/rotate-key", "org-admin"), 409))
                .isEqualTo("site-revoked");
        assertThat(problem(admin("PUT", "/api/v1/admin/sites/" + id, "org-admin", Map.of("greeting", "Hi")), 409))
                .isEqualTo("site-revoked");
        assertThat(auditActions(id)).containsExactly("site.revoke", "site.rotate-key", "site.create");
    }

    @Test
    void invalidSettingsAreRefusedWithProblemsAndNothingIsStored() {
        long id = createSite(unique("Validation")).path("id").asLong();
        ok(admin(
                "PUT",
                "/api/v1/admin/sites/" + id,
                "org-admin",
                Map.of("allowedOrigins", List.of("https://shop.example"), "greeting", "Welcome!")));
        String before = settingsOf(id);

        Map<Object, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put(Map.of("allowedOrigins", List.of("https://shop.example/wines")), "invalid-origin");
        refusals.put(Map.of("allowedOrigins", List.of("https://*.example.com")), "invalid-origin");
        refusals.put(Map.of("allowedOrigins", List.of("*")), "invalid-origin");
        refusals.put(Map.of("allowedOrigins", List.of("ftp://shop.example")), "invalid-origin");
        refusals.put(Map.of("allowedOrigins", List.of("shop.example")), "invalid-origin");
        refusals.put(Map.of("allowedOrigins", List.of("https://user@shop.example")), "invalid-origin");
        refusals.put(Map.of("allowedOrigins", List.of("https://shop.example?x=1")), "invalid-origin");
        refusals.put(
                Map.of(
                        "allowedOrigins",
                        IntStream.range(0, 21)
                                .mapToObj(i -> "https://s" + i + ".example")
                                .toList()),
                "invalid-origin");
        refusals.put(Map.of("greeting", "   "), "invalid-greeting");
        refusals.put(Map.of("greeting", "x".repeat(301)), "invalid-greeting");
        refusals.put(
                Map.of(
                        "suggestions",
                        IntStream.range(0, 7)
                                .mapToObj(i -> "Question " + i + "?")
                                .toList()),
                "invalid-suggestions");
        refusals.put(Map.of("suggestions", List.of("q".repeat(121))), "invalid-suggestions");
        refusals.put(Map.of("theme", "neon"), "unknown-theme");
        refusals.put(Map.of("theme", "../secret"), "unknown-theme");
        refusals.put(Map.of("locale", "de"), "invalid-locale");
        refusals.put(Map.of("name", " "), "invalid-site-name");
        refusals.forEach((body, type) -> {
            assertThat(problem(admin("PUT", "/api/v1/admin/sites/" + id, "org-admin", body), 400))
                    .as("%s", body)
                    .isEqualTo(type);
            assertThat(settingsOf(id)).as("nothing stored for %s", body).isEqualTo(before);
        });
        var malformed = send(
                HttpRequest.newBuilder(uri("/api/v1/admin/sites/" + id))
                        .header("Authorization", "Bearer " + token("org-admin"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"greeting\": ")),
                null);
        assertThat(problem(malformed, 400)).isEqualTo("malformed-request");
        assertThat(auditActions(id)).containsExactly("site.update", "site.create");
    }

    @Test
    void settingsAreNormalisedAndServedToTheWidget() {
        JsonNode site = createSite(unique("Settings"));
        long id = site.path("id").asLong();
        JsonNode saved = ok(admin(
                "PUT",
                "/api/v1/admin/sites/" + id,
                "org-admin",
                Map.of(
                        "name",
                        "Hollow Creek",
                        "allowedOrigins",
                        List.of(" HTTPS://Shop.Example:443/ ", "http://localhost:3000", "https://shop.example", ""),
                        "greeting",
                        "  Bonjour ! Posez vos questions.  ",
                        "suggestions",
                        List.of("Horaires ?", " ", "Horaires ?", "Club du vin ?"),
                        "theme",
                        "vineyard",
                        "locale",
                        "fr")));
        assertThat(saved.path("allowedOrigins").toString())
                .isEqualTo("[\"https://shop.example\",\"http://localhost:3000\"]");
        assertThat(saved.path("suggestions").toString()).isEqualTo("[\"Horaires ?\",\"Club du vin ?\"]");

        JsonNode config =
                json.readTree(widgetConfig(site.path("siteKey").asString()).body());
        assertThat(config.path("name").asString()).isEqualTo("Hollow Creek");
        assertThat(config.path("greeting").asString()).isEqualTo("Bonjour ! Posez vos questions.");
        assertThat(config.path("suggestions").toString()).isEqualTo("[\"Horaires ?\",\"Club du vin ?\"]");
        assertThat(config.path("theme").asString()).isEqualTo("vineyard");
        assertThat(config.path("locale").asString()).isEqualTo("fr");

        JsonNode cleared = ok(admin("PUT", "/api/v1/admin/sites/" + id, "org-admin", Map.of("locale", "")));
        assertThat(cleared.path("locale").isNull()).isTrue();
        assertThat(cleared.path("theme").asString())
                .as("fields not sent keep their value")
                .isEqualTo("vineyard");
        assertThat(ok(admin("GET", "/api/v1/admin/sites/themes", "viewer")).toString())
                .contains("\"default\"", "\"vineyard\"");

        String after = jdbc.sql(
                        "SELECT after FROM audit_event WHERE target = ? AND action = 'site.update' ORDER BY id LIMIT 1")
                .param("site:" + id)
                .query(String.class)
                .single();
        assertThat(after).contains("https://shop.example", "Bonjour");
    }

    @Test
    void anOriginAddedInSettingsIsThenAllowedByCors() {
        JsonNode site = createSite(unique("Cors"));
        String key = site.path("siteKey").asString();
        String origin = "https://cellar-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        assertThat(problem(chat(key, "Are you open on Monday?", origin), 403)).isEqualTo("origin-not-allowed");

        ok(admin(
                "PUT",
                "/api/v1/admin/sites/" + site.path("id").asLong(),
                "org-admin",
                Map.of("allowedOrigins", List.of(origin.toUpperCase(java.util.Locale.ROOT) + "/"))));
        HttpResponse<String> allowed = chat(key, "Are you open on Monday?", origin);
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
        assertThat(problem(chat(key, "Are you open on Monday?", "https://evil.example"), 403))
                .isEqualTo("origin-not-allowed");
        assertThat(chat(key, "Are you open on Monday?", "http://127.0.0.1:" + port)
                        .statusCode())
                .as("the app's own origin (console preview) is always allowed")
                .isEqualTo(200);
    }

    @Test
    void editorsAndViewersReadSitesButCannotChangeThem() {
        long id = createSite(unique("Roles")).path("id").asLong();
        String before = settingsOf(id);
        for (String user : List.of("editor", "viewer")) {
            assertThat(ok(admin("GET", "/api/v1/admin/sites/" + id, user))
                            .path("id")
                            .asLong())
                    .isEqualTo(id);
            assertThat(problem(admin("POST", "/api/v1/admin/sites", user, Map.of("name", "Nope")), 403))
                    .isEqualTo("forbidden");
            assertThat(problem(admin("PUT", "/api/v1/admin/sites/" + id, user, Map.of("greeting", "Hacked")), 403))
                    .isEqualTo("forbidden");
            assertThat(problem(admin("POST", "/api/v1/admin/sites/" + id + "/rotate-key", user), 403))
                    .isEqualTo("forbidden");
            assertThat(problem(admin("POST", "/api/v1/admin/sites/" + id + "/revoke", user), 403))
                    .isEqualTo("forbidden");
        }
        assertThat(settingsOf(id)).isEqualTo(before);
        assertThat(auditActions(id)).containsExactly("site.create");
    }

    @Test
    void anAdminOfAnotherOrgCannotSeeOrChangeDemosSites() {
        JsonNode site = createSite(unique("Private"));
        long id = site.path("id").asLong();
        assertThat(problem(admin("GET", "/api/v1/admin/sites/" + id, "other-admin"), 404))
                .isEqualTo("not-found");
        assertThat(problem(admin("POST", "/api/v1/admin/sites/" + id + "/rotate-key", "other-admin"), 404))
                .isEqualTo("not-found");
        assertThat(problem(admin("POST", "/api/v1/admin/sites/" + id + "/revoke?org=demo", "other-admin"), 404))
                .isEqualTo("not-found");
        assertThat(problem(admin("PUT", "/api/v1/admin/sites/" + id, "other-admin", Map.of("greeting", "Hi")), 404))
                .isEqualTo("not-found");
        List<Long> ids = new ArrayList<>();
        ok(admin("GET", "/api/v1/admin/sites", "other-admin"))
                .forEach(s -> ids.add(s.path("id").asLong()));
        assertThat(ids).doesNotContain(id);
        assertThat(widgetConfig(site.path("siteKey").asString()).statusCode()).isEqualTo(200);
        ids.clear();
        ok(admin("GET", "/api/v1/admin/sites?org=demo", "platform-admin"))
                .forEach(s -> ids.add(s.path("id").asLong()));
        assertThat(ids).contains(id);
    }

    @Test
    void thePreviewPageLoadsTheRealWidgetWithTheCandidateSettingsAndOnlySameOriginPagesMayFrameIt() {
        JsonNode site = createSite(unique("Preview"));
        String key = site.path("siteKey").asString();
        String path = site.path("previewPath").asString();
        assertThat(path).startsWith("/widget/preview?siteKey=" + key);

        var page = send(
                HttpRequest.newBuilder(uri("/widget/preview?siteKey=" + key + "&name=Hollow%20Creek"
                                + "&greeting=%3C/script%3E%3Cscript%3Ealert(1)%3C/script%3E&suggestion=Hours%3F&suggestion=Club%3F"
                                + "&theme=vineyard&locale=fr"))
                        .GET(),
                null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-ancestors 'self'")
                .contains("script-src 'self' 'sha256-");
        assertThat(page.body())
                .contains("data-site-key=\"" + key + "\"")
                .containsPattern("src=\"/widget/cellardoor-widget\\.[0-9a-f]{16}\\.js\"")
                .contains(
                        "\"suggestions\":[\"Hours?\",\"Club?\"]",
                        "\"theme\":\"vineyard\"",
                        "\"locale\":\"fr\"",
                        "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)")
                .doesNotContain("<script>alert(1)");
        var script =
                send(HttpRequest.newBuilder(uri("/widget/cellardoor-widget.js")).GET(), null);
        assertThat(script.statusCode()).isEqualTo(200);

        assertThat(problem(
                        send(
                                HttpRequest.newBuilder(
                                                uri("/widget/preview?siteKey=" + key + "&greeting=Hi&theme=neon"))
                                        .GET(),
                                null),
                        400))
                .isEqualTo("unknown-theme");
        assertThat(send(
                                HttpRequest.newBuilder(uri("/api/v1/widget/config"))
                                        .header("Origin", "https://evil.example")
                                        .GET(),
                                key)
                        .statusCode())
                .as("the preview opens no CORS for other origins")
                .isEqualTo(403);
    }

    private String settingsOf(long id) {
        return jdbc.sql(
                        "SELECT name || allowed_origins::text || greeting || suggestions::text || theme || coalesce(locale, '') "
                                + "FROM site WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private List<String> auditActions(long siteId) {
        return jdbc.sql("SELECT action FROM audit_event WHERE org_id = ? AND target = ? ORDER BY id DESC")
                .params(demo, "site:" + siteId)
                .query(String.class)
                .list();
    }
}

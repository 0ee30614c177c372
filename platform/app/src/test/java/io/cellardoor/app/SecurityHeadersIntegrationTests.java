package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.tenant.TenantService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Security headers per kind of response (APIs, pages, the preview, the console) and the input limits that used to
 * fail: a NUL in a chat message is answered, an oversized body gets 413, deep JSON 400, all problem+json.
 */
class SecurityHeadersIntegrationTests extends AdminApiTestSupport {

    static final String SITE_KEY = "it-headers-key";

    @Autowired
    TenantService tenants;

    @BeforeEach
    void site() {
        tenants.ensureSite(tenants.ensureOrg("it-headers", "Headers"), SITE_KEY, "Headers site");
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void apisForbidEverythingAndAreNeverFramed() {
        var admin = admin("GET", "/api/v1/admin/me", "viewer");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(header(admin, "Content-Security-Policy"))
                .startsWith("default-src 'none'")
                .contains("frame-ancestors 'none'");
        assertThat(header(admin, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(header(admin, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(admin, "Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(admin.headers().firstValue("Strict-Transport-Security")).isEmpty(); // plain http: no HSTS

        var widget = widgetConfig(SITE_KEY);
        assertThat(header(widget, "Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(header(widget, "X-Content-Type-Options")).isEqualTo("nosniff");
        var script =
                send(HttpRequest.newBuilder(uri("/widget/cellardoor-widget.js")).GET(), null);
        assertThat(header(script, "X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void pagesAllowOnlyTheirOwnScriptsAndThePreviewItsOneInlineScript() throws Exception {
        var demo = send(HttpRequest.newBuilder(uri("/demo")).GET(), null);
        assertThat(header(demo, "Content-Security-Policy"))
                .contains("script-src 'self';", "frame-ancestors 'self'", "object-src 'none'");
        Matcher integrity = Pattern.compile("integrity=\"(sha384-[^\"]+)\"").matcher(demo.body());
        assertThat(integrity.find()).as(demo.body()).isTrue();
        byte[] widget = send(
                        HttpRequest.newBuilder(uri("/widget/cellardoor-widget.js"))
                                .GET(),
                        null)
                .body()
                .getBytes(StandardCharsets.UTF_8);
        assertThat(integrity.group(1))
                .isEqualTo("sha384-"
                        + Base64.getEncoder()
                                .encodeToString(
                                        MessageDigest.getInstance("SHA-384").digest(widget)));

        var preview = send(
                HttpRequest.newBuilder(uri(
                                "/widget/preview?siteKey=" + SITE_KEY + "&name=Preview&greeting=Hello&theme=default"))
                        .GET(),
                null);
        assertThat(preview.statusCode()).isEqualTo(200);
        String body = preview.body();
        int start = body.indexOf("<script>") + "<script>".length();
        String inline = body.substring(start, body.indexOf("</script>", start));
        String hash = "sha256-"
                + Base64.getEncoder()
                        .encodeToString(
                                MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8)));
        assertThat(header(preview, "Content-Security-Policy")).contains("script-src 'self' '" + hash + "'");
    }

    @Test
    void theConsoleHasItsOwnPolicy() {
        var console = send(HttpRequest.newBuilder(uri("/admin")).GET(), null);
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(header(console, "Content-Security-Policy"))
                .contains("frame-ancestors 'self'", "form-action 'self' http://127.0.0.1:");
        assertThat(header(console, "X-Frame-Options")).isEqualTo("SAMEORIGIN");
    }

    @Test
    void aNulInAChatMessageIsAnsweredNotA500() {
        HttpResponse<String> response =
                post("/api/v1/chat", SITE_KEY, "{\"message\": \"Are you open\\u0000 on Monday?\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("answer").asString()).isNotBlank();
    }

    @Test
    void oversizedAndDeepBodiesAreRefusedAsProblems() {
        HttpResponse<String> big = post("/api/v1/chat", SITE_KEY, "{\"message\": \"" + "a".repeat(70_000) + "\"}");
        assertThat(problem(big, 413)).isEqualTo("request-too-large");
        HttpResponse<String> deep = post("/api/v1/chat", SITE_KEY, "[".repeat(100) + "]".repeat(100));
        assertThat(problem(deep, 400)).isEqualTo("malformed-request");
        HttpResponse<String> wildcard = send(
                HttpRequest.newBuilder(uri("/api/v1/handoffs"))
                        .header("Content-Type", "*/*")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")),
                SITE_KEY);
        assertThat(problem(wildcard, 415)).isEqualTo("unsupported-media-type");
        HttpResponse<String> unknown =
                send(HttpRequest.newBuilder(uri("/api/v1/nothing-here")).GET(), SITE_KEY);
        assertThat(problem(unknown, 404)).isEqualTo("not-found");
    }
}

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.tenant.TenantService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What an operator reads, on the visitor port: request ids on every response and problem, {@code /actuator/prometheus}
 * and health details for a PLATFORM_ADMIN token only (the probes stay public), the {@code rag_*} series, the LLM
 * providers' breakers, and the OpenAPI description with the chat API's problem responses.
 */
class OperatorEndpointsIntegrationTests extends AdminApiSupport {

    @Autowired
    TenantService tenants;

    @Test
    void everyResponseAndProblemCarriesTheRequestId() {
        var given = send(
                HttpRequest.newBuilder(uri("/api/v1/chat"))
                        .header("Content-Type", "application/json")
                        .header("X-Request-Id", "abc-123.X")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"hi\"}")),
                "no-such-key");
        assertThat(given.statusCode()).isEqualTo(401);
        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("abc-123.X");
        assertThat(json.readTree(given.body()).path("requestId").asString()).isEqualTo("abc-123.X");

        var generated = send(
                HttpRequest.newBuilder(uri("/api/v1/chat"))
                        .header("Content-Type", "application/json")
                        .header("X-Request-Id", "not valid; id")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"  \"}")),
                "no-such-key");
        String id = generated.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(json.readTree(generated.body()).path("requestId").asString()).isEqualTo(id);

        // A problem written by a filter (an admin call without a token) carries it too.
        var unauthorized = send(HttpRequest.newBuilder(uri("/api/v1/admin/me")).GET(), null);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(json.readTree(unauthorized.body()).path("requestId").asString())
                .isEqualTo(unauthorized.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void metricsAndHealthDetailsAreForPlatformAdminsOnTheVisitorPort() {
        long org = tenants.ensureOrg("it-metrics", "Metrics");
        tenants.ensureSite(org, "it-metrics-key", "Metrics site");
        assertThat(post("/api/v1/chat", "it-metrics-key", "{\"message\": \"Are you open today?\"}")
                        .statusCode())
                .isEqualTo(200);

        assertThat(fetch("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(fetch("/actuator/prometheus", "org-admin").statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = fetch("/actuator/prometheus", "platform-admin");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("rag_http_requests_total{endpoint=\"chat\",status=\"200\"}")
                .contains("rag_retrieval_duration_seconds_count{mode=\"hybrid\"}")
                .contains("rag_generation_duration_seconds_count{model=\"none\",provider=\"extractive\"}")
                .contains("rag_cache_requests_total{result=\"miss\"}")
                .contains("cellardoor_chat_stage_seconds_count{error=\"none\",stage=\"retrieve\"}")
                .doesNotContain("Are you open today");

        // Probes are public and say only UP/DOWN; details are for a platform admin, per dependency.
        HttpResponse<String> probe = fetch("/actuator/health/readiness", null);
        assertThat(probe.statusCode()).isEqualTo(200);
        JsonNode anonymous = json.readTree(fetch("/actuator/health", null).body());
        assertThat(anonymous.path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        JsonNode details =
                json.readTree(fetch("/actuator/health", "platform-admin").body());
        assertThat(details.path("components").propertyNames())
                .contains("db", "llm", "pluginHost", "embedding", "readinessState");
        assertThat(details.path("components")
                        .path("llm")
                        .path("details")
                        .path("answers")
                        .asString())
                .startsWith("extractive");
        assertThat(details.path("components").path("embedding").path("status").asString())
                .isEqualTo("UP");
        assertThat(details.path("components")
                        .path("pluginHost")
                        .path("details")
                        .path("loaded")
                        .asInt())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void llmProvidersAreListedForPlatformAdminsOnly() {
        assertThat(call("GET", "/api/v1/admin/llm-providers", "org-admin", null).statusCode())
                .isEqualTo(403);
        var list = call("GET", "/api/v1/admin/llm-providers", "platform-admin", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json.readTree(list.body()).isArray()).isTrue();
        assertThat(call("POST", "/api/v1/admin/llm-providers/nope/reset", "platform-admin", null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theOpenApiDescriptionListsTheChatApiWithItsProblems() {
        HttpResponse<String> docs = fetch("/v3/api-docs", null);
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        JsonNode spec = json.readTree(docs.body());
        assertThat(spec.path("openapi").asString()).startsWith("3.");
        for (String path : new String[] {"/api/v1/chat", "/api/v1/chat/stream"}) {
            JsonNode post = spec.path("paths").path(path).path("post");
            assertThat(post.isMissingNode()).as(path).isFalse();
            for (String status : new String[] {"400", "401", "403", "413", "429", "503"}) {
                assertThat(post.path("responses").path(status).path("content").has("application/problem+json"))
                        .as("%s %s problem+json", path, status)
                        .isTrue();
            }
        }
        assertThat(spec.path("paths").has("/api/v1/admin/cache")).isTrue();
        assertThat(spec.path("paths").has("/api/v1/admin/llm-providers")).isTrue();

        HttpResponse<String> docsPage = fetch("/docs", null);
        assertThat(docsPage.statusCode()).isBetween(301, 302);
        String location = docsPage.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> ui = fetch(java.net.URI.create(location).getPath(), null);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        String csp = ui.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).as("the UI's own scripts and styles may run").doesNotContain("script-src 'none'");
    }

    private HttpResponse<String> fetch(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return send(request, null);
    }
}

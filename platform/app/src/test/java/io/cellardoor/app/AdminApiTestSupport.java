package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.identity.IdentityProperties;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Integration tests of the admin API with real Keycloak tokens (password grant of {@code cellardoor-cli} for the demo
 * realm's users, password {@code demo}); fails, never skips, without Keycloak.
 */
abstract class AdminApiTestSupport extends IntegrationTestSupport {

    @Autowired
    IdentityProperties identity;
    @Autowired
    ObjectMapper json;

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @BeforeEach
    void requireKeycloak() {
        URI discovery = URI.create(identity.issuerUri() + "/.well-known/openid-configuration");
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = -1;
        }
        assertThat(status).as("Keycloak at %s (start it with ./cellardoor kc start)", discovery).isEqualTo(200);
    }

    /** An access token for a demo realm user, fetched once per test instance. */
    String token(String username) {
        return tokens.computeIfAbsent(username, u -> {
            String form = Map.of("grant_type", "password", "client_id", "cellardoor-cli", "username", u, "password", "demo")
                    .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            var response = send(HttpRequest.newBuilder(URI.create(identity.issuerUri() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)), null);
            assertThat(response.statusCode()).as("token for %s: %s", u, response.body()).isEqualTo(200);
            return json.readTree(response.body()).path("access_token").asString();
        });
    }

    /** An admin API call as a user, with a JSON body when one is given. */
    HttpResponse<String> admin(String method, String path, String user, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token(user));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return send(request, null);
    }

    HttpResponse<String> admin(String method, String path, String user) {
        return admin(method, path, user, null);
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return json.readTree(response.body());
    }

    /** The last segment of a problem+json response's type, after checking the status and content type. */
    String problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        String type = json.readTree(response.body()).path("type").asString();
        assertThat(type).startsWith("https://cellardoor.io/problems/");
        return type.substring("https://cellardoor.io/problems/".length());
    }

    /** A chat API call with a site key and, when given, a browser's Origin header. */
    HttpResponse<String> chat(String siteKey, String message, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/chat")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("message", message))));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request, siteKey);
    }

    HttpResponse<String> widgetConfig(String siteKey) {
        return send(HttpRequest.newBuilder(uri("/api/v1/widget/config")).GET(), siteKey);
    }
}

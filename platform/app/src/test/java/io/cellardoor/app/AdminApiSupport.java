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
 * Base of integration tests of the admin API with real Keycloak tokens (password grant of {@code cellardoor-cli} for
 * the realm's demo users, password {@code demo}); fails, never skips, when Keycloak is not running.
 */
abstract class AdminApiSupport extends IntegrationTestSupport {

    static final String PROBLEMS = "https://cellardoor.io/problems/";
    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();

    private record Cached(String token, long fetchedAt) {}

    @Autowired
    IdentityProperties identity;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void keycloakIsUp() {
        URI discovery = URI.create(identity.issuerUri() + "/.well-known/openid-configuration");
        int status;
        try {
            status = http.send(
                            HttpRequest.newBuilder(discovery)
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            status = -1;
        }
        assertThat(status)
                .as("Keycloak at %s (start it with ./cellardoor kc start)", discovery)
                .isEqualTo(200);
    }

    /** An access token for a realm user (reused for a minute; Keycloak's tokens live 5). */
    String token(String username) {
        return TOKENS.compute(username, (u, cached) -> {
                    if (cached != null && System.currentTimeMillis() - cached.fetchedAt() < 60_000) {
                        return cached;
                    }
                    String form = Map.of(
                                    "grant_type",
                                    "password",
                                    "client_id",
                                    "cellardoor-cli",
                                    "username",
                                    u,
                                    "password",
                                    "demo")
                            .entrySet()
                            .stream()
                            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"));
                    var response = send(
                            HttpRequest.newBuilder(URI.create(identity.issuerUri() + "/protocol/openid-connect/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form)),
                            null);
                    assertThat(response.statusCode())
                            .as("token for %s: %s", u, response.body())
                            .isEqualTo(200);
                    return new Cached(
                            json.readTree(response.body()).path("access_token").asString(), System.currentTimeMillis());
                })
                .token();
    }

    /** Calls the admin API as a user, with a JSON body when one is given. */
    HttpResponse<String> call(String method, String path, String user, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(
                                        body instanceof String s ? s : json.writeValueAsString(body)))
                .header("Authorization", "Bearer " + token(user));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, null);
    }

    /** GETs as a user and expects 200 with JSON. */
    JsonNode get(String path, String user) {
        var response = call("GET", path, user, null);
        assertThat(response.statusCode())
                .as("GET %s as %s: %s", path, user, response.body())
                .isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The problem type of an error response (after checking its content type). */
    String problem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return json.readTree(response.body()).path("type").asString().replace(PROBLEMS, "");
    }
}

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@link AdminApiSupport} with the helpers of the sites and plugins tests: calls that answer JSON or a problem with a
 * given status, and visitor-side chat and widget calls with a site key.
 */
abstract class AdminApiTestSupport extends AdminApiSupport {

    /** An admin API call as a user, with a body serialised as JSON when one is given. */
    HttpResponse<String> admin(String method, String path, String user, Object body) {
        return call(method, path, user, body instanceof String s ? json.writeValueAsString(s) : body);
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
        assertThat(json.readTree(response.body()).path("type").asString()).startsWith(PROBLEMS);
        return problem(response);
    }

    /** A chat API call with a site key and, when given, a browser's Origin header. */
    HttpResponse<String> chat(String siteKey, String message, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/chat"))
                .header("Content-Type", "application/json")
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

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console (Vaadin under {@code /admin}) behind the console's sign-in: every route and Vaadin's own requests send
 * a visitor without a session to the identity provider, never to a page; the production bundle needs no Node.
 */
class AdminConsoleIntegrationTests extends IntegrationTestSupport {

    @Test
    void everyConsoleRouteRequiresSignIn() {
        for (String path :
                List.of("/admin", "/admin/", "/admin/knowledge", "/admin/inbox", "/admin/plugins", "/admin/audit")) {
            HttpResponse<String> response = send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Accept", "text/html")
                            .GET(),
                    null);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .as(path)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/oauth2/authorization/cellardoor"));
        }
    }

    @Test
    void vaadinRequestsWithoutASessionDoNotReachTheConsole() {
        HttpResponse<String> uidl = send(
                HttpRequest.newBuilder(uri("/admin/?v-r=uidl&v-uiId=0"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"csrfToken\":\"x\",\"rpc\":[],\"syncId\":0,\"clientId\":0}")),
                null);
        assertThat(uidl.statusCode()).isNotEqualTo(200).isNotEqualTo(403);
        HttpResponse<String> heartbeat = send(
                HttpRequest.newBuilder(uri("/admin/?v-r=heartbeat&v-uiId=0")).POST(HttpRequest.BodyPublishers.noBody()),
                null);
        assertThat(heartbeat.statusCode()).isNotEqualTo(200);
    }

    @Test
    void thePublicApiIsUnchangedByTheConsole() {
        HttpResponse<String> chat = post("/api/v1/chat", null, "{\"message\": \"hello\"}");
        assertThat(chat.statusCode()).isEqualTo(401);
        assertThat(chat.headers().firstValue("Set-Cookie")).isEmpty();
    }
}

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.tenant.TenantService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The console's conversations, insights, test bench and curated answers views behind the real sign-in: every route
 * asks for sign-in, and, signed in through Keycloak, each renders its first response with its components.
 */
class ConsoleInsightsViewsIntegrationTests extends AdminApiSupport {

    static final List<String> ROUTES = List.of("conversations", "insights", "test-bench", "curated");

    @Test
    void everyNewRouteRequiresSignIn() {
        for (String route : ROUTES) {
            HttpResponse<String> response = send(
                    HttpRequest.newBuilder(uri("/admin/" + route))
                            .header("Accept", "text/html")
                            .GET(),
                    null);
            assertThat(response.statusCode()).as(route).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse(""))
                    .as(route)
                    .endsWith("/oauth2/authorization/cellardoor");
        }
    }

    /** Each view is built on the server by Vaadin's init request: its components are in the first UI update. */
    @Autowired
    TenantService tenants;

    @Test
    void signedInAnEditorGetsEachViewWithItsComponents() throws Exception {
        tenants.ensureOrg("demo", "Demo Vineyard");
        HttpClient browser = signedIn("editor");
        Map<String, List<String>> expected = Map.of(
                "conversations",
                        List.of("conversations-domain", "conversations-unanswered", "transcript", "Conversations"),
                "insights",
                        List.of(
                                "insights-days",
                                "Questions per day",
                                "Knowledge gaps",
                                "aria-labelledby",
                                "Data table"),
                "test-bench", List.of("bench-question", "bench-run", "bench-pin"),
                "curated", List.of("curated-answers", "curated-new", "Curated answers"),
                "inbox", List.of("handoffs"));
        for (String route : ROUTES) {
            var page = browser.send(
                    HttpRequest.newBuilder(uri("/admin/" + route))
                            .header("Accept", "text/html")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(route).isEqualTo(200);
            assertThat(page.body()).as(route).contains("<title>Cellar Door console</title>");
        }
        for (var view : expected.entrySet()) {
            String rendered = navigate(browser, view.getKey());
            assertThat(rendered).as(view.getKey()).contains(view.getValue()).doesNotContain("Internal error");
        }
    }

    /**
     * What Vaadin's client does to show a route: the init request creates a UI, then a UIDL request with the
     * {@code ui-navigate} event builds the view on the server; returns the UI changes (the view's components).
     */
    String navigate(HttpClient browser, String route) throws Exception {
        var init = browser.send(
                HttpRequest.newBuilder(uri("/admin/?v-r=init&location=" + route
                                + "&query=&v-bw=1200&v-bh=800&v-tzo=0&v-wn=w-" + route))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(init.statusCode()).as(route).isEqualTo(200);
        JsonNode uidl = json.readTree(init.body()).path("appConfig").path("uidl");
        int uiId = json.readTree(init.body()).path("appConfig").path("v-uiId").asInt();
        String body = json.writeValueAsString(Map.of(
                "csrfToken",
                uidl.path("Vaadin-Security-Key").asString(),
                "rpc",
                List.of(Map.of(
                        "type",
                        "event",
                        "node",
                        1,
                        "event",
                        "ui-navigate",
                        "data",
                        Map.of(
                                "route",
                                route,
                                "query",
                                "",
                                "appShellTitle",
                                "",
                                "historyState",
                                Map.of("idx", 0),
                                "trigger",
                                ""))),
                "syncId",
                0,
                "clientId",
                0));
        var update = browser.send(
                HttpRequest.newBuilder(uri("/admin/?v-r=uidl&v-uiId=" + uiId))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(update.statusCode()).as(route + ": " + update.body()).isEqualTo(200);
        return update.body();
    }

    /** A browser session signed in through Keycloak's login form. */
    HttpClient signedIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new AdminApiIntegrationTests.LoopbackBrowserCookies())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var start = browser.send(
                HttpRequest.newBuilder(uri("/oauth2/authorization/cellardoor"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        URI keycloak = URI.create(start.headers().firstValue("Location").orElseThrow());
        var loginPage =
                browser.send(HttpRequest.newBuilder(keycloak).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")
                .matcher(loginPage.body());
        assertThat(action.find()).as("login form").isTrue();
        var signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&credentialId="))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        URI callback = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
        var back = browser.send(HttpRequest.newBuilder(callback).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).isEqualTo(302);
        return browser;
    }
}

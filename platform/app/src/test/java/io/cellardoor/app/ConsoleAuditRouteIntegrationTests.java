package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.audit.AuditLog;
import io.cellardoor.tenant.TenantService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's audit route itself refuses staff below ORG_ADMIN (not just the menu): signed in through Keycloak, a
 * session navigates the way the browser does (Vaadin's init request, then a {@code ui-navigate} event) and reads
 * what the server renders.
 */
class ConsoleAuditRouteIntegrationTests extends IntegrationTestSupport {

    @Autowired
    TenantService tenants;

    @Autowired
    AuditLog audit;

    @Test
    void anEditorIsRefusedTheAuditRouteAndAnOrgAdminSeesTheEvents() throws Exception {
        long demo = tenants.ensureOrg("demo", "Demo Vineyard");
        String target = "route-test-" + UUID.randomUUID() + ".md";
        audit.record(demo, "editor", "document.saved", target, null, "# Route test");

        String editor = navigate(signIn("editor"), "audit");
        assertThat(editor)
                .contains("Could not navigate to 'audit'", "The audit log is for org admins.")
                .doesNotContain("audit-events")
                .doesNotContain(target);

        String viewer = navigate(signIn("viewer"), "audit");
        assertThat(viewer).contains("The audit log is for org admins.").doesNotContain(target);

        String orgAdmin = navigate(signIn("org-admin"), "audit");
        assertThat(orgAdmin).contains("audit-events", target).doesNotContain("Could not navigate");
    }

    @Test
    void theKnowledgeViewRendersTheFolderTreeUploadAndEditorControls() throws Exception {
        String editor = navigate(signIn("editor"), "knowledge");
        assertThat(editor)
                .contains(
                        "\"folder-tree\"",
                        "\"documents\"",
                        "\"folder-filter\"",
                        "\"upload\"",
                        "\"upload-folder\"",
                        "\"deleted-documents\"",
                        "\"history\"",
                        "\"delete\"",
                        "All documents")
                .doesNotContain("Could not navigate");

        String viewer = navigate(signIn("viewer"), "knowledge");
        assertThat(viewer).contains("\"folder-tree\"", "\"documents\"").doesNotContain("Could not navigate");
    }

    /** Loads the console page, then navigates to a route as the client does; returns the server's UI changes. */
    String navigate(HttpClient browser, String route) throws Exception {
        browser.send(
                HttpRequest.newBuilder(uri("/admin/" + route))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var init = browser.send(
                HttpRequest.newBuilder(uri("/admin/?v-r=init&location=" + route + "&query="))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(init.statusCode()).isEqualTo(200);
        Matcher key = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"").matcher(init.body());
        assertThat(key.find()).as(init.body()).isTrue();
        String rpc = """
                {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"%s","query":"",\
                "appShellTitle":"","historyState":null,"trigger":""}}],"syncId":0,"clientId":0}""".formatted(key.group(1), route);
        var navigation = browser.send(
                HttpRequest.newBuilder(uri("/admin/?v-r=uidl&v-uiId=0"))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(rpc))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(navigation.statusCode()).isEqualTo(200);
        return navigation.body();
    }

    /** Signs in to the console through Keycloak's login form; the client keeps the session cookie. */
    HttpClient signIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new AdminApiIntegrationTests.LoopbackBrowserCookies())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var visit = browser.send(
                HttpRequest.newBuilder(uri("/admin"))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        URI start = uri("/admin").resolve(visit.headers().firstValue("Location").orElseThrow());
        var authorize = browser.send(HttpRequest.newBuilder(start).GET().build(), HttpResponse.BodyHandlers.ofString());
        URI keycloak = URI.create(authorize.headers().firstValue("Location").orElseThrow());
        var loginPage =
                browser.send(HttpRequest.newBuilder(keycloak).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")
                .matcher(loginPage.body());
        assertThat(action.find()).as("Keycloak's login form").isTrue();
        var signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&credentialId="))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as("signed in as %s", user).isEqualTo(302);
        URI callback = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
        browser.send(HttpRequest.newBuilder(callback).GET().build(), HttpResponse.BodyHandlers.ofString());
        return browser;
    }
}

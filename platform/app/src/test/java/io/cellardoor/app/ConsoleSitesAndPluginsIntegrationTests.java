package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.PluginCalls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's Sites and Plugins views, signed in through the real Keycloak: the first page of a route carries the
 * view as Vaadin built it on the server (its initial UIDL), so a view that fails to build fails here.
 */
class ConsoleSitesAndPluginsIntegrationTests extends AdminApiTestSupport {

    @Autowired
    PluginCalls plugins;

    private String pluginIdOf(String domain) {
        return plugins.health().stream()
                .filter(h -> h.domain().equals(domain))
                .findFirst()
                .orElseThrow()
                .pluginId();
    }

    @Test
    void theSitesAndPluginsRoutesRequireSignIn() {
        for (String path : new String[] {"/admin/sites", "/admin/plugins"}) {
            HttpResponse<String> response = send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Accept", "text/html")
                            .GET(),
                    null);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
        }
    }

    @Test
    void anOrgAdminSeesTheSiteEditorWithPreviewAndTheToggleButNoUpload() throws Exception {
        HttpClient browser = signIn("org-admin");
        String sites = page(browser, "/admin/sites");
        assertThat(sites).contains("create-site", "embed-snippet", "widget-preview", "allowed-origins", "rotate-key");
        String plugins = page(browser, "/admin/plugins");
        assertThat(plugins)
                .contains("For this org", "Order", "Folders", "Folder conflicts")
                .doesNotContain("plugin-upload", "remove-", "signature-policy");
    }

    @Test
    void aPlatformAdminSeesTheUploadAndARemoveButtonPerPlugin() throws Exception {
        String plugins = page(signIn("platform-admin"), "/admin/plugins");
        assertThat(plugins)
                .contains("plugin-upload", "remove-" + pluginIdOf("wine"), "remove-" + pluginIdOf("club"))
                .contains("signature-policy", "Unsigned plugin jars are accepted");
    }

    @Test
    void aViewerSeesSitesWithoutChangeControls() throws Exception {
        String sites = page(signIn("viewer"), "/admin/sites");
        assertThat(sites).contains("embed-snippet", "widget-preview").doesNotContain("create-site");
    }

    /**
     * The route's first page, then Vaadin's init request for it (what the page's script asks next), whose JSON holds
     * the view's components as built on the server.
     */
    private String page(HttpClient browser, String path) throws Exception {
        HttpResponse<String> response = browser.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        String route = path.substring("/admin/".length());
        HttpResponse<String> init = browser.send(
                HttpRequest.newBuilder(uri("/admin/?v-r=init&location=" + route + "&query=&v-wn=it-" + route
                                + "&v-tzo=0&v-tz=UTC&v-sw=1280&v-sh=800&v-bw=1280&v-bh=800&v-pr=1"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(init.statusCode()).as(path + " init: " + init.body()).isEqualTo(200);
        Matcher csrf = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"").matcher(init.body());
        assertThat(csrf.find()).as("security key in %s", init.body()).isTrue();
        // What the page's script sends next: the ui-navigate event to the route, which builds the layout and the view.
        String connect = "{\"csrfToken\":\"" + csrf.group(1) + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"\","
                + "\"appShellTitle\":\"\",\"historyState\":null,\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}";
        Matcher ui = Pattern.compile("\"v-uiId\":(\\d+)").matcher(init.body());
        assertThat(ui.find()).isTrue();
        HttpResponse<String> uidl = browser.send(
                HttpRequest.newBuilder(uri("/admin/?v-r=uidl&v-uiId=" + ui.group(1)))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(connect))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uidl.statusCode()).as(path + " uidl: " + uidl.body()).isEqualTo(200);
        assertThat(uidl.body()).as("no error while building %s", path).doesNotContain("Internal error");
        return uidl.body();
    }

    /** Signs in to the console through Keycloak's login form, as a browser would. */
    private HttpClient signIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new AdminApiIntegrationTests.LoopbackBrowserCookies())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI next = uri("/oauth2/authorization/cellardoor");
        var authorize = browser.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
        URI keycloak = URI.create(authorize.headers().firstValue("Location").orElseThrow());
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
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        URI callback = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
        var back = browser.send(HttpRequest.newBuilder(callback).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).isEqualTo(302);
        return browser;
    }
}

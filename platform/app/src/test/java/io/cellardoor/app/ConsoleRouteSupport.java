package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Console routes as a browser reaches them, without a browser: sign in through Keycloak's login form, load the
 * console, navigate with Vaadin's {@code ui-navigate} event, and read what the server renders.
 */
abstract class ConsoleRouteSupport extends IntegrationTestSupport {

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

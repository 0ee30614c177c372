package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cellardoor.handoff.HandoffService;
import io.cellardoor.identity.IdentityProperties;
import io.cellardoor.tenant.TenantService;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The admin REST API against a real Keycloak with the local realm ({@code deploy/local/keycloak.sh start}; {@code
 * ./cellardoor test} starts it): tokens from the password grant of the {@code cellardoor-cli} client for the demo
 * users, org isolation, roles, forged tokens, and the console's sign-in redirect.
 */
class AdminApiIntegrationTests extends IntegrationTestSupport {

    static final String DEMO_KEY = "it-admin-demo-key";
    static final String OTHER_KEY = "it-admin-other-key";

    @Autowired
    IdentityProperties identity;

    @Autowired
    TenantService tenants;

    @Autowired
    HandoffService handoffs;

    @Autowired
    ObjectMapper json;

    long demoHandoff;
    long otherHandoff;

    @BeforeEach
    void keycloakAndInboxes() {
        requireKeycloak();
        long demo = tenants.ensureOrg("demo", "Demo Vineyard");
        long other = tenants.ensureOrg("other", "Other Vineyard");
        tenants.ensureSite(demo, DEMO_KEY, "Demo (admin tests)");
        tenants.ensureSite(other, OTHER_KEY, "Other (admin tests)");
        demoHandoff = handoffs.leave(
                demo,
                tenants.findSite(DEMO_KEY).orElseThrow().id(),
                null,
                null,
                "Can we bring a dog to the tasting?",
                "dana@example.com",
                "Dana");
        otherHandoff = handoffs.leave(
                other,
                tenants.findSite(OTHER_KEY).orElseThrow().id(),
                null,
                null,
                "Do you ship to Canada?",
                "olly@example.com",
                null);
    }

    @Test
    void withoutATokenTheAdminApiAnswers401ProblemJson() {
        var response = admin("GET", "/api/v1/admin/handoffs?status=open", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(problemType(response)).isEqualTo("https://cellardoor.io/problems/unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();

        var metadata = send(
                HttpRequest.newBuilder(uri("/.well-known/oauth-protected-resource"))
                        .GET(),
                null);
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(json.readTree(metadata.body()).path("authorization_servers").toString())
                .isEqualTo("[\"" + identity.issuerUri() + "\"]");
    }

    @Test
    void forgedUnsignedAndTamperedTokensAre401() throws Exception {
        String real = token("platform-admin");
        String[] parts = real.split("\\.");
        Map<String, Object> claims = json.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);

        String unsigned = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        assertThat(admin("GET", "/api/v1/admin/me", unsigned).statusCode()).isEqualTo(401);

        String kid = json.readTree(Base64.getUrlDecoder().decode(parts[0]))
                .path("kid")
                .asString();
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(kid).generate();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(kid)
                        .type(JOSEObjectType.JWT)
                        .build(),
                JWTClaimsSet.parse(claims));
        forged.sign(new RSASSASigner(attacker));
        var refused = admin("GET", "/api/v1/admin/me", forged.serialize());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(problemType(refused)).isEqualTo("https://cellardoor.io/problems/unauthorized");

        String otherOrg = b64(json.writeValueAsString(Map.of("org", "other")));
        String tampered = parts[0] + "." + otherOrg + "." + parts[2];
        assertThat(admin("GET", "/api/v1/admin/me", tampered).statusCode()).isEqualTo(401);
        assertThat(admin("GET", "/api/v1/admin/me", real).statusCode()).isEqualTo(200);
    }

    @Test
    void aViewerReadsTheInboxButMayNotResolve() {
        String viewer = token("viewer");
        assertThat(inboxIds(viewer, "")).contains(demoHandoff).doesNotContain(otherHandoff);

        var refused = admin("POST", "/api/v1/admin/handoffs/" + demoHandoff + "/resolve", viewer);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(problemType(refused)).isEqualTo("https://cellardoor.io/problems/forbidden");
        assertThat(status(demoHandoff)).isEqualTo("open");
    }

    @Test
    void anOrgAdminOfAnotherOrgSeesNoneOfDemosHandoffsAndCannotResolveThem() {
        String otherAdmin = token("other-admin");
        assertThat(inboxIds(otherAdmin, "")).contains(otherHandoff).doesNotContain(demoHandoff);
        assertThat(inboxIds(otherAdmin, "&org=demo"))
                .as("?org= is for platform admins only")
                .contains(otherHandoff)
                .doesNotContain(demoHandoff);

        var refused = admin("POST", "/api/v1/admin/handoffs/" + demoHandoff + "/resolve", otherAdmin);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(admin("POST", "/api/v1/admin/handoffs/" + demoHandoff + "/resolve?org=demo", otherAdmin)
                        .statusCode())
                .isEqualTo(404);
        assertThat(status(demoHandoff)).isEqualTo("open");
    }

    @Test
    void theEditorResolvesOneOfDemosHandoffs() {
        String editor = token("editor");
        var resolved = admin("POST", "/api/v1/admin/handoffs/" + demoHandoff + "/resolve", editor);
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(204);
        assertThat(status(demoHandoff)).isEqualTo("resolved");
        assertThat(asOwner()
                        .sql("SELECT resolved_at IS NOT NULL FROM handoff_request WHERE id = ?")
                        .param(demoHandoff)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(inboxIds(editor, "")).doesNotContain(demoHandoff);
        assertThat(inboxIds(editor, "", "resolved")).contains(demoHandoff);
        assertThat(admin("POST", "/api/v1/admin/handoffs/" + demoHandoff + "/resolve", editor)
                        .statusCode())
                .as("resolving again is harmless")
                .isEqualTo(204);
        assertThat(admin("POST", "/api/v1/admin/handoffs/" + otherHandoff + "/resolve", editor)
                        .statusCode())
                .isEqualTo(404);
        assertThat(status(otherHandoff)).isEqualTo("open");
    }

    @Test
    void aPlatformAdminReadsAnyOrgByItsSlug() {
        String platform = token("platform-admin");
        assertThat(inboxIds(platform, "&org=demo")).contains(demoHandoff).doesNotContain(otherHandoff);
        assertThat(inboxIds(platform, "&org=other")).contains(otherHandoff).doesNotContain(demoHandoff);
        assertThat(inboxIds(platform, "")).as("own org by default").contains(demoHandoff);
        var unknown = admin("GET", "/api/v1/admin/handoffs?status=open&org=no-such-org", platform);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(problemType(unknown)).isEqualTo("https://cellardoor.io/problems/not-found");
        assertThat(admin("GET", "/api/v1/admin/handoffs?status=lost", platform).statusCode())
                .isEqualTo(400);
    }

    @Test
    void meDescribesTheCallerFromTheToken() {
        JsonNode me = json.readTree(
                admin("GET", "/api/v1/admin/me", token("org-admin")).body());
        assertThat(me.path("username").asString()).isEqualTo("org-admin");
        assertThat(me.path("org").asString()).isEqualTo("demo");
        assertThat(me.path("subject").asString()).isNotBlank();
        assertThat(me.path("roles").toString()).isEqualTo("[\"ORG_ADMIN\"]");

        JsonNode other = json.readTree(
                admin("GET", "/api/v1/admin/me", token("other-admin")).body());
        assertThat(other.path("org").asString()).isEqualTo("other");
    }

    @Test
    void everyRoleSeesThePluginsHealth() {
        for (String user : List.of("viewer", "editor", "org-admin", "platform-admin")) {
            var response = admin("GET", "/api/v1/admin/plugins", token(user));
            assertThat(response.statusCode()).as(user).isEqualTo(200);
            List<String> domains = new ArrayList<>();
            json.readTree(response.body())
                    .forEach(p -> domains.add(p.path("domain").asString()));
            assertThat(domains).as(user).contains("wine", "visiting", "club", "events", "merchandise");
        }
    }

    @Test
    void thePublicApiStaysOpenWithoutCookiesOrRedirects() {
        var chat = post("/api/v1/chat", DEMO_KEY, "{\"message\": \"hello\"}");
        assertThat(chat.statusCode()).isEqualTo(200);
        assertThat(chat.headers().firstValue("Set-Cookie")).isEmpty();
        var health =
                send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET(), null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/demo")).GET(), null).statusCode())
                .isEqualTo(200);
    }

    /** /admin redirects to Keycloak's login; signing in there comes back with a session that passes /admin. */
    @Test
    void theConsoleSignsInThroughKeycloak() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new LoopbackBrowserCookies())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var visit = browser.send(
                HttpRequest.newBuilder(uri("/admin"))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(visit.statusCode()).isEqualTo(302);
        URI start = uri("/admin").resolve(visit.headers().firstValue("Location").orElseThrow());
        assertThat(start.getPath()).isEqualTo("/oauth2/authorization/cellardoor");

        var authorize = browser.send(HttpRequest.newBuilder(start).GET().build(), HttpResponse.BodyHandlers.ofString());
        URI keycloak = URI.create(authorize.headers().firstValue("Location").orElseThrow());
        assertThat(keycloak.toString())
                .startsWith(identity.issuerUri() + "/protocol/openid-connect/auth?")
                .contains(
                        "client_id=cellardoor-console",
                        "code_challenge=",
                        "redirect_uri=" + uri("/login/oauth2/code/cellardoor"));

        var loginPage =
                browser.send(HttpRequest.newBuilder(keycloak).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.statusCode())
                .as("Keycloak accepts the console's redirect URI")
                .isEqualTo(200);
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")
                .matcher(loginPage.body());
        assertThat(action.find()).as("login form in %s", loginPage.body()).isTrue();
        var signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=viewer&password=demo&credentialId="))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        URI callback = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/cellardoor");

        var back = browser.send(HttpRequest.newBuilder(callback).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location").orElse("")).contains("/admin");
        var console = browser.send(
                HttpRequest.newBuilder(uri("/admin/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).as("signed in: the console's page").isEqualTo(200);
        assertThat(console.body()).contains("<title>Cellar Door console</title>");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /**
     * Cookies as a browser keeps them: Keycloak marks its cookies {@code Secure} even over plain HTTP, which browsers
     * accept on loopback addresses (a secure context) but {@link CookieManager} never sends back over HTTP.
     */
    static final class LoopbackBrowserCookies extends CookieHandler {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return cookies.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            Map<String, List<String>> headers = new HashMap<>(responseHeaders);
            headers.replaceAll((name, values) ->
                    name != null && name.toLowerCase(Locale.ROOT).startsWith("set-cookie")
                            ? values.stream()
                                    .map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", ""))
                                    .toList()
                            : values);
            cookies.put(uri, headers);
        }
    }

    /** Fails (never skips) when the realm is not served: the admin API cannot be tested without its provider. */
    void requireKeycloak() {
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
        if (status != 200) {
            throw new AssertionError(
                    "Keycloak is not reachable at " + discovery + " (" + (status < 0 ? "no answer" : "HTTP " + status)
                            + "). Start it with `deploy/local/keycloak.sh start` (./cellardoor test does), or point"
                            + " cellardoor.identity.issuer-uri at a running realm.");
        }
    }

    /** An access token for a demo user (password {@code demo}) from the password grant of {@code cellardoor-cli}. */
    String token(String username) {
        String form = Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "cellardoor-cli",
                        "username",
                        username,
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
                .as("token for %s: %s", username, response.body())
                .isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asString();
    }

    HttpResponse<String> admin(String method, String path, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request, null);
    }

    List<Long> inboxIds(String token, String query) {
        return inboxIds(token, query, "open");
    }

    List<Long> inboxIds(String token, String query, String status) {
        var response = admin("GET", "/api/v1/admin/handoffs?status=" + status + "&limit=500" + query, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        json.readTree(response.body()).forEach(h -> ids.add(h.path("id").asLong()));
        return ids;
    }

    String status(long handoff) {
        return asOwner()
                .sql("SELECT status FROM handoff_request WHERE id = ?")
                .param(handoff)
                .query(String.class)
                .single();
    }

    String problemType(HttpResponse<String> response) {
        return json.readTree(response.body()).path("type").asString();
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

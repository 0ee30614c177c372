package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped realm ({@code deploy/keycloak/cellardoor-realm.json}) against the running local Keycloak: brute-force
 * lockout, the password policy, OTP required for ORG_ADMIN and PLATFORM_ADMIN (and not for editors or the local demo
 * users), short access tokens with rotating refresh tokens. Users are made for each test through Keycloak's admin API
 * and deleted after it.
 */
class KeycloakRealmHardeningIntegrationTests {

    static final String ISSUER = System.getenv()
            .getOrDefault(
                    "CELLARDOOR_IDENTITY_ISSUER_URI",
                    "http://127.0.0.1:" + System.getenv().getOrDefault("CELLARDOOR_KC_PORT", "8180")
                            + "/realms/cellardoor");
    static final String BASE = ISSUER.substring(0, ISSUER.indexOf("/realms/"));
    static final String ADMIN = BASE + "/admin/realms/cellardoor";
    static final String PASSWORD = "Cellar-door-lock-2026!";

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = JsonMapper.builder().build();
    final List<String> created = new ArrayList<>();

    @AfterEach
    void deleteUsers() {
        created.forEach(id -> send("DELETE", ADMIN + "/users/" + id, null, adminToken()));
    }

    @Test
    void realmHasBruteForceDetectionShortTokensAndRotatingRefreshTokens() {
        JsonNode realm = json.readTree(send("GET", ADMIN, null, adminToken()).body());
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isBetween(3, 10);
        assertThat(realm.path("accessTokenLifespan").asInt()).isLessThanOrEqualTo(300);
        assertThat(realm.path("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(realm.path("passwordPolicy").asString()).contains("length(12)");

        JsonNode tokens = json.readTree(grant("editor", "demo", null).body());
        assertThat(tokens.path("expires_in").asInt()).isLessThanOrEqualTo(300);
        String refresh = tokens.path("refresh_token").asString();
        var refreshed =
                token(Map.of("grant_type", "refresh_token", "client_id", "cellardoor-cli", "refresh_token", refresh));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        // Rotation: the used refresh token is spent.
        var reused =
                token(Map.of("grant_type", "refresh_token", "client_id", "cellardoor-cli", "refresh_token", refresh));
        assertThat(reused.statusCode()).isEqualTo(400);
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        String id = createUser("EDITOR", null);
        String username = username(id);
        assertThat(grant(username, PASSWORD, null).statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(grant(username, "wrong-password-" + i, null).statusCode())
                    .isEqualTo(401);
        }
        var locked = grant(username, PASSWORD, null);
        assertThat(locked.statusCode()).as(locked.body()).isIn(400, 401);
        JsonNode status =
                json.readTree(send("GET", ADMIN + "/attack-detection/brute-force/users/" + id, null, adminToken())
                        .body());
        assertThat(status.path("disabled").asBoolean()).as(status.toString()).isTrue();
        assertThat(status.path("numFailures").asInt()).isPositive();
    }

    @Test
    void aWeakPasswordIsRefused() {
        var response = send(
                "POST",
                ADMIN + "/users",
                Map.of(
                        "username",
                        "weak-" + UUID.randomUUID().toString().substring(0, 8),
                        "enabled",
                        true,
                        "credentials",
                        List.of(Map.of("type", "password", "value", "demo", "temporary", false))),
                adminToken());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalidPasswordMinLength");
    }

    @Test
    void orgAdminsNeedAnOtpButEditorsAndTheLocalDemoUsersDoNot() throws Exception {
        byte[] secret = "cellardoor-otp-test-secret-20b".getBytes(StandardCharsets.US_ASCII);
        String withoutOtp = createUser("ORG_ADMIN", null);
        String withOtp = createUser("ORG_ADMIN", secret);
        String withOtpTried = createUser("ORG_ADMIN", secret);
        String platform = createUser("PLATFORM_ADMIN", null);
        String editor = createUser("EDITOR", null);

        // Without an OTP set up there is no token: the browser sign-in makes them set one up first; the password grant
        // cannot, and Keycloak refuses it (with a server error, its way of saying "not configured").
        assertNoToken(grant(username(withoutOtp), PASSWORD, null));
        assertNoToken(grant(username(platform), PASSWORD, null));
        var signedIn = grant(username(withOtp), PASSWORD, totp(secret));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        // Another admin with an OTP: no code or a wrong one is refused (two quick failures also start a lockout,
        // which is why the successful sign-in above is a different user).
        assertThat(grant(username(withOtpTried), PASSWORD, null).statusCode()).isEqualTo(401);
        assertThat(grant(username(withOtpTried), PASSWORD, "000000".equals(totp(secret)) ? "111111" : "000000")
                        .statusCode())
                .isEqualTo(401);
        assertThat(grant(username(editor), PASSWORD, null).statusCode()).isEqualTo(200);
        // The documented local-only exemption (role local-otp-exempt) of the demo users.
        assertThat(grant("org-admin", "demo", null).statusCode()).isEqualTo(200);
        assertThat(grant("platform-admin", "demo", null).statusCode()).isEqualTo(200);
    }

    private void assertNoToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isNotEqualTo(200);
        assertThat(response.body()).doesNotContain("access_token");
    }

    /** A user with a role, the test password, org demo and, when a secret is given, a TOTP credential; its id. */
    private String createUser(String role, byte[] otpSecret) {
        String username = "kc-" + role.toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> credentials = new ArrayList<>();
        credentials.add(Map.of("type", "password", "value", PASSWORD, "temporary", false));
        if (otpSecret != null) {
            credentials.add(
                    Map.of(
                            "type", "otp",
                            "secretData", "{\"value\":\"" + new String(otpSecret, StandardCharsets.US_ASCII) + "\"}",
                            "credentialData",
                                    "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}"));
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@test.cellardoor.local");
        user.put("emailVerified", true);
        user.put("firstName", "Test");
        user.put("lastName", "User");
        user.put("attributes", Map.of("org", List.of("demo")));
        user.put("realmRoles", List.of(role));
        user.put("credentials", credentials);
        var imported = send(
                "POST",
                ADMIN + "/partialImport",
                Map.of("ifResourceExists", "FAIL", "users", List.of(user)),
                adminToken());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        String id =
                json.readTree(imported.body()).path("results").get(0).path("id").asString();
        created.add(id);
        return id;
    }

    private String username(String id) {
        return json.readTree(
                        send("GET", ADMIN + "/users/" + id, null, adminToken()).body())
                .path("username")
                .asString();
    }

    private HttpResponse<String> grant(String username, String password, String otp) {
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "grant_type", "password", "client_id", "cellardoor-cli", "username", username, "password", password));
        if (otp != null) {
            form.put("totp", otp);
        }
        return token(form);
    }

    private HttpResponse<String> token(Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))));
    }

    private String adminToken() {
        var response = send(HttpRequest.newBuilder(URI.create(BASE + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=admin&password=admin")));
        assertThat(response.statusCode())
                .as("Keycloak admin token at %s (is the local Keycloak running?)", BASE)
                .isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asString();
    }

    private HttpResponse<String> send(String method, String url, Object body, String bearer) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 s) of now. */
    static String totp(byte[] secret) throws Exception {
        long step = System.currentTimeMillis() / 1000 / 30;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret, "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int o = h[h.length - 1] & 0xf;
        int code = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff))
                % 1_000_000;
        return String.format("%06d", code);
    }
}

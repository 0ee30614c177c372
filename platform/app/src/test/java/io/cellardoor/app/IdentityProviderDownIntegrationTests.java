package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cellardoor.tenant.TenantService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.ObjectMapper;

/**
 * The app with its identity provider down (an issuer on a closed port): it starts, visitors chat as always, and
 * only the admin API and the console notice.
 */
class IdentityProviderDownIntegrationTests extends IntegrationTestSupport {

    static final String ISSUER = "http://127.0.0.1:" + closedPort() + "/realms/cellardoor";

    @DynamicPropertySource
    static void deadIssuer(DynamicPropertyRegistry registry) {
        registry.add("cellardoor.identity.issuer-uri", () -> ISSUER);
    }

    @Autowired
    TenantService tenants;

    @Autowired
    ObjectMapper json;

    @Test
    void visitorsChatWhileTheProviderIsDown() {
        long org = tenants.ensureOrg("it-idp-down", "Provider down test");
        tenants.ensureSite(org, "it-idp-down-key", "Provider down test");
        var chat = post("/api/v1/chat", "it-idp-down-key", "{\"message\": \"hello\"}");
        assertThat(chat.statusCode()).isEqualTo(200);
        assertThat(chat.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theAdminApiAnswers401WithoutATokenAnd503WhenItCannotFetchTheKeys() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/admin/me")).GET(), null)
                        .statusCode())
                .isEqualTo(401);

        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .subject("someone")
                        .audience("cellardoor-api")
                        .expirationTime(new Date(System.currentTimeMillis() + 60_000))
                        .build());
        token.sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID("k1").generate()));
        var response = send(
                HttpRequest.newBuilder(uri("/api/v1/admin/me"))
                        .header("Authorization", "Bearer " + token.serialize())
                        .GET(),
                null);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json.readTree(response.body()).path("type").asString())
                .isEqualTo("https://cellardoor.io/problems/identity-unavailable");
    }

    @Test
    void theConsoleStillRedirectsToTheProvidersLogin() {
        var visit = send(
                HttpRequest.newBuilder(uri("/admin/knowledge"))
                        .header("Accept", "text/html")
                        .GET(),
                null);
        assertThat(visit.statusCode()).isEqualTo(302);
        assertThat(visit.headers().firstValue("Location").orElse("")).endsWith("/oauth2/authorization/cellardoor");
        var authorize = send(
                HttpRequest.newBuilder(uri("/oauth2/authorization/cellardoor")).GET(), null);
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location").orElse(""))
                .startsWith(ISSUER + "/protocol/openid-connect/auth?");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

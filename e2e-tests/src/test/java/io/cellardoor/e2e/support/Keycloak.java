package io.cellardoor.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The Keycloak that staff sign in with (realm {@code cellardoor}, started by {@code deploy/local/keycloak.sh}). */
public final class Keycloak {

    private Keycloak() {}

    /** The issuer, e.g. {@code http://127.0.0.1:8180/realms/cellardoor}. */
    public static String issuer() {
        return E2eConfig.keycloakIssuer();
    }

    /** Fails with what to do when the issuer's OIDC discovery document does not answer 200. */
    public static void requireRunning() {
        String discovery = issuer() + "/.well-known/openid-configuration";
        String problem;
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(URI.create(discovery))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
                return;
            }
            problem = "HTTP " + r.statusCode();
        } catch (IOException e) {
            problem = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException(
                "Keycloak does not answer at " + discovery + " (" + problem + "): the console journeys sign"
                        + " in through it. Start it with ./cellardoor kc start (CELLARDOOR_KC_PORT for another port), or set"
                        + " CELLARDOOR_IDENTITY_ISSUER_URI; ./cellardoor test starts it.");
    }
}

package io.cellardoor.identity;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity provider settings ({@code cellardoor.identity.*}). Nothing here is contacted at start-up: keys are
 * fetched on the first bearer token, endpoints are called when someone signs in.
 *
 * @param issuerUri the OIDC issuer; tokens must carry exactly this {@code iss}
 * @param jwkSetUri where the signing keys are; default Keycloak's {@code {issuer}/protocol/openid-connect/certs}
 * @param audience value the admin API requires in a token's {@code aud}; empty accepts any audience
 * @param orgClaim claim holding the user's org slug
 * @param console the console's OIDC client (authorization code flow)
 */
@ConfigurationProperties("cellardoor.identity")
public record IdentityProperties(URI issuerUri, URI jwkSetUri, String audience, String orgClaim, Console console) {

    /** Local Keycloak started by {@code deploy/local/keycloak.sh}. */
    static final URI LOCAL_ISSUER = URI.create("http://127.0.0.1:8180/realms/cellardoor");

    public IdentityProperties(
            @Nullable URI issuerUri,
            @Nullable URI jwkSetUri,
            @Nullable String audience,
            @Nullable String orgClaim,
            @Nullable Console console) {
        this.issuerUri = issuerUri == null ? LOCAL_ISSUER : trimSlash(issuerUri);
        this.jwkSetUri = jwkSetUri == null ? URI.create(this.issuerUri + "/protocol/openid-connect/certs") : jwkSetUri;
        this.audience = audience == null ? "cellardoor-api" : audience;
        this.orgClaim = orgClaim == null || orgClaim.isBlank() ? "org" : orgClaim;
        this.console = console == null ? new Console(null, null) : console;
    }

    /**
     * The console's client at the provider.
     *
     * @param clientId client id, default {@code cellardoor-console}
     * @param clientSecret its secret; the default is the local realm's and works only there
     */
    public record Console(String clientId, String clientSecret) {

        public Console(@Nullable String clientId, @Nullable String clientSecret) {
            this.clientId = clientId == null ? "cellardoor-console" : clientId;
            this.clientSecret = clientSecret == null ? "cellardoor-console-secret" : clientSecret;
        }
    }

    /** An endpoint of the issuer in Keycloak's layout, e.g. {@code protocol/openid-connect/token}. */
    String endpoint(String path) {
        return issuerUri + "/" + path;
    }

    private static URI trimSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}

package io.cellardoor.widget;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Anonymous visitor tokens: {@code v1.<siteId>.<visitorId>.<expiresEpochSeconds>.<HMAC-SHA256>}, signed with a
 * key generated once per database (table {@code app_secret}) so every replica accepts every other's tokens.
 * A token names one visitor of one site and is valid for {@link #LIFETIME}.
 */
@Component
public class VisitorTokens {

    /** How long a token is accepted. */
    public static final Duration LIFETIME = Duration.ofDays(30);

    private static final String KEY_NAME = "visitor-token-hmac";

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile byte[] key;

    @org.springframework.beans.factory.annotation.Autowired
    VisitorTokens(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    VisitorTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token's verified content. */
    public record Visitor(long siteId, UUID visitorId, Instant expiresAt) {}

    /** Issues a token for a visitor of a site, valid for {@link #LIFETIME} from now. */
    public VisitorSession issue(long siteId, UUID visitorId) {
        Instant expires = clock.instant().plus(LIFETIME).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String body = "v1." + siteId + "." + visitorId + "." + expires.getEpochSecond();
        return new VisitorSession(body + "." + sign(body), expires, visitorId);
    }

    /** The visitor a token names, when its signature is valid, it has not expired and it belongs to the site. */
    public Optional<Visitor> verify(String token, long siteId) {
        String[] parts = token.split("\\.");
        if (parts.length != 5 || !parts[0].equals("v1")) {
            return Optional.empty();
        }
        String body = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        if (!MessageDigest.isEqual(
                sign(body).getBytes(StandardCharsets.US_ASCII), parts[4].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            long site = Long.parseLong(parts[1]);
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
            if (site != siteId || !clock.instant().isBefore(expires)) {
                return Optional.empty();
            }
            return Optional.of(new Visitor(site, UUID.fromString(parts[2]), expires));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("INSERT INTO app_secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                    .params(KEY_NAME, HexFormat.of().formatHex(fresh))
                    .update();
            k = HexFormat.of()
                    .parseHex(jdbc.sql("SELECT value FROM app_secret WHERE name = ?")
                            .param(KEY_NAME)
                            .query(String.class)
                            .single());
            key = k;
        }
        return k;
    }
}

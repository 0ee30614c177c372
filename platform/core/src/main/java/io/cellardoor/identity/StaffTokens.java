package io.cellardoor.identity;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Reads a staff member from a bearer token sent to a public endpoint (where no security chain authenticates): the
 * chat API's admin-only options. Verified like the admin API's tokens; an invalid token, or an unreachable provider,
 * is no staff member.
 */
@Component
public class StaffTokens {

    private final JwtDecoder decoder;
    private final IdentityProperties identity;

    StaffTokens(JwtDecoder decoder, IdentityProperties identity) {
        this.decoder = decoder;
        this.identity = identity;
    }

    /** The staff member of an {@code Authorization: Bearer ...} header, when it carries a valid token. */
    public Optional<StaffUser> fromAuthorization(@Nullable String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            return Optional.of(StaffUser.fromClaims(
                    decoder.decode(header.substring(7).strip()).getClaims(), identity.orgClaim()));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the header's staff member administers this org: ORG_ADMIN of it, or PLATFORM_ADMIN. */
    public boolean administers(@Nullable String header, String orgSlug) {
        return fromAuthorization(header)
                .filter(u -> u.platformAdmin() || (u.roles().contains(Role.ORG_ADMIN) && orgSlug.equals(u.org())))
                .isPresent();
    }
}

package io.cellardoor.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A verified bearer token of the admin API: the {@link StaffUser} is the principal (controllers take it with
 * {@code @AuthenticationPrincipal StaffUser}), the roles are the authorities ({@code ROLE_<NAME>}).
 */
final class StaffAuthentication extends AbstractAuthenticationToken {

    private final StaffUser user;
    private final Jwt token;

    StaffAuthentication(StaffUser user, Jwt token) {
        super(user.roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList());
        this.user = user;
        this.token = token;
        setAuthenticated(true);
    }

    /** Reads the user from a verified token. */
    static StaffAuthentication of(Jwt token, String orgClaim) {
        return new StaffAuthentication(StaffUser.fromClaims(token.getClaims(), orgClaim), token);
    }

    @Override
    public StaffUser getPrincipal() {
        return user;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return user.username();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffAuthentication o && o.token.getTokenValue().equals(token.getTokenValue());
    }

    @Override
    public int hashCode() {
        return token.getTokenValue().hashCode();
    }

    @Override
    public String toString() {
        return "StaffAuthentication[" + user + "]";
    }
}

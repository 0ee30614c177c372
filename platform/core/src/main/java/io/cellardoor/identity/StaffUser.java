package io.cellardoor.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A signed-in person of the staff (admin API or console), from the identity provider's token.
 *
 * @param subject the provider's stable user id ({@code sub})
 * @param username login name ({@code preferred_username}), else the subject
 * @param org slug of the user's org (claim {@code org}), or null when the account has none
 * @param roles staff roles as granted (not expanded by the hierarchy)
 */
public record StaffUser(
        String subject, String username, @Nullable String org, Set<Role> roles) {

    public StaffUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Whether the user may act in every org. */
    public boolean platformAdmin() {
        return roles.contains(Role.PLATFORM_ADMIN);
    }

    /**
     * Reads a user from token claims: roles from {@code realm_access.roles} (Keycloak's realm roles), the org from
     * {@code orgClaim}.
     */
    static StaffUser fromClaims(Map<String, Object> claims, String orgClaim) {
        String subject = String.valueOf(claims.getOrDefault("sub", ""));
        Object name = claims.get("preferred_username");
        Object org = claims.get(orgClaim);
        return new StaffUser(
                subject,
                name instanceof String s && !s.isBlank() ? s : subject,
                org instanceof String s && !s.isBlank() ? s : null,
                realmRoles(claims));
    }

    private static Set<Role> realmRoles(Map<String, Object> claims) {
        if (claims.get("realm_access") instanceof Map<?, ?> access
                && access.get("roles") instanceof Collection<?> names) {
            return names.stream()
                    .map(String::valueOf)
                    .map(Role::of)
                    .flatMap(java.util.Optional::stream)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        }
        return Set.of();
    }
}

package io.cellardoor.admin.console;

import io.cellardoor.identity.IdentityProperties;
import io.cellardoor.identity.OrgScope;
import io.cellardoor.identity.Role;
import io.cellardoor.identity.StaffUser;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * The staff member signed in to the console (from the OIDC sign-in: the {@code org} claim of the ID token, roles as
 * authorities) and the org the console acts on. Call from the UI thread (the security context is the session's).
 */
@Component
public class CurrentStaff {

    private final OrgScope orgs;
    private final RoleHierarchy hierarchy;
    private final IdentityProperties identity;

    CurrentStaff(OrgScope orgs, RoleHierarchy hierarchy, IdentityProperties identity) {
        this.orgs = orgs;
        this.hierarchy = hierarchy;
        this.identity = identity;
    }

    /** The signed-in user. */
    public StaffUser user() {
        Authentication auth = authentication();
        if (!(auth.getPrincipal() instanceof OidcUser oidc)) {
            throw new AccessDeniedException("Not signed in to the console");
        }
        Set<Role> roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(a ->
                        Arrays.stream(Role.values()).filter(r -> r.authority().equals(a)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        String org = oidc.getClaimAsString(identity.orgClaim());
        String name = oidc.getPreferredUsername();
        return new StaffUser(
                oidc.getSubject(),
                name == null ? oidc.getSubject() : name,
                org == null || org.isBlank() ? null : org,
                roles);
    }

    /** The id of the org the console acts on: the user's own (platform admins: theirs too, for now). */
    public long orgId() {
        return orgs.orgId(user(), null);
    }

    /** Whether the user has this role or one above it. */
    public boolean has(Role role) {
        return hierarchy.getReachableGrantedAuthorities(authentication().getAuthorities()).stream()
                .anyMatch(a -> role.authority().equals(a.getAuthority()));
    }

    private static Authentication authentication() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            throw new AccessDeniedException("Not signed in to the console");
        }
        return auth;
    }
}

package io.cellardoor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffUserTests {

    @Test
    void readsStaffRolesFromRealmAccessAndTheOrgFromItsClaim() {
        StaffUser user = StaffUser.fromClaims(
                Map.of(
                        "sub",
                        "u-1",
                        "preferred_username",
                        "editor",
                        "org",
                        "demo",
                        "realm_access",
                        Map.of("roles", List.of("offline_access", "EDITOR", "default-roles-cellardoor", "VIEWER"))),
                "org");
        assertThat(user.subject()).isEqualTo("u-1");
        assertThat(user.username()).isEqualTo("editor");
        assertThat(user.org()).isEqualTo("demo");
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.EDITOR, Role.VIEWER);
        assertThat(user.platformAdmin()).isFalse();
    }

    @Test
    void aTokenWithoutRolesOrOrgGivesAUserWithNeither() {
        StaffUser user = StaffUser.fromClaims(Map.of("sub", "u-2", "realm_access", "not a map"), "tenant");
        assertThat(user.username()).isEqualTo("u-2");
        assertThat(user.org()).isNull();
        assertThat(user.roles()).isEmpty();
    }

    @Test
    void theOrgClaimIsConfigurable() {
        StaffUser user = StaffUser.fromClaims(
                Map.of(
                        "sub",
                        "u-3",
                        "tenant",
                        "other",
                        "org",
                        "demo",
                        "realm_access",
                        Map.of("roles", List.of("PLATFORM_ADMIN"))),
                "tenant");
        assertThat(user.org()).isEqualTo("other");
        assertThat(user.platformAdmin()).isTrue();
    }
}

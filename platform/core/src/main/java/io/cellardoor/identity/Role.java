package io.cellardoor.identity;

import java.util.Optional;

/**
 * Staff roles, from the identity provider's realm roles of the same name. Each includes the ones below it:
 * PLATFORM_ADMIN > ORG_ADMIN > EDITOR > VIEWER.
 */
public enum Role {

    /** Operates the whole platform: every org (by {@code ?org=}), plugins, plans. */
    PLATFORM_ADMIN,
    /** Administers one org: members, plan, budget, features, and what an editor does. */
    ORG_ADMIN,
    /** Edits one org's knowledge and answers its handoff inbox. */
    EDITOR,
    /** Reads one org's knowledge, conversations and inbox. */
    VIEWER;

    /** The Spring Security authority, e.g. {@code ROLE_EDITOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named exactly so, if any ({@code offline_access} and other provider roles are not staff roles). */
    static Optional<Role> of(String name) {
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The role hierarchy in Spring Security's notation. */
    static String hierarchy() {
        return """
                ROLE_PLATFORM_ADMIN > ROLE_ORG_ADMIN
                ROLE_ORG_ADMIN > ROLE_EDITOR
                ROLE_EDITOR > ROLE_VIEWER""";
    }
}

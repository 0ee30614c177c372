/**
 * Who calls the admin API and the console: OpenID Connect with Keycloak (or any OIDC provider) through Spring
 * Security. Bearer JWTs for {@code /api/v1/admin/**}, OIDC login for {@code /admin/**}; realm roles become
 * {@link io.cellardoor.identity.Role}s, the {@code org} claim the user's org. Features take the signed-in
 * {@link io.cellardoor.identity.StaffUser} and scope their data with {@link io.cellardoor.identity.OrgScope}.
 */
@NullMarked
package io.cellardoor.identity;

import org.jspecify.annotations.NullMarked;

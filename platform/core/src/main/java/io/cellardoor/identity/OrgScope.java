package io.cellardoor.identity;

import io.cellardoor.tenant.TenantService;
import io.cellardoor.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The org an admin request acts on: the user's own org from the token, or, for a platform admin only, the org named
 * by {@code ?org=SLUG}. Others asking for another org still get their own.
 */
@Component
public class OrgScope {

    private final TenantService tenants;

    OrgScope(TenantService tenants) {
        this.tenants = tenants;
    }

    /**
     * The id of the org the request acts on.
     *
     * @param requested {@code ?org=} of the request, or null
     * @throws ApiProblem 404 for an unknown org, 403 for an account without an org, 400 when a platform admin without
     *     an org names none
     */
    public long orgId(StaffUser user, @Nullable String requested) {
        String slug =
                user.platformAdmin() && requested != null && !requested.isBlank() ? requested.strip() : user.org();
        if (slug == null) {
            throw user.platformAdmin()
                    ? ApiProblem.invalid("org-required", "Org required", "Name the org to act on: ?org=SLUG.")
                    : ApiProblem.forbidden("Your account is not assigned to an org.");
        }
        return tenants.findOrgId(slug).orElseThrow(() -> ApiProblem.notFound("Org '" + slug + "'"));
    }
}

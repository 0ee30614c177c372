package io.cellardoor.cache;

import io.cellardoor.identity.OrgScope;
import io.cellardoor.identity.StaffUser;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The semantic cache in the admin API: {@code GET /api/v1/admin/cache} (VIEWER and up) says how many entries can be
 * served, {@code DELETE /api/v1/admin/cache} (ORG_ADMIN and up, audited) empties the org's cache. Roles are checked by
 * the admin API's security chain.
 */
@RestController
@RequestMapping("/api/v1/admin/cache")
class CacheAdminController {

    private final SemanticCache cache;
    private final OrgScope orgs;

    CacheAdminController(SemanticCache cache, OrgScope orgs) {
        this.cache = cache;
        this.orgs = orgs;
    }

    /** {@code {"entries": n}}: entries of the org that have not expired. */
    @GetMapping
    Map<String, Long> size(
            @AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable String org) {
        return Map.of("entries", cache.size(orgs.orgId(user, org)));
    }

    /** {@code {"deleted": n}}. */
    @DeleteMapping
    Map<String, Integer> clear(
            @AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable String org) {
        return Map.of("deleted", cache.clear(orgs.orgId(user, org), user.username()));
    }
}

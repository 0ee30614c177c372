package io.cellardoor.visitors;

import io.cellardoor.identity.OrgScope;
import io.cellardoor.identity.StaffUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data subject requests in the admin API; ORG_ADMIN and above (checked by the admin API's security chain):
 * {@code GET /api/v1/admin/visitors/{visitorId}/export} and {@code DELETE /api/v1/admin/visitors/{visitorId}}, where
 * {@code visitorId} is a visitor token's id or an email address left with a handoff.
 */
@RestController
@RequestMapping("/api/v1/admin/visitors")
class VisitorDataAdminController {

    private final VisitorDataService visitors;
    private final OrgScope orgs;

    VisitorDataAdminController(VisitorDataService visitors, OrgScope orgs) {
        this.visitors = visitors;
        this.orgs = orgs;
    }

    /** The export as a JSON download; 400 {@code invalid-visitor}. */
    @GetMapping("/{visitorId}/export")
    ResponseEntity<VisitorDataService.Export> export(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable String visitorId,
            @RequestParam(required = false) @Nullable String org) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"visitor-export.json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(visitors.export(orgs.orgId(user, org), user.username(), visitorId));
    }

    /** Erases the visitor's data; 200 with what was deleted (all zero when nothing was stored). */
    @DeleteMapping("/{visitorId}")
    VisitorDataService.Erasure erase(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable String visitorId,
            @RequestParam(required = false) @Nullable String org) {
        return visitors.erase(orgs.orgId(user, org), user.username(), visitorId);
    }
}

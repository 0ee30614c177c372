package io.cellardoor.handoff;

import io.cellardoor.identity.OrgScope;
import io.cellardoor.identity.StaffUser;
import io.cellardoor.web.ApiProblem;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The team's handoff inbox in the admin API, scoped to the caller's org ({@link OrgScope}); roles are checked by the
 * admin API's security chain (VIEWER reads, EDITOR resolves).
 */
@RestController
@RequestMapping("/api/v1/admin/handoffs")
class HandoffAdminController {

    private static final Set<String> STATUSES = Set.of("open", "assigned", "resolved");
    private static final int MAX_LIMIT = 500;

    private final HandoffService handoffs;
    private final OrgScope orgs;

    HandoffAdminController(HandoffService handoffs, OrgScope orgs) {
        this.handoffs = handoffs;
        this.orgs = orgs;
    }

    /** {@code GET /api/v1/admin/handoffs?status=open[&limit=100][&org=SLUG]}: newest first. */
    @GetMapping
    List<HandoffRequest> inbox(
            @AuthenticationPrincipal StaffUser user,
            @RequestParam(defaultValue = "open") String status,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) @Nullable String org) {
        if (!STATUSES.contains(status)) {
            throw ApiProblem.invalid(
                    "invalid-status", "Invalid status", "status must be one of open, assigned, resolved.");
        }
        return handoffs.inbox(orgs.orgId(user, org), status, Math.clamp(limit, 1, MAX_LIMIT));
    }

    /** {@code POST /api/v1/admin/handoffs/{id}/resolve}: 204, or 404 when the org has no such request. */
    @PostMapping("/{id}/resolve")
    ResponseEntity<Void> resolve(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String org) {
        if (!handoffs.resolve(orgs.orgId(user, org), id)) {
            throw ApiProblem.notFound("Handoff request " + id);
        }
        return ResponseEntity.noContent().build();
    }
}

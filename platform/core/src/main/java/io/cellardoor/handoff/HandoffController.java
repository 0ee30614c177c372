package io.cellardoor.handoff;

import io.cellardoor.tenant.Site;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.web.ApiProblem;
import io.cellardoor.widget.VisitorTokens;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/handoffs}: a visitor leaves a question for the team -> 201 with an acknowledgement. */
@RestController
class HandoffController {

    record LeaveRequest(
            @Nullable UUID conversationId,
            @Nullable String question,
            @Nullable String email,
            @Nullable String name) {}

    record Left(long id, String message) {}

    private final TenantService tenants;
    private final VisitorTokens tokens;
    private final HandoffService handoffs;

    HandoffController(TenantService tenants, VisitorTokens tokens, HandoffService handoffs) {
        this.tenants = tenants;
        this.tokens = tokens;
        this.handoffs = handoffs;
    }

    @PostMapping("/api/v1/handoffs")
    ResponseEntity<Left> leave(
            @RequestHeader(name = "X-Site-Key", required = false) @Nullable String siteKey,
            @RequestHeader(name = "X-Visitor-Token", required = false) @Nullable String visitorToken,
            @RequestBody LeaveRequest request) {
        Site site = siteKey == null ? null : tenants.findSite(siteKey).orElse(null);
        if (site == null) {
            throw ApiProblem.unknownSiteKey();
        }
        UUID visitor = visitorToken == null
                ? null
                : tokens.verify(visitorToken, site.id())
                        .map(VisitorTokens.Visitor::visitorId)
                        .orElse(null);
        long id = handoffs.leave(
                site.orgId(),
                site.id(),
                visitor,
                request.conversationId(),
                request.question(),
                request.email(),
                request.name());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Left(
                        id,
                        "Thanks! Our team will answer you at " + request.email().strip() + "."));
    }
}

package io.cellardoor.curated;

import io.cellardoor.identity.OrgScope;
import io.cellardoor.identity.StaffUser;
import io.cellardoor.web.ApiProblem;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Curated answers in the admin API, scoped to the caller's org ({@link OrgScope}); VIEWER reads, EDITOR writes (the
 * admin API's security chain checks the roles).
 * <ul>
 *   <li>{@code GET /api/v1/admin/curated-answers}: all, most recently changed first, with hit counts;</li>
 *   <li>{@code GET /api/v1/admin/curated-answers/{id}}: one, 404 when the org has none;</li>
 *   <li>{@code POST /api/v1/admin/curated-answers} {@code {"question", "answer", "documentPath"}}: 201 with the new one;</li>
 *   <li>{@code POST /api/v1/admin/curated-answers/from-message/{messageId}}: approves a transcript message's answer
 *       (its question, its answer, its first citation), 201, 404 for no such message, 400 {@code unanswered-message}
 *       when the platform declined it;</li>
 *   <li>{@code PUT /api/v1/admin/curated-answers/{id}}: replaces question, answer and citation;</li>
 *   <li>{@code DELETE /api/v1/admin/curated-answers/{id}}: 204.</li>
 * </ul>
 * Bad input: 400 {@code invalid-curated-answer} or {@code unknown-document}, 413 {@code message-too-long}.
 */
@RestController
@RequestMapping("/api/v1/admin/curated-answers")
class CuratedAnswerAdminController {

    private final CuratedAnswers curated;
    private final OrgScope orgs;

    CuratedAnswerAdminController(CuratedAnswers curated, OrgScope orgs) {
        this.curated = curated;
        this.orgs = orgs;
    }

    @GetMapping
    List<CuratedAnswer> list(
            @AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable String org) {
        return curated.list(orgs.orgId(user, org));
    }

    @GetMapping("/{id}")
    CuratedAnswer one(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String org) {
        return curated.find(orgs.orgId(user, org), id).orElseThrow(() -> notFound(id));
    }

    @PostMapping
    ResponseEntity<CuratedAnswer> create(
            @AuthenticationPrincipal StaffUser user,
            @RequestBody CuratedAnswerInput input,
            @RequestParam(required = false) @Nullable String org) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(curated.create(orgs.orgId(user, org), user.username(), input));
    }

    @PostMapping("/from-message/{messageId}")
    ResponseEntity<CuratedAnswer> approve(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable long messageId,
            @RequestParam(required = false) @Nullable String org) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(curated.approveMessage(orgs.orgId(user, org), user.username(), messageId));
    }

    @PutMapping("/{id}")
    CuratedAnswer update(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable long id,
            @RequestBody CuratedAnswerInput input,
            @RequestParam(required = false) @Nullable String org) {
        return curated.update(orgs.orgId(user, org), user.username(), id, input).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String org) {
        if (!curated.delete(orgs.orgId(user, org), user.username(), id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static ApiProblem notFound(long id) {
        return ApiProblem.notFound("Curated answer " + id);
    }
}

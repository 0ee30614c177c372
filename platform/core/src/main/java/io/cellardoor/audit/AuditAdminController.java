package io.cellardoor.audit;

import io.cellardoor.identity.OrgScope;
import io.cellardoor.identity.StaffUser;
import io.cellardoor.web.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The org's audit log in the admin API; ORG_ADMIN and above (checked by the admin API's security chain). */
@RestController
@RequestMapping("/api/v1/admin/audit")
class AuditAdminController {

    private final AuditLog audit;
    private final OrgScope orgs;

    AuditAdminController(AuditLog audit, OrgScope orgs) {
        this.audit = audit;
        this.orgs = orgs;
    }

    /**
     * {@code GET /api/v1/admin/audit[?actor=U][&action=PREFIX][&from=D][&to=D][&before=ID][&limit=N]}: events newest
     * first. {@code from}/{@code to} are ISO instants ({@code 2026-11-23T08:00:00Z}) or dates ({@code 2026-11-23}, UTC;
     * {@code to} includes its day); {@code before} pages by id; {@code limit} 1..1000 (default 200). 400
     * {@code invalid-date} for an unreadable date.
     */
    @GetMapping
    List<AuditEvent> list(
            @AuthenticationPrincipal StaffUser user,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable Long before,
            @RequestParam(defaultValue = "200") int limit,
            @RequestParam(required = false) @Nullable String org) {
        Instant start = from == null || from.isBlank() ? Instant.EPOCH : instant(from, false);
        Instant end = to == null || to.isBlank() ? Instant.now().plusSeconds(60) : instant(to, true);
        return audit.list(
                orgs.orgId(user, org),
                new AuditLog.AuditQuery(start, end, blankToNull(actor), blankToNull(action), before, limit));
    }

    private static Instant instant(String text, boolean endOfDay) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(text.strip());
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw ApiProblem.invalid(
                        "invalid-date",
                        "Invalid date",
                        "'" + text + "' is neither an instant (2026-11-23T08:00:00Z) nor a date (2026-11-23).");
            }
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

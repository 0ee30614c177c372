package io.cellardoor.conversations;

import io.cellardoor.identity.OrgScope;
import io.cellardoor.identity.StaffUser;
import io.cellardoor.web.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Conversations in the admin API (VIEWER and above), scoped to the caller's org ({@link OrgScope}).
 *
 * <p>{@code GET /api/v1/admin/conversations?from&to&domain&feedback&unanswered&page&size}: {@code from}/{@code to} are
 * ISO dates (UTC days; {@code to} inclusive) or instants; {@code feedback} is {@code up}, {@code down} or {@code none};
 * {@code unanswered=true} keeps conversations with a declined message. 400 problem {@code invalid-filter} for anything
 * else. {@code GET /api/v1/admin/conversations/{id}}: the transcript, 404 when the org has no such conversation.
 */
@RestController
@RequestMapping("/api/v1/admin/conversations")
class ConversationAdminController {

    static final int MAX_PAGE_SIZE = 200;
    private static final Set<String> FEEDBACK = Set.of("up", "down", "none");

    private final ConversationReader conversations;
    private final OrgScope orgs;

    ConversationAdminController(ConversationReader conversations, OrgScope orgs) {
        this.conversations = conversations;
        this.orgs = orgs;
    }

    @GetMapping
    ConversationPage list(
            @AuthenticationPrincipal StaffUser user,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String domain,
            @RequestParam(required = false) @Nullable String feedback,
            @RequestParam(defaultValue = "false") String unanswered,
            @RequestParam(defaultValue = "0") String page,
            @RequestParam(defaultValue = "50") String size,
            @RequestParam(required = false) @Nullable String org) {
        long orgId = orgs.orgId(user, org);
        if (feedback != null && !FEEDBACK.contains(feedback)) {
            throw invalid("feedback must be one of up, down, none.");
        }
        if (!unanswered.equals("true") && !unanswered.equals("false")) {
            throw invalid("unanswered must be true or false.");
        }
        ConversationFilter filter = new ConversationFilter(
                instant(from, "from", false, Instant.EPOCH),
                instant(to, "to", true, Instant.parse("9999-12-31T00:00:00Z")),
                domain == null || domain.isBlank() ? null : domain.strip(),
                feedback,
                Boolean.parseBoolean(unanswered),
                integer(page, "page", 0, 1_000_000),
                integer(size, "size", 1, MAX_PAGE_SIZE));
        return conversations.list(orgId, filter);
    }

    @GetMapping("/{id}")
    Transcript transcript(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String org) {
        long orgId = orgs.orgId(user, org);
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("Conversation " + id);
        }
        return conversations.transcript(orgId, uuid).orElseThrow(() -> ApiProblem.notFound("Conversation " + id));
    }

    /** An ISO date (a UTC day; as an upper bound, the end of that day) or an ISO instant. */
    static Instant instant(@Nullable String text, String name, boolean upper, Instant absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (upper ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be an ISO date (2026-11-01) or instant (2026-11-01T09:00:00Z).");
        }
    }

    private static int integer(String text, String name, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(name + " must be a whole number in " + min + ".." + max + ".");
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.invalid("invalid-filter", "Invalid filter", detail);
    }
}

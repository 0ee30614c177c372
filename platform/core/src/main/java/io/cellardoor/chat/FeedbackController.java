package io.cellardoor.chat;

import io.cellardoor.chat.internal.ConversationStore;
import io.cellardoor.tenant.Site;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.web.ApiProblem;
import io.cellardoor.widget.VisitorTokens;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A visitor's thumbs up or down on an answer: {@code POST /api/v1/messages/{messageId}/feedback} -> 204. */
@RestController
class FeedbackController {

    static final int MAX_COMMENT_CHARS = 2000;

    /**
     * @param rating {@code up} or {@code down}
     * @param comment optional, at most 2000 characters
     */
    record Feedback(@Nullable String rating, @Nullable String comment) {}

    private final TenantService tenants;
    private final VisitorTokens tokens;
    private final ConversationStore conversations;

    FeedbackController(TenantService tenants, VisitorTokens tokens, ConversationStore conversations) {
        this.tenants = tenants;
        this.tokens = tokens;
        this.conversations = conversations;
    }

    @PostMapping("/api/v1/messages/{messageId}/feedback")
    ResponseEntity<Void> rate(
            @PathVariable long messageId,
            @RequestHeader(name = "X-Site-Key", required = false) @Nullable String siteKey,
            @RequestHeader(name = "X-Visitor-Token", required = false) @Nullable String visitorToken,
            @RequestBody Feedback feedback) {
        Site site = siteKey == null ? null : tenants.findSite(siteKey).orElse(null);
        if (site == null) {
            throw ApiProblem.unknownSiteKey();
        }
        if (!"up".equals(feedback.rating()) && !"down".equals(feedback.rating())) {
            throw ApiProblem.invalid("invalid-rating", "Invalid rating", "rating must be \"up\" or \"down\".");
        }
        String comment = feedback.comment() == null || feedback.comment().isBlank()
                ? null
                : io.cellardoor.privacy.PersonalDataMasker.mask(
                        feedback.comment().strip());
        if (comment != null && comment.length() > MAX_COMMENT_CHARS) {
            throw ApiProblem.tooLong(comment.length(), MAX_COMMENT_CHARS);
        }
        UUID visitor = visitorToken == null
                ? null
                : tokens.verify(visitorToken, site.id())
                        .map(VisitorTokens.Visitor::visitorId)
                        .orElse(null);
        if (!conversations.rate(site.orgId(), messageId, visitor, feedback.rating(), comment)) {
            throw ApiProblem.notFound("Message " + messageId);
        }
        return ResponseEntity.noContent().build();
    }
}

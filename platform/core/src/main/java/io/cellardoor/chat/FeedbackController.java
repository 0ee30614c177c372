package io.cellardoor.chat;

import io.cellardoor.chat.internal.ConversationStore;
import io.cellardoor.tenant.Site;
import io.cellardoor.web.ApiProblem;
import io.cellardoor.widget.WidgetCaller;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    private final ConversationStore conversations;

    FeedbackController(ConversationStore conversations) {
        this.conversations = conversations;
    }

    @PostMapping("/api/v1/messages/{messageId}/feedback")
    ResponseEntity<Void> rate(@PathVariable long messageId, WidgetCaller caller, @RequestBody Feedback feedback) {
        Site site = caller.site();
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
        UUID visitor = caller.visitorId();
        if (!conversations.rate(site.orgId(), messageId, visitor, feedback.rating(), comment)) {
            throw ApiProblem.notFound("Message " + messageId);
        }
        return ResponseEntity.noContent().build();
    }
}

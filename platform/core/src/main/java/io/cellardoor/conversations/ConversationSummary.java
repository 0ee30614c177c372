package io.cellardoor.conversations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conversation in the list, with figures over all its messages.
 *
 * @param id conversation id
 * @param startedAt when it began
 * @param lastMessageAt when its latest message was asked
 * @param messages number of messages (turns)
 * @param firstQuestion the first question asked
 * @param domains the domains its messages were routed to, sorted
 * @param unanswered messages the platform declined
 * @param feedbackUp messages rated up
 * @param feedbackDown messages rated down
 */
public record ConversationSummary(
        UUID id,
        Instant startedAt,
        Instant lastMessageAt,
        int messages,
        String firstQuestion,
        List<String> domains,
        int unanswered,
        int feedbackUp,
        int feedbackDown) {}

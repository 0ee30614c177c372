package io.cellardoor.handoff;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A question a visitor left for the team, with an email address to answer to.
 *
 * @param id request id
 * @param conversationId the chat it came from, or null
 * @param question the visitor's question
 * @param email where to answer
 * @param name how the visitor introduced themselves, or null
 * @param status {@code open}, {@code assigned} or {@code resolved}
 * @param createdAt when it was left
 * @param visitorId the anonymous visitor who left it (from the widget's visitor token), or null
 */
public record HandoffRequest(
        long id,
        @Nullable UUID conversationId,
        String question,
        String email,
        @Nullable String name,
        String status,
        Instant createdAt,
        @Nullable UUID visitorId) {}

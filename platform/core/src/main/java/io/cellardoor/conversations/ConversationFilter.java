package io.cellardoor.conversations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which conversations to list: those with at least one message matching every given filter.
 *
 * @param from messages at or after this instant
 * @param to messages before this instant
 * @param domain messages routed to this domain id, or null for any
 * @param feedback {@code up}, {@code down}, {@code none} (not rated), or null for any
 * @param unanswered only messages the platform declined
 * @param page 0-based page
 * @param size conversations per page, 1..200
 */
public record ConversationFilter(
        Instant from,
        Instant to,
        @Nullable String domain,
        @Nullable String feedback,
        boolean unanswered,
        int page,
        int size) {}

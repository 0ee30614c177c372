package io.cellardoor.chat;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/chat} and {@code /api/v1/chat/stream}.
 *
 * @param message the visitor's question, 1..2000 characters, not blank
 * @param conversationId the conversation to continue, or null to start one
 * @param cache {@code false} skips the semantic cache for this turn; honoured only with a staff bearer token of the
 *     site's org (ORG_ADMIN and up), ignored otherwise; null or true use the cache
 */
public record ChatRequest(
        @Nullable String message,
        @Nullable UUID conversationId,
        @Nullable Boolean cache) {

    /** A request that uses the cache. */
    public ChatRequest(@Nullable String message, @Nullable UUID conversationId) {
        this(message, conversationId, null);
    }

    /** This request with the cache setting dropped (the caller may not bypass it). */
    public ChatRequest withoutCacheSetting() {
        return cache == null ? this : new ChatRequest(message, conversationId, null);
    }
}

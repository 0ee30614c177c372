package io.cellardoor.chat;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/chat} and {@code /api/v1/chat/stream}.
 *
 * @param message the visitor's question, 1..2000 characters, not blank
 * @param conversationId the conversation to continue, or null to start one
 */
public record ChatRequest(
        @Nullable String message, @Nullable UUID conversationId) {}

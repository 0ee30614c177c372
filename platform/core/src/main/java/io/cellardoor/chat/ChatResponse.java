package io.cellardoor.chat;

import io.cellardoor.answer.Citation;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Answer of {@code POST /api/v1/chat}.
 *
 * @param conversationId the conversation this turn belongs to (new when the request had none)
 * @param messageId id of the stored turn, for feedback ({@code POST /api/v1/messages/{messageId}/feedback})
 * @param answer the answer, light markdown
 * @param answered false when the platform declined (it does not know, or the request is out of scope)
 * @param domain the domain the question was routed to ({@code general} when no plugin claimed it)
 * @param citations the documents the answer used, most relevant first, at most 5
 * @param usage how the answer was produced
 */
public record ChatResponse(
        UUID conversationId,
        long messageId,
        String answer,
        boolean answered,
        String domain,
        List<Citation> citations,
        Usage usage) {

    /**
     * @param generator {@code extractive}, {@code llm} or {@code direct} (a plugin answered from structured facts)
     * @param inputTokens prompt tokens the language model counted, 0 without one
     * @param outputTokens completion tokens the language model counted, 0 without one
     * @param latencyMs server time for the turn in milliseconds
     * @param costUsd what the turn's model calls cost (answer and condense), USD; 0 without a model
     */
    public record Usage(String generator, int inputTokens, int outputTokens, long latencyMs, BigDecimal costUsd) {}
}

package io.cellardoor.conversations;

import io.cellardoor.answer.Citation;
import io.cellardoor.plugin.Classification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One turn of a transcript as stored.
 *
 * @param id message id
 * @param conversationId its conversation
 * @param question the visitor's question
 * @param answer the answer given
 * @param answered false when the platform declined
 * @param domain the domain it was routed to
 * @param generator {@code extractive}, {@code llm}, {@code direct}, {@code cache}, {@code curated} or {@code guard}
 * @param citations the sources shown with the answer
 * @param classification every plugin's score and evidence
 * @param confidence the generator's confidence in [0, 1] (cache and curated: question similarity)
 * @param latencyMs time to answer, milliseconds
 * @param feedback {@code up}, {@code down} or null
 * @param feedbackComment the visitor's comment with the rating, or null
 * @param createdAt when it was asked
 */
public record TranscriptMessage(
        long id,
        UUID conversationId,
        String question,
        String answer,
        boolean answered,
        String domain,
        String generator,
        List<Citation> citations,
        Classification classification,
        double confidence,
        int latencyMs,
        @Nullable String feedback,
        @Nullable String feedbackComment,
        Instant createdAt) {}

package io.cellardoor.curated;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An answer an editor approved or wrote for a question.
 *
 * @param id id
 * @param question the question as the editor gave it
 * @param answer the answer, markdown
 * @param documentPath the cited document's path relative to the knowledge folder, or null for no citation
 * @param approvedBy username of the editor who last wrote or approved it
 * @param hits how many chat questions got it
 * @param lastHitAt when a chat question last got it, or null
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record CuratedAnswer(
        long id,
        String question,
        String answer,
        @Nullable String documentPath,
        String approvedBy,
        long hits,
        @Nullable Instant lastHitAt,
        Instant createdAt,
        Instant updatedAt) {}

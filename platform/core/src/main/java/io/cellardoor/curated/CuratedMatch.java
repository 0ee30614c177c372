package io.cellardoor.curated;

import org.jspecify.annotations.Nullable;

/**
 * A curated answer close enough to a chat question.
 *
 * @param id the curated answer's id
 * @param question its question
 * @param answer its answer, markdown
 * @param documentPath the document it cites, or null
 * @param similarity cosine similarity between the chat question and the curated question, in [-1, 1]
 */
public record CuratedMatch(
        long id, String question, String answer, @Nullable String documentPath, double similarity) {}

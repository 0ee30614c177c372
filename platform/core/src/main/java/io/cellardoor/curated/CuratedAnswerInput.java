package io.cellardoor.curated;

import org.jspecify.annotations.Nullable;

/**
 * What an editor writes: the question, the answer (markdown, at most 20000 characters) and, optionally, the path of
 * the org's document it cites.
 */
public record CuratedAnswerInput(
        @Nullable String question,
        @Nullable String answer,
        @Nullable String documentPath) {}

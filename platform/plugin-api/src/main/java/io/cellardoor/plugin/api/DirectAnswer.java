package io.cellardoor.plugin.api;

import java.util.List;

/**
 * An answer a handler composed from structured facts.
 *
 * @param text the answer, plain text or light markdown, at most a few sentences
 * @param sourcePaths paths of the documents the facts came from (cited), at least one
 * @param confidence in [0, 1]; the host uses the answer only above its confidence threshold
 */
public record DirectAnswer(String text, List<String> sourcePaths, double confidence) {

    /** Throws IllegalArgumentException when the text is blank, no source is given or confidence is outside [0, 1]. */
    public DirectAnswer {
        if (text.isBlank()) {
            throw new IllegalArgumentException("direct answer text is blank");
        }
        if (sourcePaths.isEmpty()) {
            throw new IllegalArgumentException("a direct answer cites at least one source");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
        sourcePaths = List.copyOf(sourcePaths);
    }
}

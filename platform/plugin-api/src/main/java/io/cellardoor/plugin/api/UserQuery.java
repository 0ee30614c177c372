package io.cellardoor.plugin.api;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A visitor's question as the host hands it to plugins.
 *
 * @param text the question as typed, 1 to 2000 characters, not blank
 * @param language ISO 639-1 code the host detected, e.g. {@code en} or {@code fr}
 */
public record UserQuery(String text, String language) {

    /** Throws IllegalArgumentException when the text is blank. */
    public UserQuery {
        if (text.isBlank()) {
            throw new IllegalArgumentException("query text is blank");
        }
    }

    /** Lower-cased text with accents removed and runs of non-letters/digits collapsed to one space. */
    public String normalized() {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return folded.replaceAll("[^\\p{L}\\p{N}$']+", " ").trim();
    }

    /** The words of {@link #normalized()}, in order. */
    public List<String> words() {
        String n = normalized();
        return n.isEmpty() ? List.of() : Arrays.asList(n.split(" "));
    }
}

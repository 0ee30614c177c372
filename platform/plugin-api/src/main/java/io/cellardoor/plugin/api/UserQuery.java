package io.cellardoor.plugin.api;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A visitor's question as the host hands it to plugins.
 *
 * @param text the standalone question, 1 to 2000 characters, not blank: as typed, or, for a follow-up, with what it
 *     refers to from the conversation appended ("how much is it? 2022 Farmhouse Cabernet Franc")
 * @param language ISO 639-1 code the host detected, e.g. {@code en} or {@code fr}
 * @param focus what the visitor typed this turn (equal to {@code text} when nothing was carried over), since 1.2.0
 */
public record UserQuery(String text, String language, String focus) {

    /** Throws IllegalArgumentException when the text is blank. */
    public UserQuery {
        if (text.isBlank()) {
            throw new IllegalArgumentException("query text is blank");
        }
        if (focus.isBlank()) {
            focus = text;
        }
    }

    /** A question that carries nothing from earlier turns. */
    public UserQuery(String text, String language) {
        this(text, language, text);
    }

    /**
     * {@link #normalized()} of the {@link #focus()}: what to read when only this turn's words matter (is it a list
     * question?), while names may come from the carried part.
     *
     * @since 1.2.0
     */
    public String normalizedFocus() {
        return new UserQuery(focus, language).normalized();
    }

    /**
     * The price limit this turn's words set ("any reds under $40?"), read from the {@link #focus()}: a bound carried
     * over from an earlier turn is not this turn's.
     *
     * @return empty when the visitor set none
     * @since 1.3.0
     */
    public Optional<PriceBound> priceBound() {
        return PriceBound.in(focus);
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

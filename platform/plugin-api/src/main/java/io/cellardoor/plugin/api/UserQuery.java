package io.cellardoor.plugin.api;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A visitor's question as the host hands it to plugins.
 *
 * @param text the standalone question, 1 to 2000 characters, not blank: as typed, or, for a follow-up, with what it
 *     refers to from the conversation appended ("how much is it? 2022 Farmhouse Cabernet Franc")
 * @param language ISO 639-1 code the host detected, e.g. {@code en} or {@code fr}
 * @param focus what the visitor typed this turn (equal to {@code text} when nothing was carried over), since 1.2.0
 */
public record UserQuery(String text, String language, String focus) {

    /**
     * Words asking what something costs, in English, Spanish and French, over {@link #normalized()} text (lower case,
     * no accents): one list for every plugin and the host, so "do you charge for it?" is a price question wherever it is
     * read. For a classifier's rule, use its {@link Pattern#pattern()}; for a question, {@link #asksPrice()}.
     *
     * @since 1.5.0
     */
    public static final Pattern PRICE_ASKED = Pattern.compile("\\b(how much|prices?|priced|pricing|pricey|pricy|"
            + "pric(ier|iest)|costs?|costly|fees?|(?<!in )charges?|charged|expensive|cheap(er|est)?|spendy|afford\\w*|"
            + "pay (for|to|less|more)|to pay|per person|rates?|cuanto (cuesta|cuestan|vale|valen|es|son|cobran|por)|cuesta|"
            + "cuestan|cobran|precios?|tarifas?|pagar|car[oa]s?|barat[oa]s?|combien (coute|coutent|ca|c'?\\s?est|est|pour)|c'?\\s?est combien|"
            + "coute|coutent|prix|tarifs?|payer|cher|chere)\\b");

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

    /**
     * Whether the standalone {@link #text()} asks what something costs: "how much", "price", "cost", "fee", "do you
     * charge", "what would I pay for", "pricey", "cheap", "¿cuánto cuesta?", "combien coûte", "prix". A follow-up carries
     * an earlier turn's price question this way; read {@code new UserQuery(query.focus(), query.language())} for this
     * turn's words alone. A price limit ("under $40") is {@link #priceBound()}, not this.
     *
     * @since 1.5.0
     */
    public boolean asksPrice() {
        return PRICE_ASKED.matcher(normalized()).find();
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

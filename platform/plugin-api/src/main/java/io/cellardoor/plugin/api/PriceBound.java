package io.cellardoor.plugin.api;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A limit on price a question sets: "under $40", "less than 35 dollars", "up to $20", "at least $50", "menos de 30
 * dólares", "moins de 30 $". An amount needs a dollar sign or a currency word to be a price: "kids under 12" sets none.
 * Read it with {@link UserQuery#priceBound()}.
 *
 * @param amount the limit in dollars
 * @param below whether prices must be under it (else over it)
 * @param inclusive whether the limit itself is within ("up to $40", "at least $40")
 * @since 1.3.0
 */
public record PriceBound(double amount, boolean below, boolean inclusive) {

    private static final Pattern BOUND = Pattern.compile("\\b(?:(under|below|less than|cheaper than|lower than|"
            + "menos de|por debajo de|moins de|en dessous de)|(up to|at most|no more than|not more than|max|maximum|"
            + "within|hasta)|(over|above|more than|at least|mas de|plus de))\\s+(?:(\\$)\\s?)?(\\d{1,5})"
            + "(?!\\d)\\s?(\\$|dollars?|bucks|usd|dolares)?");

    /**
     * The first price limit a text sets, read case- and accent-insensitively.
     *
     * @param text any question text, e.g. {@link UserQuery#focus()}
     * @return empty when the text sets no limit, or its amount has no currency
     */
    public static Optional<PriceBound> in(String text) {
        return first(fold(text)).map(m -> {
            boolean above = m.group(3) != null;
            boolean atMost = m.group(2) != null;
            boolean atLeast = above && m.group(3).startsWith("at least");
            return new PriceBound(Double.parseDouble(m.group(5)), !above, atMost || atLeast);
        });
    }

    /**
     * The text with the first price limit it sets taken out, to read what the limit is put on ("any hats under $30?" ->
     * "any hats ?"): the same limit {@link #in(String)} reads, on the same folded text.
     *
     * @param text any question text
     * @return the text lower-cased and accent-folded as {@link #in(String)} reads it, the limit's words and amount
     *     replaced by a space (runs of spaces made one); folded but otherwise whole when it sets no limit
     * @since 1.4.0
     */
    public static String without(String text) {
        String folded = fold(text);
        return first(folded)
                .map(m -> (folded.substring(0, m.start()) + " " + folded.substring(m.end()))
                        .replaceAll("\\s+", " ")
                        .strip())
                .orElse(folded);
    }

    /** The first limit of a folded text whose amount has a currency: a dollar sign or a currency word. */
    private static Optional<Matcher> first(String folded) {
        Matcher m = BOUND.matcher(folded);
        while (m.find()) {
            if (m.group(4) != null || m.group(6) != null) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static String fold(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
    }

    /** Whether a price in dollars is within the bound. */
    public boolean admits(double price) {
        return below ? (inclusive ? price <= amount : price < amount) : (inclusive ? price >= amount : price > amount);
    }

    /** The bound in English words: "under $40", "$40 or less", "over $40", "$40 or more". */
    public String said() {
        String dollars = "$" + (amount == Math.rint(amount) ? String.valueOf((long) amount) : String.valueOf(amount));
        return inclusive ? dollars + (below ? " or less" : " or more") : (below ? "under " : "over ") + dollars;
    }
}

package io.cellardoor.plugins.wine;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Word-level helpers for matching casual queries against page titles. */
final class Words {

    /** Words that carry no wine name: function words, price words and casual filler (English, some French/Spanish). */
    static final Set<String> FILLER = Set.of(
            "a",
            "an",
            "the",
            "is",
            "are",
            "was",
            "be",
            "of",
            "for",
            "on",
            "in",
            "at",
            "to",
            "and",
            "or",
            "with",
            "your",
            "you",
            "u",
            "ya",
            "yall",
            "y",
            "do",
            "does",
            "did",
            "have",
            "has",
            "got",
            "i",
            "me",
            "my",
            "we",
            "us",
            "our",
            "can",
            "could",
            "would",
            "will",
            "get",
            "please",
            "pls",
            "plz",
            "tell",
            "it",
            "its",
            "s",
            "this",
            "that",
            "these",
            "those",
            "there",
            "here",
            "any",
            "some",
            "what",
            "whats",
            "which",
            "how",
            "much",
            "many",
            "one",
            "ones",
            "now",
            "currently",
            "still",
            "hey",
            "hi",
            "hello",
            "thanks",
            "just",
            "know",
            "want",
            "wanna",
            "need",
            "sell",
            "buy",
            "price",
            "prices",
            "priced",
            "pricing",
            "cost",
            "costs",
            "dollars",
            "bucks",
            "charge",
            "pay",
            "pricey",
            "pricy",
            "prix",
            "combien",
            "coute",
            "cuanto",
            "cuesta",
            "precio",
            "el",
            "la",
            "le",
            "les",
            "de",
            "du",
            "un",
            "una",
            "une",
            "es",
            "est",
            "vous",
            "avez",
            "tienen",
            "wine",
            "wines",
            "vino",
            "vin",
            "bottle",
            "bottles",
            "again",
            "about",
            "like",
            "right",
            "ok",
            "okay");

    private Words() {}

    /** Lower-cased, accent-free words of the text, split on anything that is not a letter or digit. */
    static List<String> of(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /** Whether two words are the same up to a plural ending ({@code rose/roses}, {@code glass/glasses}). */
    static boolean same(String a, String b) {
        return a.equals(b) || pluralOf(a, b) || pluralOf(b, a);
    }

    /** Whether the word is a number, e.g. a vintage. */
    static boolean isNumber(String word) {
        return word.chars().allMatch(Character::isDigit);
    }

    /** Items as one phrase: "a", "a and b", "a, b and c"; at least one item. */
    static String joined(List<String> items) {
        return items.size() == 1
                ? items.getFirst()
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    private static boolean pluralOf(String one, String many) {
        return many.equals(one + "s")
                || many.equals(one + "es")
                || one.endsWith("y") && many.equals(one.substring(0, one.length() - 1) + "ies");
    }
}

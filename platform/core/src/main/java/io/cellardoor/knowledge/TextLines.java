package io.cellardoor.knowledge;

import java.util.Arrays;
import java.util.regex.Pattern;

/** What a line of a knowledge document's text is, as the chunker and the extractive answers need to know it. */
public final class TextLines {

    /** One to three words, the first capitalised, no digits, nothing closing the line ("Tasting notes"). */
    private static final Pattern LABEL = Pattern.compile("\\p{Lu}[\\p{L}'&-]*(\\s+[\\p{L}'&-]+){0,2}");

    private TextLines() {}

    /**
     * Whether a line is only a label naming the text after it: a pseudo-heading of a page converted from HTML ("Tasting
     * notes", "**Wine Information**"), not a sentence ("Open daily."), a fact ("Price: $30.00", "Route 9G") or a
     * line announcing a list ("Directions:").
     */
    public static boolean isLabel(String line) {
        String text = line.replace("**", "").strip();
        return LABEL.matcher(text).matches();
    }

    /**
     * Whether a line is a label with every word capitalised, a colon allowed after it ("WINE NOTES", "Tasting Notes:"):
     * a heading in disguise that says nothing by itself.
     */
    public static boolean isCapitalisedLabel(String line) {
        String text = line.replace("**", "").strip().replaceFirst(":$", "");
        return isLabel(text) && Arrays.stream(text.split("\\s+")).allMatch(w -> Character.isUpperCase(w.charAt(0)));
    }
}

package io.cellardoor.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The initials a text's names can be written as, for the acronyms visitors type: "nyc" for "New York City", "cia" for
 * "The Culinary Institute of America", "fdr" for "Franklin D. Roosevelt". A name is a run of capitalised words, with the
 * small words a name may hold between them ("of", "the", "and", "&", ...); its initials are those of any 2 to
 * {@value #MAX_WORDS} neighbouring capitalised words of it, small words skipped, in lower case. Generic: no list of
 * acronyms, only the text's own names.
 */
public final class Initials {

    /** The most neighbouring capitalised words one set of initials stands for. */
    public static final int MAX_WORDS = 5;

    private static final Pattern NAME = Pattern.compile(
            "\\p{Lu}[\\p{L}'’.-]*(?:[ \\t]+(?:(?:of|the|and|&|for|on|at|de|du|la)[ \\t]+)?\\p{Lu}[\\p{L}'’.-]*)+");
    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}'’.-]*");

    private Initials() {}

    /**
     * All initials of the text's names.
     *
     * @param text any text, e.g. a chunk with its title and headings
     * @return initials of 2 to {@value #MAX_WORDS} letters (lower case), in order of first appearance, without repeats
     */
    public static Set<String> of(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher name = NAME.matcher(text);
        while (name.find()) {
            List<String> letters = new ArrayList<>();
            Matcher word = NAME_WORD.matcher(name.group());
            while (word.find()) {
                letters.add(word.group().substring(0, 1).toLowerCase(Locale.ROOT));
            }
            for (int from = 0; from < letters.size() - 1; from++) {
                StringBuilder spelt = new StringBuilder(letters.get(from));
                for (int to = from + 1; to < letters.size() && to - from < MAX_WORDS; to++) {
                    spelt.append(letters.get(to));
                    out.add(spelt.toString());
                }
            }
        }
        return out;
    }
}

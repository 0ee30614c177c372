package io.cellardoor.text;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Chat shorthand of English ("r u open this wknd?", "hw much is it", "do yall do weddings") and the words it stands
 * for: generic English, not any business's vocabulary. Every shorthand word matches what it {@linkplain #standsFor
 * stands for} ({@link Vocabulary}); the ones no question word list knows ("hw", "yall", "wknd") are also
 * {@linkplain #spelledOut spelled out} in an English question before anything reads it (plugins, question shapes,
 * search). Shorthand those lists read already ("u", "r", "whats", "hrs") stays as typed: spelling it out would change
 * nothing but the question's embedding.
 *
 * <p>Only shorthand that means one thing: "4" (for? four?) and "2" alone are not here; "2nite" and "2day" are.
 */
public final class ChatShorthand {

    /** Shorthand (folded, lower case) -> the words it stands for. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("u", "you"),
            Map.entry("r", "are"),
            Map.entry("ur", "your"),
            Map.entry("yall", "you all"),
            Map.entry("hw", "how"),
            Map.entry("wat", "what"),
            Map.entry("wut", "what"),
            Map.entry("wht", "what"),
            Map.entry("whats", "what is"),
            Map.entry("wats", "what is"),
            Map.entry("wheres", "where is"),
            Map.entry("whens", "when is"),
            Map.entry("hows", "how is"),
            Map.entry("whos", "who is"),
            Map.entry("hrs", "hours"),
            Map.entry("hr", "hour"),
            Map.entry("mins", "minutes"),
            Map.entry("wknd", "weekend"),
            Map.entry("wkend", "weekend"),
            Map.entry("tmrw", "tomorrow"),
            Map.entry("tmrow", "tomorrow"),
            Map.entry("tmr", "tomorrow"),
            Map.entry("tonite", "tonight"),
            Map.entry("2nite", "tonight"),
            Map.entry("2night", "tonight"),
            Map.entry("2day", "today"),
            Map.entry("2moro", "tomorrow"),
            Map.entry("2morrow", "tomorrow"),
            Map.entry("bday", "birthday"),
            Map.entry("ppl", "people"),
            Map.entry("pls", "please"),
            Map.entry("plz", "please"),
            Map.entry("thx", "thanks"),
            Map.entry("abt", "about"),
            Map.entry("diff", "difference"),
            Map.entry("rez", "reservation"),
            Map.entry("tix", "tickets"),
            Map.entry("rd", "road"),
            Map.entry("frm", "from"),
            Map.entry("wen", "when"),
            Map.entry("lng", "long"),
            Map.entry("hv", "have"));

    /**
     * Question words mistyped -> the question word: always spelled out, as the spelling corrector mends the words of the
     * pages, not these.
     */
    private static final Map<String, String> MISTYPED = Map.of(
            "hiw", "how", "hwo", "how", "waht", "what", "whta", "what", "wehre", "where", "whre", "where", "whn",
            "when");

    /** {@link #WORDS} and {@link #MISTYPED} as word lists, for {@link #standsFor}. */
    private static final Map<String, List<String>> STANDS_FOR = java.util.stream.Stream.concat(
                    WORDS.entrySet().stream(), MISTYPED.entrySet().stream())
            .collect(Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, e -> List.of(e.getValue().split(" "))));

    /** The shorthand spelled out in a question: words no stop word list or question pattern reads. */
    private static final Set<String> SPELLED = Set.of(
            "hw", "yall", "wknd", "wkend", "tmrw", "tmrow", "tmr", "tonite", "2nite", "2night", "2day", "2moro",
            "2morrow", "bday", "ppl", "abt", "rez", "tix", "frm", "wen", "lng", "hv", "diff");

    /** A word of the table, as typed: letters, "y'all" and "ya'll" with their apostrophe, "2nite" with its digit. */
    private static final Pattern WORD = Pattern.compile(
            "(?<![\\p{L}\\p{N}'’.])((?i:y['’]all|ya['’]ll)|\\p{L}+|2\\p{L}{3,})(?![\\p{L}\\p{N}'’]|\\.\\p{L})");

    private ChatShorthand() {}

    /**
     * The question with each shorthand word no question word list reads replaced by the words it stands for ("hw much
     * r the tix this wknd" -> "how much r the tix this weekend"); every other character kept as typed.
     *
     * @param question an English question, any length
     * @return the same string when it holds no shorthand
     */
    public static String spelledOut(String question) {
        Matcher m = WORD.matcher(question);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String typed = m.group(1);
            String key = key(typed);
            String words = MISTYPED.getOrDefault(key, SPELLED.contains(key) ? WORDS.get(key) : null);
            // all capitals is an acronym ("HW"), not chat
            if (words == null || typed.equals(typed.toUpperCase(Locale.ROOT))) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(question.length() + 16);
            }
            out.append(question, last, m.start(1)).append(words);
            last = m.end(1);
        }
        return out == null
                ? question
                : out.append(question, last, question.length()).toString();
    }

    /**
     * The words a folded shorthand word stands for ({@code wknd} -> [weekend]).
     *
     * @return empty for a word that is no shorthand
     */
    public static List<String> standsFor(String foldedWord) {
        return STANDS_FOR.getOrDefault(foldedWord, List.of());
    }

    private static String key(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT).replace('’', '\'');
        return lower.equals("y'all") || lower.equals("ya'll") ? "yall" : lower;
    }
}

package io.cellardoor.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English terms for matching questions to passages: Lucene's {@link EnglishAnalyzer} (stop words removed,
 * Porter stems) over accent-folded text, with a small vocabulary of visitor shorthand expanded first
 * ("cab" also means "cabernet", "pup" also "dog"). Thread-safe.
 */
@org.springframework.stereotype.Component
public final class TermAnalyzer {

    /** Shorthand and casual words a visitor types, mapped to the words knowledge pages use. */
    private static final Map<String, String> EXPANSIONS = Map.ofEntries(
            Map.entry("cab", "cabernet"),
            Map.entry("sauv", "sauvignon"),
            Map.entry("bdx", "bordeaux blend"),
            Map.entry("bubbly", "sparkling"),
            Map.entry("u", "you"),
            Map.entry("ur", "your"),
            Map.entry("rd", "road"),
            Map.entry("st", "street"),
            Map.entry("pup", "dog pet"),
            Map.entry("puppy", "dog pet"),
            Map.entry("doggy", "dog pet"),
            Map.entry("dogs", "dog pet"),
            Map.entry("pets", "pet dog"),
            Map.entry("kids", "children"),
            Map.entry("storms", "rain weather"),
            Map.entry("storm", "rain weather"),
            Map.entry("raining", "rain weather"),
            Map.entry("vows", "ceremony wedding"),
            Map.entry("married", "wedding"),
            Map.entry("marry", "wedding"),
            Map.entry("wifi", "wifi internet"),
            Map.entry("hrs", "hours"),
            Map.entry("bday", "birthday"),
            Map.entry("birds", "bird"),
            Map.entry("feathered", "bird"),
            Map.entry("thieves", "pest"),
            Map.entry("pecking", "bird damage"),
            Map.entry("buddy", "friend"),
            Map.entry("pal", "friend"),
            Map.entry("whos", "who"),
            Map.entry("whats", "what"),
            Map.entry("cost", "price cost"),
            Map.entry("horaires", "hours open"),
            Map.entry("ouverts", "open"),
            Map.entry("ouvert", "open"),
            Map.entry("horario", "hours open"),
            Map.entry("abierto", "open"),
            Map.entry("cooking", "chef cook"),
            Map.entry("cook", "chef"),
            Map.entry("cooks", "chef"));

    /** Lucene's English stop words plus the function words and fillers of visitors' questions. */
    private static final CharArraySet STOP_WORDS;

    static {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        set.addAll(List.of(
                "i",
                "me",
                "my",
                "mine",
                "we",
                "us",
                "our",
                "you",
                "your",
                "yours",
                "he",
                "him",
                "his",
                "she",
                "her",
                "its",
                "them",
                "what",
                "which",
                "who",
                "whom",
                "whose",
                "when",
                "where",
                "why",
                "how",
                "do",
                "does",
                "did",
                "done",
                "doing",
                "can",
                "could",
                "would",
                "should",
                "may",
                "might",
                "must",
                "shall",
                "have",
                "has",
                "had",
                "am",
                "been",
                "being",
                "get",
                "got",
                "gets",
                "getting",
                "much",
                "many",
                "any",
                "anything",
                "something",
                "some",
                "also",
                "just",
                "actually",
                "really",
                "very",
                "so",
                "too",
                "about",
                "tell",
                "told",
                "know",
                "want",
                "like",
                "please",
                "thanks",
                "thank",
                "hi",
                "hello",
                "hey",
                "guys",
                "guy",
                "because",
                "here",
                "one",
                "from",
                "up",
                "out",
                "all",
                "more",
                "most",
                "able",
                "need",
                "keep",
                "keeps",
                "trying",
                "try",
                "right",
                "there",
                "s",
                "t",
                "m",
                "re",
                "ve",
                "ll",
                "d",
                "whats",
                "whos",
                "im",
                "yes",
                "ok",
                "okay",
                "now",
                "then",
                "than",
                "only",
                "even",
                "still",
                "again",
                "other",
                "each",
                "own",
                "same"));
        STOP_WORDS = CharArraySet.unmodifiableSet(set);
    }

    private final Analyzer analyzer = new EnglishAnalyzer(STOP_WORDS);

    /** Lower-cases, removes accents and turns everything but letters, digits and {@code $} into spaces. */
    public static String fold(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return folded.replaceAll("[^\\p{L}\\p{N}$]+", " ").trim();
    }

    /** The text with each shorthand word followed by its expansion, e.g. "reserve cab" -> "reserve cab cabernet". */
    public String expand(String text) {
        StringBuilder sb = new StringBuilder();
        for (String word : fold(text).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            sb.append(word).append(' ');
            String more = EXPANSIONS.get(word);
            if (more != null) {
                sb.append(more).append(' ');
            }
        }
        return sb.toString().trim();
    }

    /**
     * The question's content words as groups of alternative terms: each word's stem together with the stems of
     * its expansion ("pup" -> {pup, dog, pet}); stop words give no group.
     */
    public List<Set<String>> termGroups(String question) {
        List<Set<String>> groups = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String word : fold(question).split(" ")) {
            Set<String> group = new LinkedHashSet<>(termList(word));
            if (group.isEmpty()) {
                continue;
            }
            String more = EXPANSIONS.get(word);
            if (more != null) {
                group.addAll(termList(more));
            }
            if (seen.addAll(group)) {
                groups.add(group);
            }
        }
        return groups;
    }

    /** Stemmed terms of the text without stop words, in order of first appearance, without repeats. */
    public Set<String> terms(String text) {
        return new LinkedHashSet<>(termList(text));
    }

    /** Stemmed terms of the text without stop words, in order, with repeats. */
    public List<String> termList(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", fold(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

package io.cellardoor.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English terms for matching questions to passages: Lucene's {@link EnglishAnalyzer} (stop words removed,
 * Porter stems) over accent-folded text, with visitors' words expanded first by the {@link Vocabulary} the domain
 * plugins contribute ("cab" also means "cabernet" when the wine plugin says so). Thread-safe.
 */
@org.springframework.stereotype.Component
public final class TermAnalyzer {

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
    private final Vocabulary vocabulary;

    /** @param vocabulary visitors' words for the pages' words, contributed by the domain plugins */
    public TermAnalyzer(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

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
            for (String more : vocabulary.alternatives(word)) {
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
            for (String more : vocabulary.alternatives(word)) {
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

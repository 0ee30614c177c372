package io.cellardoor.chat.internal;

import io.cellardoor.retrieval.KeywordIndex;
import io.cellardoor.text.CorpusStatistics;
import io.cellardoor.text.TermAnalyzer;
import io.cellardoor.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Misspelt words of an English question corrected to the org's own words before anything reads it ("how much for a
 * tastin" -> "... tasting", "what's your adress?" -> "... address"): the plugins' classifiers, the question's shape,
 * the search and the answer all need the word the pages use. A word is corrected when it has four letters or more, the
 * org's chunks never use it, it is no stop word, no word the plugins' vocabulary knows ("cab", "bdx"), no English word
 * WordNet lists, names included ("wife" is no misspelt "wine", "Florida" no "flora", "Riesling" no "resting"), and not
 * written with a capital inside the sentence (a name); the correction is the closest word of the org's keyword index
 * ({@link KeywordIndex#correction}), one edit away. Without the index (off, not ready) the question is read as typed.
 * Thread-safe.
 */
@Component
public class QuestionSpelling {

    /** A word of letters only, not part of an address, a path or a contraction. */
    private static final Pattern WORD =
            Pattern.compile("(?<![\\p{L}\\p{N}'’@./_-])\\p{L}{4,}(?![\\p{L}\\p{N}'’@_-]|\\.\\p{L})");
    /** Where a sentence starts: the text's start, or after a sentence's end mark and spaces. */
    private static final Pattern SENTENCE_START = Pattern.compile("(^|[.!?¡¿]\\s*)$");

    private final KeywordIndex index;
    private final CorpusStatistics corpus;
    private final TermAnalyzer analyzer;
    private final Vocabulary vocabulary;

    QuestionSpelling(KeywordIndex index, CorpusStatistics corpus, TermAnalyzer analyzer, Vocabulary vocabulary) {
        this.index = index;
        this.corpus = corpus;
        this.analyzer = analyzer;
        this.vocabulary = vocabulary;
    }

    /**
     * An English question with its misspelt words corrected.
     *
     * @param text the question as the visitor's shorthand was spelled out, any length
     * @param corrections each correction as {@code "typed -> corrected"}, in the question's order; empty when none
     */
    public record Corrected(String text, List<String> corrections) {

        /** A question read as typed. */
        public static Corrected asTyped(String text) {
            return new Corrected(text, List.of());
        }
    }

    /**
     * Corrects the misspelt words of an English question (call only for English).
     *
     * @param orgId whose chunks and index the words are checked against
     */
    public Corrected correct(long orgId, String question) {
        CorpusStatistics.Stats stats = corpus.of(orgId);
        Matcher m = WORD.matcher(question);
        StringBuilder out = null;
        List<String> corrections = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            String typed = m.group();
            Optional<String> corrected = misspelt(stats, question, m.start(), typed)
                    ? index.correction(orgId, TermAnalyzer.fold(typed))
                    : Optional.empty();
            if (corrected.isEmpty()
                    || !corrected.get().chars().allMatch(Character::isLetter)
                    || TermAnalyzer.fold(typed).equals(corrected.get() + "y")) {
                continue; // "oaky", "jammy": an adjective of the page's noun, not a misspelling of it
            }
            if (out == null) {
                out = new StringBuilder(question.length() + 8);
            }
            out.append(question, last, m.start()).append(corrected.get());
            last = m.end();
            corrections.add(typed + " -> " + corrected.get());
        }
        return out == null
                ? Corrected.asTyped(question)
                : new Corrected(out.append(question, last, question.length()).toString(), List.copyOf(corrections));
    }

    /** Whether a word may be a misspelling: none of the kinds of word that are not (see the class comment). */
    private boolean misspelt(CorpusStatistics.Stats stats, String question, int at, String typed) {
        boolean capital = Character.isUpperCase(typed.charAt(0));
        if (capital
                && (!SENTENCE_START.matcher(question.substring(0, at)).find()
                        || typed.chars().allMatch(Character::isUpperCase))) {
            return false; // a name or an acronym
        }
        String folded = TermAnalyzer.fold(typed);
        List<String> terms = analyzer.termList(folded);
        return !terms.isEmpty() // a stop word otherwise
                && terms.stream().noneMatch(stats::known)
                && vocabulary.alternatives(folded).isEmpty()
                && !analyzer.englishWord(folded);
    }
}

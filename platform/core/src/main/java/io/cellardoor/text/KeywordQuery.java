package io.cellardoor.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The full-text search text for a question: its words with visitor shorthand expanded, minus words that occur in too
 * many of the tenant's chunks ("wine" at a winery). PostgreSQL's {@code ts_rank_cd} has no inverse document frequency,
 * so without this a common word outranks the rare one the question is about, and every chunk it matches is ranked.
 * The cut is {@value #MAX_CHUNK_SHARE} of the chunks for a tenant of up to {@value #SMALL_TENANT} chunks and shrinks
 * as {@code 1 / sqrt(chunks)} beyond (see {@link #maxShare(int)}). The two rarest words that occur in the chunks at
 * all are always kept (a word no chunk has cannot match, so it does not count as one of them: a Spanish question's
 * product name is kept even in a small catalogue where it is on every page).
 */
@Component
public class KeywordQuery {

    static final double MAX_CHUNK_SHARE = 0.15;
    /** Chunks up to which the cut stays at {@link #MAX_CHUNK_SHARE}. */
    static final int SMALL_TENANT = 1000;

    private final TermAnalyzer analyzer;
    private final CorpusStatistics corpus;

    KeywordQuery(TermAnalyzer analyzer, CorpusStatistics corpus) {
        this.analyzer = analyzer;
        this.corpus = corpus;
    }

    /**
     * The highest share of a tenant's chunks a word may occur in and stay in the keyword text: 0.15 up to 1,000
     * chunks, then {@code 0.15 * sqrt(1000 / chunks)} (at 10k chunks 4.7 %, at 100k 1.5 %, at 1M 0.47 %), so the
     * chunks a kept word matches grow with the square root of the tenant's size instead of linearly.
     */
    public static double maxShare(int chunks) {
        return chunks <= SMALL_TENANT ? MAX_CHUNK_SHARE : MAX_CHUNK_SHARE * Math.sqrt(SMALL_TENANT / (double) chunks);
    }

    /** Space-separated words for {@code websearch_to_tsquery}; may be empty for a question of stop words only. */
    public String of(long orgId, String question) {
        CorpusStatistics.Stats stats = corpus.of(orgId);
        List<Word> words = words(stats, analyzer.expand(question));
        List<Double> shares =
                words.stream().map(Word::share).filter(s -> s > 0).sorted().toList();
        double keepUpTo = shares.size() < 2 ? 1 : Math.max(maxShare(stats.chunks()), shares.get(1));
        return String.join(
                " ",
                words.stream().filter(w -> w.share <= keepUpTo).map(Word::word).toList());
    }

    /**
     * As {@link #of(long, String)}, with the kinds an English question's neighbouring words name together when the
     * knowledge lacks one of them ("open on Memorial Day?" also searches "holiday", {@link TermAnalyzer#namedKinds}),
     * and "contact" when an English question asks for a way to get in touch ("who do I email?").
     *
     * @param language ISO 639-1 code of the question
     */
    public String of(long orgId, String question, String language) {
        return of(orgId, question, language, false);
    }

    /**
     * As {@link #of(long, String, String)}; an English question asking who also searches the nouns naming a person by
     * what they do that relate to its words ({@link TermAnalyzer#personNouns}: "who owns the vineyard?" also searches
     * "owner proprietor", which a page's "Our Proprietors" holds).
     *
     * @param language ISO 639-1 code of the question
     * @param asksWho whether the question asks who (e.g. {@code QuestionParts.asksWho})
     */
    public String of(long orgId, String question, String language, boolean asksWho) {
        CorpusStatistics.Stats stats = corpus.of(orgId);
        List<String> kinds = new ArrayList<>(analyzer.namedKinds(question, language, stats::known));
        String folded = TermAnalyzer.fold(question);
        if (language.equals("en")
                && CONTACT_ASKED.matcher(folded).find()
                && !CONTACT.matcher(folded).find()) {
            kinds.add("contact");
        }
        if (language.equals("en") && asksWho) {
            kinds.addAll(analyzer.personNouns(question, stats::known));
        }
        return of(orgId, kinds.isEmpty() ? question : question + " " + String.join(" ", kinds));
    }

    /**
     * A way to get in touch asked for ("who do I email about a wedding?"), which a page files under "Contact" with the
     * address alone ("Contact our event coordinator: events@..."): the keyword text also searches "contact".
     */
    private static final Pattern CONTACT_ASKED = Pattern.compile("\\b(" + TermAnalyzer.CONTACT_ASKED + ")\\b");

    private static final Pattern CONTACT = Pattern.compile("\\bcontact\\b");

    /**
     * The rarest words of a keyword text that occur in the tenant's chunks at all, rarest first: what the full-text
     * branch ANDs before it falls back to OR-ing every word (a word no chunk has would make the AND match nothing).
     *
     * @param text space-separated words, e.g. from {@link #of(long, String)}
     * @param max at most this many words
     */
    public List<String> rarestKnown(long orgId, String text, int max) {
        CorpusStatistics.Stats stats = corpus.of(orgId);
        return words(stats, TermAnalyzer.fold(text)).stream()
                .filter(w -> w.share > 0)
                .sorted(Comparator.comparingDouble(Word::share))
                .map(Word::word)
                .distinct()
                .limit(max)
                .toList();
    }

    private record Word(String word, double share) {}

    private List<Word> words(CorpusStatistics.Stats stats, String text) {
        List<Word> words = new ArrayList<>();
        for (String word : text.split(" ")) {
            List<String> stems = analyzer.termList(word);
            if (stems.isEmpty()) {
                continue;
            }
            double share = stems.stream().mapToDouble(stats::share).max().orElse(0);
            words.add(new Word(word, share));
        }
        return words;
    }
}

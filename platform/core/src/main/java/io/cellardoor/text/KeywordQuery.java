package io.cellardoor.text;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The full-text search text for a question: its words with visitor shorthand expanded, minus words that occur
 * in more than {@value #MAX_CHUNK_SHARE} of the tenant's chunks ("wine" at a winery). PostgreSQL's
 * {@code ts_rank_cd} has no inverse document frequency, so without this a common word outranks the rare one
 * the question is about. The two rarest words are always kept.
 */
@Component
public class KeywordQuery {

    static final double MAX_CHUNK_SHARE = 0.15;

    private final TermAnalyzer analyzer;
    private final CorpusStatistics corpus;

    KeywordQuery(TermAnalyzer analyzer, CorpusStatistics corpus) {
        this.analyzer = analyzer;
        this.corpus = corpus;
    }

    /** Space-separated words for {@code websearch_to_tsquery}; may be empty for a question of stop words only. */
    public String of(long orgId, String question) {
        CorpusStatistics.Stats stats = corpus.of(orgId);
        record Word(String word, double share) {}
        List<Word> words = new ArrayList<>();
        for (String word : analyzer.expand(question).split(" ")) {
            List<String> stems = analyzer.termList(word);
            if (stems.isEmpty()) {
                continue;
            }
            double share = stems.stream().mapToDouble(s -> stats.share(s)).max().orElse(0);
            words.add(new Word(word, share));
        }
        List<Double> shares = words.stream().map(Word::share).sorted().toList();
        double keepUpTo = shares.size() < 2 ? 1 : Math.max(MAX_CHUNK_SHARE, shares.get(1));
        return String.join(
                " ",
                words.stream().filter(w -> w.share <= keepUpTo).map(Word::word).toList());
    }
}

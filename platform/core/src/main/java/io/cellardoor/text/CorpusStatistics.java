package io.cellardoor.text;

import io.cellardoor.cluster.ClusterEventsLost;
import io.cellardoor.knowledge.KnowledgeChanged;
import io.cellardoor.knowledge.KnowledgeStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Per-org document frequencies of terms over chunks, for weighting question terms by rarity. Read from the org's
 * keyword index when it is ready ({@link TermCounts}: always current, nothing to compute); otherwise computed on first
 * use from every chunk text of the org (3.6 s at 100k chunks, 33 s at 1M, from the primary) and dropped when the org's
 * knowledge changes on any instance ({@link KnowledgeChanged}).
 */
@Component
public class CorpusStatistics {

    /** Term statistics of one org's chunks. */
    public record Stats(int chunks, Map<String, Integer> documentFrequency) {

        /** Inverse document frequency, {@code ln((N + 1) / (df + 0.5))}; a term never seen gets the highest value. */
        public double idf(String term) {
            return Math.log((chunks + 1.0) / (documentFrequency.getOrDefault(term, 0) + 0.5));
        }

        /** Statistics of the given chunk texts. */
        public static Stats of(List<String> texts, TermAnalyzer analyzer) {
            Map<String, Integer> df = new HashMap<>();
            for (String text : texts) {
                for (String term : analyzer.terms(text)) {
                    df.merge(term, 1, Integer::sum);
                }
            }
            return new Stats(texts.size(), Map.copyOf(df));
        }

        /** Share of chunks that contain the term, in [0, 1]. */
        public double share(String term) {
            return chunks == 0 ? 0 : documentFrequency.getOrDefault(term, 0) / (double) chunks;
        }

        /** Whether any chunk contains the term. */
        public boolean known(String term) {
            return documentFrequency.containsKey(term);
        }

        /**
         * The known term a misspelt one most likely means: the most frequent term within one edit (insertion, deletion,
         * substitution or swap of neighbours) for terms of 5 to 7 letters, two edits from 8 letters on, with the same
         * first letter; empty for shorter terms, known terms and when none is close.
         */
        public java.util.Optional<String> closestKnown(String term) {
            if (term.length() < 5 || known(term)) {
                return java.util.Optional.empty();
            }
            int max = term.length() >= 8 ? 2 : 1;
            String best = null;
            int bestDf = 0;
            for (var e : documentFrequency.entrySet()) {
                String t = e.getKey();
                if (t.charAt(0) == term.charAt(0)
                        && Math.abs(t.length() - term.length()) <= max
                        && e.getValue() > bestDf
                        && editDistance(term, t, max) <= max) {
                    best = t;
                    bestDf = e.getValue();
                }
            }
            return java.util.Optional.ofNullable(best);
        }

        /** Optimal string alignment distance, stopping early once it exceeds {@code max}. */
        static int editDistance(String a, String b, int max) {
            int[][] d = new int[a.length() + 1][b.length() + 1];
            for (int i = 0; i <= a.length(); i++) {
                d[i][0] = i;
            }
            for (int j = 0; j <= b.length(); j++) {
                d[0][j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                int rowMin = Integer.MAX_VALUE;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                    if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                    }
                    rowMin = Math.min(rowMin, d[i][j]);
                }
                if (rowMin > max) {
                    return max + 1;
                }
            }
            return d[a.length()][b.length()];
        }
    }

    private final KnowledgeStore store;
    private final TermAnalyzer analyzer;
    private final ObjectProvider<TermCounts> counts;
    private final Map<Long, Stats> byOrg = new ConcurrentHashMap<>();

    CorpusStatistics(KnowledgeStore store, TermAnalyzer analyzer, ObjectProvider<TermCounts> counts) {
        this.store = store;
        this.analyzer = analyzer;
        this.counts = counts;
    }

    /**
     * The share of a text's terms ({@link TermAnalyzer#terms}) that some chunk of the org contains, in [0, 1]; 0 for a
     * text without terms. Tells a question in the knowledge's words from one in another language's.
     */
    public double knownShare(long orgId, String text) {
        Set<String> terms = analyzer.terms(text);
        if (terms.isEmpty()) {
            return 0;
        }
        Stats stats = of(orgId);
        return terms.stream().filter(stats::known).count() / (double) terms.size();
    }

    /** Statistics of the org's chunks. */
    public Stats of(long orgId) {
        TermCounts source = counts.getIfAvailable();
        Optional<Stats> current = source == null ? Optional.empty() : source.statistics(orgId);
        if (current.isPresent()) {
            byOrg.remove(orgId);
            return current.get();
        }
        return byOrg.computeIfAbsent(orgId, this::compute);
    }

    private Stats compute(long orgId) {
        return Stats.of(store.chunkTexts(orgId), analyzer);
    }

    @EventListener
    void onKnowledgeChanged(KnowledgeChanged event) {
        byOrg.remove(event.orgId());
    }

    @EventListener
    void onClusterEventsLost(ClusterEventsLost event) {
        byOrg.clear();
    }
}

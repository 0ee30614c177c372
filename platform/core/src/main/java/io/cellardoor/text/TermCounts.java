package io.cellardoor.text;

import java.util.Optional;

/**
 * Term statistics of an org's chunks kept elsewhere and current (the keyword index's), preferred by
 * {@link CorpusStatistics} over reading and analysing every chunk text.
 */
public interface TermCounts {

    /**
     * The org's statistics now, or empty when they are not at hand (the caller then computes them itself).
     *
     * @return chunk count and document frequencies of {@link TermAnalyzer}'s terms over title, headings and text
     */
    Optional<CorpusStatistics.Stats> statistics(long orgId);
}

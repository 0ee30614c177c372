package io.cellardoor.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hybrid query's fusion, in process, for candidates both branches found in a tenant's index here
 * ({@link OrgIndex#candidates}): each chunk scores {@code sum(1 / (60 + rank))} over the branches that found it, times
 * its folder's weight; the best chunk of each boosted document gains {@link HybridRetriever#BOOST}; best first, ties
 * by chunk id. The same arithmetic as the hybrid statement's {@code fused}, {@code scored} and {@code ranked} steps,
 * so both ways rank alike.
 */
final class ReciprocalRankFusion {

    /**
     * A chunk one or both branches found.
     *
     * @param keywordRank 1-based rank among the keyword matches, 0 when not among them
     * @param vectorRank 1-based rank among the nearest embeddings, 0 when not among them
     * @param cosine cosine similarity of the chunk's and the question's embeddings, in [-1, 1]
     */
    record Candidate(
            long chunkId,
            long documentId,
            String path,
            String folder,
            int keywordRank,
            int vectorRank,
            double cosine) {}

    /** A candidate and its fused score (higher is better). */
    record Fused(Candidate candidate, double score) {}

    private ReciprocalRankFusion() {}

    /**
     * The best {@code k} candidates by fused score.
     *
     * @param weights weight per folder, multiplied into the score; {@code defaultWeight} for other folders
     * @param boostPaths document paths whose best chunk is ranked first
     */
    static List<Fused> fuse(
            List<Candidate> candidates,
            Map<String, Double> weights,
            double defaultWeight,
            List<String> boostPaths,
            int k) {
        Comparator<Fused> best = Comparator.comparingDouble(Fused::score)
                .reversed()
                .thenComparingLong(f -> f.candidate().chunkId());
        List<Fused> base = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            double rrf = reciprocal(c.keywordRank()) + reciprocal(c.vectorRank());
            base.add(new Fused(c, rrf * weights.getOrDefault(c.folder(), defaultWeight)));
        }
        base.sort(best);
        Set<String> boosted = new HashSet<>(boostPaths);
        Set<Long> documentsSeen = new HashSet<>();
        List<Fused> out = new ArrayList<>(base.size());
        for (Fused f : base) {
            boolean first = documentsSeen.add(f.candidate().documentId());
            out.add(
                    first && boosted.contains(f.candidate().path())
                            ? new Fused(f.candidate(), f.score() + HybridRetriever.BOOST)
                            : f);
        }
        out.sort(best);
        return List.copyOf(out.subList(0, Math.min(k, out.size())));
    }

    private static double reciprocal(int rank) {
        return rank == 0 ? 0 : 1.0 / (HybridRetriever.RRF_K + rank);
    }
}

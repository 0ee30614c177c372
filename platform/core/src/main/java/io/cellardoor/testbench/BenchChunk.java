package io.cellardoor.testbench;

import org.jspecify.annotations.Nullable;

/**
 * A retrieved chunk with its place in each ranking.
 *
 * @param fusedRank 1-based place in the fused result (what the answer generator saw first)
 * @param fullTextRank 1-based rank in the full-text branch, null when the full-text query did not find it
 * @param vectorRank 1-based rank in the vector branch, null when it was not among the vector candidates
 * @param score fused score after domain weights and boosts
 * @param cosineSimilarity cosine similarity of question and chunk embeddings
 * @param path document path
 * @param title document title
 * @param headingPath headings above the chunk
 * @param text chunk text
 */
public record BenchChunk(
        int fusedRank,
        @Nullable Integer fullTextRank,
        @Nullable Integer vectorRank,
        double score,
        double cosineSimilarity,
        String path,
        String title,
        String headingPath,
        String text) {}

package io.cellardoor.retrieval;

import java.util.List;
import java.util.Map;

/**
 * One retrieval request, always for one tenant.
 *
 * @param orgId the tenant; every branch of the query is filtered by it
 * @param text search text for the full-text and trigram branches
 * @param embedding the query's embedding, 384 floats
 * @param k passages wanted, 1..50
 * @param folderWeights weight in [0, 1] per normalised folder, multiplied into the fused score
 * @param defaultWeight weight of folders not in {@code folderWeights}
 * @param onlyFolders when not empty, only chunks of these folders are searched
 * @param boostPaths document paths ranked first when retrieved
 * @param mode which branches run
 */
public record RetrievalQuery(
        long orgId,
        String text,
        float[] embedding,
        int k,
        Map<String, Double> folderWeights,
        double defaultWeight,
        List<String> onlyFolders,
        List<String> boostPaths,
        RetrievalMode mode) {

    /** Throws IllegalArgumentException when k is outside 1..50. */
    public RetrievalQuery {
        if (k < 1 || k > 50) {
            throw new IllegalArgumentException("k must be in 1..50: " + k);
        }
        folderWeights = Map.copyOf(folderWeights);
        onlyFolders = List.copyOf(onlyFolders);
        boostPaths = List.copyOf(boostPaths);
    }
}

package io.cellardoor.retrieval;

import java.util.List;
import java.util.Map;

/**
 * One retrieval request, always for one tenant. Build it with {@link #forOrg(long)}.
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
 * @param language ISO 639-1 code of the text ({@code en}, {@code es}, {@code fr}...); the full-text branch picks
 *     its text search configuration by it
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
        RetrievalMode mode,
        String language) {

    /** Throws IllegalArgumentException when k is outside 1..50 or the embedding is empty. */
    public RetrievalQuery {
        if (k < 1 || k > 50) {
            throw new IllegalArgumentException("k must be in 1..50: " + k);
        }
        if (embedding.length == 0) {
            throw new IllegalArgumentException("embedding is empty");
        }
        folderWeights = Map.copyOf(folderWeights);
        onlyFolders = List.copyOf(onlyFolders);
        boostPaths = List.copyOf(boostPaths);
    }

    /** Starts a query for one org: hybrid, k 8, every folder at weight 1, nothing boosted, English. */
    public static Builder forOrg(long orgId) {
        return new Builder(orgId);
    }

    /** Whether the text is English (the full-text branch then stems with the {@code english} configuration). */
    public boolean english() {
        return language.isEmpty() || language.equals("en");
    }

    /** Collects a {@link RetrievalQuery}; text and embedding are required. */
    public static final class Builder {
        private final long orgId;
        private String text = "";
        private float[] embedding = new float[0];
        private int k = 8;
        private Map<String, Double> folderWeights = Map.of();
        private double defaultWeight = 1.0;
        private List<String> onlyFolders = List.of();
        private List<String> boostPaths = List.of();
        private RetrievalMode mode = RetrievalMode.HYBRID;
        private String language = "en";

        private Builder(long orgId) {
            this.orgId = orgId;
        }

        /** The full-text search text (may be empty: then only the vector branch finds anything). */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** The question's embedding. */
        public Builder embedding(float[] embedding) {
            this.embedding = embedding;
            return this;
        }

        /** Passages wanted, 1..50. */
        public Builder k(int k) {
            this.k = k;
            return this;
        }

        /** Weights per normalised folder and the weight of every other folder. */
        public Builder weights(Map<String, Double> folderWeights, double defaultWeight) {
            this.folderWeights = folderWeights;
            this.defaultWeight = defaultWeight;
            return this;
        }

        /** Searches only these normalised folders (empty: all). */
        public Builder onlyFolders(List<String> folders) {
            this.onlyFolders = folders;
            return this;
        }

        /** Ranks the best passage of each of these document paths first when retrieved. */
        public Builder boostPaths(List<String> paths) {
            this.boostPaths = paths;
            return this;
        }

        /** Which branches run (default hybrid). */
        public Builder mode(RetrievalMode mode) {
            this.mode = mode;
            return this;
        }

        /** ISO 639-1 code of the text (default {@code en}). */
        public Builder language(String language) {
            this.language = language;
            return this;
        }

        /** @throws IllegalArgumentException when k is outside 1..50 or no embedding was given */
        public RetrievalQuery build() {
            return new RetrievalQuery(
                    orgId, text, embedding, k, folderWeights, defaultWeight, onlyFolders, boostPaths, mode, language);
        }
    }
}

package io.cellardoor.retrieval;

/** Which branches of the hybrid query run. */
public enum RetrievalMode {
    /** Full text, vector and title trigram branches fused by reciprocal rank. */
    HYBRID,
    /** Full text only ({@code websearch_to_tsquery}, {@code ts_rank_cd}). */
    FULL_TEXT,
    /** pgvector cosine over HNSW only. */
    VECTOR
}

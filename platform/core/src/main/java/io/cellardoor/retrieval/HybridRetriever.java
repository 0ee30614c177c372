package io.cellardoor.retrieval;

import com.pgvector.PGvector;
import io.cellardoor.tenant.TenantTransactions;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hybrid retrieval in one SQL round trip.
 *
 * <p>Three branches, each filtered by the same tenant (and folder) predicate: full text
 * ({@code websearch_to_tsquery} with its terms OR-ed, ranked by {@code ts_rank_cd}; with the optional RUM index,
 * only the index's best {@link #FTS_POOL} matches are read and ranked, see docs/decisions/0006), pgvector cosine
 * distance over the HNSW index (iterative index scans, set per connection, keep the branch complete
 * under the tenant filter), and, when enabled, trigram word similarity of multi-word document titles (product and
 * wine names), which ranks the first chunk of each matching document.
 * Ranks are fused by reciprocal rank fusion ({@code 1 / (60 + rank)}) and multiplied by the folder's weight;
 * the best chunk of each boosted document is ranked first (its other chunks keep their fused score).
 */
@Component
public class HybridRetriever {

    /** The RRF constant from Cormack et al.; dampens the head of each ranking. */
    static final int RRF_K = 60;
    /** Added to boosted documents' scores; larger than any sum of three reciprocal ranks. */
    static final double BOOST = 0.06;

    /** The keyword query: the question's words OR-ed, or NULL when the branch is off or no word is left. */
    private static final String TSQUERY =
            "(CASE WHEN :fts_limit > 0 THEN nullif(replace(websearch_to_tsquery('english', :text)::text, "
                    + "' & ', ' | '), '')::tsquery END)";

    private static final String TENANT =
            "c.org_id = :org AND (cardinality(:folders::text[]) = 0 OR c.folder = ANY(:folders::text[]))";

    /** Full-text branch over the GIN index: every match is ranked. */
    private static final String FTS_GIN = """
            WITH fts AS MATERIALIZED (
                SELECT c.id, row_number() OVER (ORDER BY ts_rank_cd(c.tsv, TSQ, 1) DESC, c.id) AS r
                FROM kb_chunk c
                WHERE TENANT AND c.tsv @@ TSQ
                ORDER BY ts_rank_cd(c.tsv, TSQ, 1) DESC, c.id
                LIMIT :fts_limit
            ),
            """;

    /**
     * Full-text branch over the RUM index: the index orders the matches by its own rank without reading them, the
     * best {@code :fts_pool} are read and ranked as the GIN branch ranks all.
     */
    private static final String FTS_RUM = """
            WITH fts_pool AS MATERIALIZED (
                SELECT c.id, c.tsv
                FROM kb_chunk c
                WHERE TENANT AND c.tsv @@ TSQ
                ORDER BY c.tsv <=> TSQ
                LIMIT :fts_pool
            ),
            fts AS MATERIALIZED (
                SELECT p.id, row_number() OVER (ORDER BY ts_rank_cd(p.tsv, TSQ, 1) DESC, p.id) AS r
                FROM fts_pool p
                ORDER BY ts_rank_cd(p.tsv, TSQ, 1) DESC, p.id
                LIMIT :fts_limit
            ),
            """;

    /** Name of the optional RUM index of {@code kb_chunk.tsv} (migration V9, when the rum extension is installed). */
    static final String RUM_INDEX = "kb_chunk_tsv_rum_idx";
    /** Matches the RUM branch reads and ranks; the GIN branch ranks every match. */
    static final int FTS_POOL = 200;

    private static final String REST = """
            vec AS MATERIALIZED (
                SELECT c.id, c.embedding <=> :embedding AS distance
                FROM kb_chunk c
                WHERE c.org_id = :org AND (cardinality(:folders::text[]) = 0 OR c.folder = ANY(:folders::text[]))
                ORDER BY c.embedding <=> :embedding
                LIMIT :vec_limit
            ),
            vec_ranked AS (SELECT id, row_number() OVER (ORDER BY distance, id) AS r FROM vec),
            trg AS MATERIALIZED (
                SELECT d.id AS document_id, row_number() OVER (ORDER BY word_similarity(lower(d.title), lower(:text)) DESC, d.id) AS r
                FROM kb_document d
                WHERE d.org_id = :org AND :trg_limit > 0
                  AND (cardinality(:folders::text[]) = 0 OR d.folder = ANY(:folders::text[]))
                  AND position(' ' in trim(d.title)) > 0
                  AND word_similarity(lower(d.title), lower(:text)) >= 0.5
                ORDER BY word_similarity(lower(d.title), lower(:text)) DESC, d.id
                LIMIT :trg_limit
            ),
            hits AS (
                SELECT id, r, 'f' AS branch FROM fts
                UNION ALL SELECT id, r, 'v' FROM vec_ranked
                UNION ALL SELECT c.id, t.r, 't' FROM trg t
                          JOIN kb_chunk c ON c.document_id = t.document_id AND c.org_id = :org AND c.ordinal = 0
            ),
            fused AS (
                SELECT id, sum(1.0 / (:rrf_k + r)) AS rrf,
                       coalesce(min(r) FILTER (WHERE branch = 'f'), 0) AS fts_rank,
                       coalesce(min(r) FILTER (WHERE branch = 'v'), 0) AS vec_rank
                FROM hits GROUP BY id
            ),
            scored AS (
                SELECT f.*, c.document_id, d.path,
                       f.rrf * coalesce(w.weight, :default_weight) AS base,
                       d.path = ANY(:boost::text[]) AS boosted
                FROM fused f
                JOIN kb_chunk c ON c.id = f.id AND c.org_id = :org
                JOIN kb_document d ON d.id = c.document_id AND d.org_id = :org
                LEFT JOIN unnest(:weight_folders::text[], :weights::float8[]) AS w(folder, weight) ON w.folder = c.folder
            ),
            ranked AS (
                SELECT s.*, row_number() OVER (PARTITION BY s.document_id ORDER BY s.base DESC, s.id) AS in_document
                FROM scored s
            )
            SELECT c.id, d.path, d.title, c.folder, c.heading_path, c.content,
                   r.base + CASE WHEN r.boosted AND r.in_document = 1 THEN :boost_score ELSE 0 END AS score,
                   r.fts_rank, r.vec_rank, 1 - (c.embedding <=> :embedding) AS cosine
            FROM ranked r
            JOIN kb_chunk c ON c.id = r.id AND c.org_id = :org
            JOIN kb_document d ON d.id = c.document_id AND d.org_id = :org
            ORDER BY score DESC, c.id
            LIMIT :k
            """;

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;
    private final boolean titleTrigrams;
    private final String fullTextIndex;
    private volatile @Nullable String sql;

    /**
     * @param titleTrigrams whether the title trigram branch runs ({@code cellardoor.retrieval.title-trigrams}, default
     *     off: on the dev set it adds no recall, lowers MRR and costs most of the query time, since no index can serve
     *     "a title within the question"; the wine and merchandise plugins resolve names from titles instead)
     */
    HybridRetriever(
            JdbcClient jdbc,
            TenantTransactions tenant,
            @Value("${cellardoor.retrieval.title-trigrams:false}") boolean titleTrigrams,
            @Value("${cellardoor.retrieval.full-text-index:auto}") String fullTextIndex) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.titleTrigrams = titleTrigrams;
        this.fullTextIndex = fullTextIndex;
        if (!List.of("auto", "gin", "rum").contains(fullTextIndex)) {
            throw new IllegalArgumentException(
                    "cellardoor.retrieval.full-text-index must be auto, gin or rum, not " + fullTextIndex);
        }
    }

    /**
     * The statement as configured: the full-text branch over the RUM index when {@code full-text-index} is {@code rum},
     * or {@code auto} and the index exists (looked up once), else over GIN.
     */
    String sql() {
        String current = sql;
        if (current == null) {
            boolean rum = switch (fullTextIndex) {
                case "rum" -> true;
                case "gin" -> false;
                default ->
                    Boolean.TRUE.equals(jdbc.sql("SELECT to_regclass(?) IS NOT NULL")
                            .param(RUM_INDEX)
                            .query(Boolean.class)
                            .single());
            };
            current = ((rum ? FTS_RUM : FTS_GIN) + REST).replace("TSQ", TSQUERY).replace("TENANT", TENANT);
            sql = current;
        }
        return current;
    }

    /**
     * Runs the query as the query's org (row-level security sees no other org's chunks), in a read-only transaction:
     * on the read replica when one is configured and close enough behind the primary (docs/decisions/0053).
     *
     * @return at most {@code query.k()} chunks, best first; empty when nothing matches
     */
    public List<RetrievedChunk> retrieve(RetrievalQuery query) {
        int candidates = Math.max(40, query.k() * 4);
        boolean fts = query.mode() != RetrievalMode.VECTOR;
        boolean vec = query.mode() != RetrievalMode.FULL_TEXT;
        List<Map.Entry<String, Double>> weights =
                List.copyOf(query.folderWeights().entrySet());
        return tenant.inOrgReadOnly(
                query.orgId(),
                () -> jdbc.sql(sql())
                        .param("text", query.text())
                        .param("org", query.orgId())
                        .param("folders", query.onlyFolders().toArray(String[]::new))
                        .param("embedding", new PGvector(query.embedding()))
                        .param("fts_limit", fts ? candidates : 0)
                        .param("fts_pool", Math.max(FTS_POOL, candidates))
                        .param("vec_limit", vec ? candidates : 0)
                        .param("trg_limit", titleTrigrams && query.mode() == RetrievalMode.HYBRID ? 5 : 0)
                        .param("rrf_k", RRF_K)
                        .param("default_weight", query.defaultWeight())
                        .param("boost", query.boostPaths().toArray(String[]::new))
                        .param("boost_score", BOOST)
                        .param(
                                "weight_folders",
                                weights.stream().map(Map.Entry::getKey).toArray(String[]::new))
                        .param(
                                "weights",
                                weights.stream().map(Map.Entry::getValue).toArray(Double[]::new))
                        .param("k", query.k())
                        .query((rs, n) -> new RetrievedChunk(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getDouble(7),
                                rs.getInt(8),
                                rs.getInt(9),
                                rs.getDouble(10)))
                        .list());
    }
}

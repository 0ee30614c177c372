package io.cellardoor.retrieval;

import com.pgvector.PGvector;
import io.cellardoor.tenant.TenantTransactions;
import io.cellardoor.text.KeywordQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hybrid retrieval in one SQL round trip.
 *
 * <p>Three branches, each filtered by the same tenant (and folder) predicate, fused by reciprocal rank
 * ({@code 1 / (60 + rank)}) and multiplied by the folder's weight; the best chunk of each boosted document is ranked
 * first (its other chunks keep their fused score):
 *
 * <ul>
 *   <li>keywords: the tenant's BM25 index in this process ({@link KeywordIndex}, docs/decisions/0027) proposes chunk
 *       ids and ranks, passed in as an array; while that index is not ready (or when it is off), PostgreSQL full text:
 *       the rarest two known words ANDed, and only when fewer than the branch's candidates match, every word OR-ed,
 *       ranked by {@code ts_rank_cd} (over the RUM index, only its best {@link #FTS_POOL} are read; docs/decisions/0006
 *       and 0026). English questions use the {@code english} configuration, others {@code cellardoor_simple}
 *       ({@code simple} + {@code unaccent}, over {@code kb_chunk.tsv_simple});
 *   <li>pgvector cosine distance over the HNSW index of the embeddings' half-precision copies (decision 0028;
 *       iterative index scans, set per connection, keep the branch complete under the tenant filter), or, for a
 *       tenant of at most {@code exact-vector-max-chunks} chunks, an exact scan of its full-precision embeddings
 *       (decision 0055);
 *   <li>when enabled, trigram word similarity of multi-word document titles (product and wine names), which ranks
 *       the first chunk of each matching document.
 * </ul>
 *
 * Whatever the keyword branch proposes, only chunks of the query's org come back: the fusion joins every id to
 * {@code kb_chunk} as that org, under row-level security.
 *
 * <p>A small tenant whose keyword index here holds its embeddings skips the statement: both branches (BM25 and an
 * exact cosine scan) and the same fusion run in process ({@link ReciprocalRankFusion}, docs/decisions/0058), and one
 * small statement reads the chosen rows by id as the org, under row-level security.
 */
@Component
public class HybridRetriever {

    /** The RRF constant from Cormack et al.; dampens the head of each ranking. */
    static final int RRF_K = 60;
    /** Added to boosted documents' scores; larger than any sum of three reciprocal ranks. */
    static final double BOOST = 0.06;
    /** Words ANDed first by the PostgreSQL full-text branch. */
    static final int AND_WORDS = 2;

    /** Name of the optional RUM index of {@code kb_chunk.tsv} (migration V9, when the rum extension is installed). */
    static final String RUM_INDEX = "kb_chunk_tsv_rum_idx";
    /** Matches the RUM branch reads and ranks; the GIN branch ranks every match. */
    static final int FTS_POOL = 200;

    /** Every word OR-ed, or NULL when the branch is off or no word is left. */
    private static final String TSQ_ANY =
            "(CASE WHEN :fts_limit > 0 THEN nullif(replace(websearch_to_tsquery(CFG, :text)::text, "
                    + "' & ', ' | '), '')::tsquery END)";
    /** The rarest known words ANDed, or NULL. */
    private static final String TSQ_ALL =
            "(CASE WHEN :fts_limit > 0 THEN nullif(websearch_to_tsquery(CFG, :and_text)::text, '')::tsquery END)";

    private static final String TENANT =
            "c.org_id = :org AND (cardinality(:folders::text[]) = 0 OR c.folder = ANY(:folders::text[]))";

    /** Full-text branch over GIN: every match of the AND query (else of the OR query) is ranked. */
    private static final String FTS_GIN = """
            WITH fts_all AS MATERIALIZED (
                SELECT c.id, c.TSV AS tsv FROM kb_chunk c WHERE TENANT AND c.TSV @@ TSQ_ALL
            ),
            fts_pool AS MATERIALIZED (
                SELECT id, tsv FROM fts_all WHERE (SELECT count(*) FROM fts_all) >= :fts_limit
                UNION ALL
                SELECT c.id, c.TSV FROM kb_chunk c
                WHERE (SELECT count(*) FROM fts_all) < :fts_limit AND TENANT AND c.TSV @@ TSQ_ANY
            ),
            fts AS MATERIALIZED (
                SELECT p.id, row_number() OVER (ORDER BY ts_rank_cd(p.tsv, TSQ_ANY, 1) DESC, p.id) AS r
                FROM fts_pool p
                ORDER BY ts_rank_cd(p.tsv, TSQ_ANY, 1) DESC, p.id
                LIMIT :fts_limit
            ),
            """;

    /**
     * Full-text branch over the RUM index: the index orders the matches by its own rank without reading them; the best
     * {@code :fts_pool} of the AND query (else of the OR query) are read and ranked as the GIN branch ranks all.
     */
    private static final String FTS_RUM = """
            WITH fts_all AS MATERIALIZED (
                SELECT c.id, c.tsv FROM kb_chunk c
                WHERE TENANT AND c.tsv @@ TSQ_ALL
                ORDER BY c.tsv <=> TSQ_ALL
                LIMIT :fts_pool
            ),
            fts_pool AS MATERIALIZED (
                SELECT id, tsv FROM fts_all WHERE (SELECT count(*) FROM fts_all) >= :fts_limit
                UNION ALL
                (SELECT c.id, c.tsv FROM kb_chunk c
                 WHERE (SELECT count(*) FROM fts_all) < :fts_limit AND TENANT AND c.tsv @@ TSQ_ANY
                 ORDER BY c.tsv <=> TSQ_ANY
                 LIMIT :fts_pool)
            ),
            fts AS MATERIALIZED (
                SELECT p.id, row_number() OVER (ORDER BY ts_rank_cd(p.tsv, TSQ_ANY, 1) DESC, p.id) AS r
                FROM fts_pool p
                ORDER BY ts_rank_cd(p.tsv, TSQ_ANY, 1) DESC, p.id
                LIMIT :fts_limit
            ),
            """;

    /** Keyword branch from the in-process index: its chunk ids in rank order. */
    private static final String FTS_IDS = """
            WITH fts AS MATERIALIZED (
                SELECT k.id, k.r FROM unnest(:kw_ids::bigint[]) WITH ORDINALITY AS k(id, r) WHERE k.r <= :fts_limit
            ),
            """;

    /** Vector branch over the HNSW index of the half-precision copies (approximate; large tenants). */
    private static final String VEC_INDEX = """
            vec AS MATERIALIZED (
                SELECT c.id, c.embedding::halfvec(384) <=> :embedding::halfvec(384) AS distance
                FROM kb_chunk c
                WHERE c.org_id = :org AND (cardinality(:folders::text[]) = 0 OR c.folder = ANY(:folders::text[]))
                ORDER BY c.embedding::halfvec(384) <=> :embedding::halfvec(384)
                LIMIT :vec_limit
            ),
            """;

    /**
     * Vector branch as an exact scan of the tenant's full-precision embeddings (small tenants): no index serves that
     * order, so PostgreSQL reads the tenant's rows and sorts them, which for a few thousand chunks is faster than
     * converting every row to half precision, and exact where the index is approximate.
     */
    private static final String VEC_EXACT = """
            vec AS MATERIALIZED (
                SELECT c.id, c.embedding <=> :embedding AS distance
                FROM kb_chunk c
                WHERE c.org_id = :org AND (cardinality(:folders::text[]) = 0 OR c.folder = ANY(:folders::text[]))
                ORDER BY c.embedding <=> :embedding
                LIMIT :vec_limit
            ),
            """;

    /**
     * Whether a row's chunk opens its document (see {@link RetrievedChunk#lead()}): the document's first chunk under a
     * heading, by the (document, ordinal) index.
     */
    private static final String LEAD = "(c.ordinal = (SELECT min(o.ordinal) FROM kb_chunk o"
            + " WHERE o.document_id = c.document_id AND o.heading_path <> '')) AS lead";

    private static final String REST = """
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
                                 AND (cardinality(:folders::text[]) = 0 OR c.folder = ANY(:folders::text[]))
                JOIN kb_document d ON d.id = c.document_id AND d.org_id = :org
                LEFT JOIN unnest(:weight_folders::text[], :weights::float8[]) AS w(folder, weight) ON w.folder = c.folder
            ),
            ranked AS (
                SELECT s.*, row_number() OVER (PARTITION BY s.document_id ORDER BY s.base DESC, s.id) AS in_document
                FROM scored s
            )
            SELECT c.id, d.path, d.title, c.folder, c.heading_path, c.content,
                   r.base + CASE WHEN r.boosted AND r.in_document = 1 THEN :boost_score ELSE 0 END AS score,
                   r.fts_rank, r.vec_rank, 1 - (c.embedding <=> :embedding) AS cosine,
                   %1$s
            FROM ranked r
            JOIN kb_chunk c ON c.id = r.id AND c.org_id = :org
            JOIN kb_document d ON d.id = c.document_id AND d.org_id = :org
            ORDER BY score DESC, c.id
            LIMIT :k
            """.formatted(LEAD);

    /** The fused chunks' rows, by id (the fusion ran in process). */
    private static final String ROWS = """
            SELECT c.id, d.path, d.title, c.folder, c.heading_path, c.content,
                   %1$s
            FROM kb_chunk c
            JOIN kb_document d ON d.id = c.document_id AND d.org_id = :org
            WHERE c.org_id = :org AND c.id = ANY(:ids::bigint[])
              AND (cardinality(:folders::text[]) = 0 OR c.folder = ANY(:folders::text[]))
            """.formatted(LEAD);

    /** Where the keyword branch's ranking comes from. */
    enum KeywordSource {
        /** The in-process BM25 index. */
        INDEX,
        /** PostgreSQL full text over the RUM index, {@code english}. */
        RUM,
        /** PostgreSQL full text over GIN, {@code english}. */
        GIN,
        /** PostgreSQL full text over GIN, {@code cellardoor_simple} (questions not in English). */
        GIN_SIMPLE
    }

    /** The keyword index as the retriever sees it (tests and the benchmark pass their own). */
    @FunctionalInterface
    interface KeywordSearch {
        /** Ranked chunk ids, or empty when the keyword index cannot answer now. */
        Optional<long[]> search(long orgId, String text, boolean english, List<String> folders, int n);

        /** The org's chunk count when the index knows it now, else empty (the vector branch then reads the index). */
        default OptionalInt chunks(long orgId) {
            return OptionalInt.empty();
        }

        /**
         * Both branches' candidates for the fusion in process, or empty when the index cannot give them now (the
         * hybrid statement then serves); see {@link KeywordIndex#candidates}.
         */
        default Optional<List<ReciprocalRankFusion.Candidate>> candidates(
                RetrievalQuery query, int keywordN, int vectorN) {
            return Optional.empty();
        }
    }

    /** One statement text per keyword source and vector branch. */
    private record Shape(KeywordSource source, boolean exactVectors) {}

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;
    private final KeywordSearch keywordIndex;
    private final KeywordQuery keywords;
    private final boolean titleTrigrams;
    private final String fullTextIndex;
    private final int exactVectorMaxChunks;
    private final Map<Shape, String> statements = new ConcurrentHashMap<>();
    private volatile @Nullable Boolean rumIndex;

    /**
     * The app's retriever. Small tenants (at most {@link KeywordIndex#smallTenantMaxChunks()} chunks, as their keyword
     * index here counts them) are searched in that index, else with an exact vector scan in the statement.
     *
     * @param titleTrigrams whether the title trigram branch runs ({@code cellardoor.retrieval.title-trigrams}, default
     *     off: on the dev set it adds no recall, lowers MRR and costs most of the query time, since no index can serve
     *     "a title within the question"; the wine and merchandise plugins resolve names from titles instead)
     * @param fullTextIndex the PostgreSQL full-text branch's index: {@code auto} (RUM when it exists), {@code gin} or
     *     {@code rum}
     */
    @Autowired
    HybridRetriever(
            JdbcClient jdbc,
            TenantTransactions tenant,
            KeywordIndex keywordIndex,
            KeywordQuery keywords,
            @Value("${cellardoor.retrieval.title-trigrams:false}") boolean titleTrigrams,
            @Value("${cellardoor.retrieval.full-text-index:auto}") String fullTextIndex) {
        this(
                jdbc,
                tenant,
                new KeywordSearch() {
                    @Override
                    public Optional<long[]> search(
                            long orgId, String text, boolean english, List<String> folders, int n) {
                        return keywordIndex.search(orgId, text, english, folders, n);
                    }

                    @Override
                    public OptionalInt chunks(long orgId) {
                        return keywordIndex
                                .statistics(orgId)
                                .map(s -> OptionalInt.of(s.chunks()))
                                .orElse(OptionalInt.empty());
                    }

                    @Override
                    public Optional<List<ReciprocalRankFusion.Candidate>> candidates(
                            RetrievalQuery query, int keywordN, int vectorN) {
                        return keywordIndex.candidates(query, keywordN, vectorN);
                    }
                },
                keywords,
                titleTrigrams,
                fullTextIndex,
                keywordIndex.smallTenantMaxChunks());
    }

    /** As the app's, with its own keyword index (tests and the benchmark; 0 chunks: always the HNSW index). */
    HybridRetriever(
            JdbcClient jdbc,
            TenantTransactions tenant,
            KeywordSearch keywordIndex,
            KeywordQuery keywords,
            boolean titleTrigrams,
            String fullTextIndex,
            int exactVectorMaxChunks) {
        this.exactVectorMaxChunks = exactVectorMaxChunks;
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.keywordIndex = keywordIndex;
        this.keywords = keywords;
        this.titleTrigrams = titleTrigrams;
        this.fullTextIndex = fullTextIndex;
        if (!List.of("auto", "gin", "rum").contains(fullTextIndex)) {
            throw new IllegalArgumentException(
                    "cellardoor.retrieval.full-text-index must be auto, gin or rum, not " + fullTextIndex);
        }
    }

    /** The statement as configured for an English question whose keywords PostgreSQL ranks (RUM or GIN). */
    String sql() {
        return sql(rum() ? KeywordSource.RUM : KeywordSource.GIN);
    }

    /** The statement for a keyword source, its vector branch over the HNSW index. */
    String sql(KeywordSource source) {
        return sql(source, false);
    }

    /** The statement for a keyword source and vector branch. */
    String sql(KeywordSource source, boolean exactVectors) {
        return statements.computeIfAbsent(new Shape(source, exactVectors), shape -> {
            String fts = switch (shape.source()) {
                case INDEX -> FTS_IDS;
                case RUM -> FTS_RUM;
                case GIN -> FTS_GIN.replace("TSV", "tsv");
                case GIN_SIMPLE -> FTS_GIN.replace("TSV", "tsv_simple");
            };
            String config = shape.source() == KeywordSource.GIN_SIMPLE ? "'cellardoor_simple'" : "'english'";
            return (fts + (shape.exactVectors() ? VEC_EXACT : VEC_INDEX) + REST)
                    .replace("TSQ_ANY", TSQ_ANY)
                    .replace("TSQ_ALL", TSQ_ALL)
                    .replace("CFG", config)
                    .replace("TENANT", TENANT);
        });
    }

    /**
     * Whether the PostgreSQL full-text branch reads the RUM index: {@code full-text-index} is {@code rum}, or
     * {@code auto} and the index exists (looked up once).
     */
    private boolean rum() {
        Boolean current = rumIndex;
        if (current == null) {
            current = switch (fullTextIndex) {
                case "rum" -> true;
                case "gin" -> false;
                default ->
                    Boolean.TRUE.equals(jdbc.sql("SELECT to_regclass(?) IS NOT NULL")
                            .param(RUM_INDEX)
                            .query(Boolean.class)
                            .single());
            };
            rumIndex = current;
        }
        return current;
    }

    /**
     * Runs the query as the query's org (row-level security sees no other org's chunks), in a read-only transaction:
     * on the read replica when one is configured and close enough behind the primary (docs/decisions/0053).
     *
     * <p>Chunks of the same title and text (a page stored twice under two paths, a site's error page scraped for every
     * folder) come back once, the best-scored copy: a copy would take a place another passage could have. Two products
     * whose pages differ only in their titles stay two passages.
     *
     * @return at most {@code query.k()} chunks, no two of the same title and text, best first; empty when nothing
     *     matches
     */
    public List<RetrievedChunk> retrieve(RetrievalQuery query) {
        return distinctPassages(fused(query), query.k());
    }

    /**
     * The first {@code k} chunks whose {@link RetrievedChunk#titledText} no earlier chunk has, in order: one passage per
     * page text, whichever path holds it (also for a ranking that adds chunks to retrieval's, {@code PassageRanker}).
     */
    public static List<RetrievedChunk> distinctPassages(List<RetrievedChunk> chunks, int k) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<RetrievedChunk> out = new java.util.ArrayList<>(Math.min(k, chunks.size()));
        for (RetrievedChunk c : chunks) {
            if (out.size() == k) {
                break;
            }
            if (seen.add(c.titledText())) {
                out.add(c);
            }
        }
        return out;
    }

    /** The fused ranking, up to twice {@code query.k()} chunks (room for copies of one text). */
    private List<RetrievedChunk> fused(RetrievalQuery query) {
        int k = query.k() * 2;
        int candidates = Math.max(40, query.k() * 4);
        boolean fts = query.mode() != RetrievalMode.VECTOR && !query.text().isBlank();
        boolean vec = query.mode() != RetrievalMode.FULL_TEXT;
        boolean trigrams = titleTrigrams && query.mode() == RetrievalMode.HYBRID;
        if (!trigrams) {
            Optional<List<ReciprocalRankFusion.Candidate>> found =
                    keywordIndex.candidates(query, fts ? candidates : 0, vec ? candidates : 0);
            if (found.isPresent()) {
                return rows(
                        query,
                        ReciprocalRankFusion.fuse(
                                found.get(), query.folderWeights(), query.defaultWeight(), query.boostPaths(), k));
            }
        }
        long @Nullable [] keywordIds = fts
                ? keywordIndex
                        .search(query.orgId(), query.text(), query.english(), query.onlyFolders(), candidates)
                        .orElse(null)
                : null;
        KeywordSource source = keywordIds != null
                ? KeywordSource.INDEX
                : !query.english() ? KeywordSource.GIN_SIMPLE : rum() ? KeywordSource.RUM : KeywordSource.GIN;
        String andText = fts && keywordIds == null
                ? String.join(" ", keywords.rarestKnown(query.orgId(), query.text(), AND_WORDS))
                : "";
        return run(
                query,
                sql(source, exact(query.orgId())),
                fts ? candidates : 0,
                vec ? candidates : 0,
                andText,
                keywordIds,
                k);
    }

    /** Whether the org's vector branch scans its embeddings exactly: few enough chunks, as its keyword index knows. */
    boolean exact(long orgId) {
        if (exactVectorMaxChunks <= 0) {
            return false;
        }
        OptionalInt chunks = keywordIndex.chunks(orgId);
        return chunks.isPresent() && chunks.getAsInt() <= exactVectorMaxChunks;
    }

    /**
     * The fused chunks' rows as the query's org sees them now, in the fusion's order: a chunk deleted since the index
     * here last followed its changes is left out, and no other org's row can come back.
     */
    private List<RetrievedChunk> rows(RetrievalQuery query, List<ReciprocalRankFusion.Fused> fused) {
        if (fused.isEmpty()) {
            return List.of();
        }
        Long[] ids = fused.stream().map(f -> f.candidate().chunkId()).toArray(Long[]::new);
        record Row(String path, String title, String folder, String headingPath, String text, boolean lead) {}
        Map<Long, Row> rows = new java.util.HashMap<>();
        tenant.inOrgReadOnly(
                query.orgId(),
                () -> jdbc.sql(ROWS)
                        .param("org", query.orgId())
                        .param("ids", ids)
                        .param("folders", query.onlyFolders().toArray(String[]::new))
                        .query((rs, n) -> rows.put(
                                rs.getLong(1),
                                new Row(
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getString(5),
                                        rs.getString(6),
                                        rs.getBoolean(7))))
                        .list());
        List<RetrievedChunk> out = new java.util.ArrayList<>(fused.size());
        for (ReciprocalRankFusion.Fused f : fused) {
            ReciprocalRankFusion.Candidate c = f.candidate();
            Row row = rows.get(c.chunkId());
            if (row != null) {
                out.add(new RetrievedChunk(
                        c.chunkId(),
                        row.path(),
                        row.title(),
                        row.folder(),
                        row.headingPath(),
                        row.text(),
                        f.score(),
                        c.keywordRank(),
                        c.vectorRank(),
                        c.cosine(),
                        row.lead()));
            }
        }
        return out;
    }

    private List<RetrievedChunk> run(
            RetrievalQuery query,
            String sql,
            int ftsLimit,
            int vecLimit,
            String andText,
            long @Nullable [] keywordIds,
            int k) {
        List<Map.Entry<String, Double>> weights =
                List.copyOf(query.folderWeights().entrySet());
        Long[] ids = new Long[keywordIds == null ? 0 : keywordIds.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = keywordIds[i];
        }
        return tenant.inOrgReadOnly(
                query.orgId(),
                () -> jdbc.sql(sql)
                        .param("text", query.text())
                        .param("and_text", andText)
                        .param("kw_ids", ids)
                        .param("org", query.orgId())
                        .param("folders", query.onlyFolders().toArray(String[]::new))
                        .param("embedding", new PGvector(query.embedding()))
                        .param("fts_limit", ftsLimit)
                        .param("fts_pool", Math.max(FTS_POOL, ftsLimit))
                        .param("vec_limit", vecLimit)
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
                        .param("k", k)
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
                                rs.getDouble(10),
                                rs.getBoolean(11)))
                        .list());
    }
}

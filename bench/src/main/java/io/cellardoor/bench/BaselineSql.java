package io.cellardoor.bench;

import io.cellardoor.text.CorpusStatistics;
import io.cellardoor.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.List;

/**
 * "Today's statement": the hybrid query as {@code HybridRetriever} ran it at commit b43ce5f, before issue 13 (every
 * keyword OR-ed, the RUM index's best 200 matches ranked by {@code ts_rank_cd}; the vector branch and the fusion as
 * now), kept verbatim so the scale benchmark measures it beside today's production path on the same data, with one
 * change: its vector branch orders by the expression of today's HNSW index ({@code embedding::halfvec(384)}, V27),
 * the only HNSW index the schema has now (the index variants are compared by {@code bench hnsw}).
 */
final class BaselineSql {

    private BaselineSql() {}

    static final String TSQUERY =
            "(CASE WHEN :fts_limit > 0 THEN nullif(replace(websearch_to_tsquery('english', :text)::text, "
                    + "' & ', ' | '), '')::tsquery END)";

    static final String TENANT =
            "c.org_id = :org AND (cardinality(:folders::text[]) = 0 OR c.folder = ANY(:folders::text[]))";

    static final String FTS_RUM = """
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

    static final String REST = """
            vec AS MATERIALIZED (
                SELECT c.id, c.embedding::halfvec(384) <=> :embedding::halfvec(384) AS distance
                FROM kb_chunk c
                WHERE c.org_id = :org AND (cardinality(:folders::text[]) = 0 OR c.folder = ANY(:folders::text[]))
                ORDER BY c.embedding::halfvec(384) <=> :embedding::halfvec(384)
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

    /** The whole statement, over the RUM index (the bench database always has it). */
    static final String SQL = (FTS_RUM + REST).replace("TSQ", TSQUERY).replace("TENANT", TENANT);

    /** The keyword text as {@code KeywordQuery} made it then: words in more than 15 % of the chunks dropped. */
    static String keywords(CorpusStatistics.Stats stats, TermAnalyzer analyzer, String question) {
        record Word(String word, double share) {}
        List<Word> words = new ArrayList<>();
        for (String word : analyzer.expand(question).split(" ")) {
            List<String> stems = analyzer.termList(word);
            if (stems.isEmpty()) {
                continue;
            }
            words.add(new Word(
                    word, stems.stream().mapToDouble(stats::share).max().orElse(0)));
        }
        List<Double> shares = words.stream().map(Word::share).sorted().toList();
        double keepUpTo = shares.size() < 2 ? 1 : Math.max(0.15, shares.get(1));
        return String.join(
                " ",
                words.stream()
                        .filter(w -> w.share() <= keepUpTo)
                        .map(Word::word)
                        .toList());
    }
}

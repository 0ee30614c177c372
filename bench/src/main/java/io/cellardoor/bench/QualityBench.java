package io.cellardoor.bench;

import io.cellardoor.embedding.Embeddings;
import io.cellardoor.knowledge.ImportReport;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.retrieval.HybridRetriever;
import io.cellardoor.retrieval.RetrievalMode;
import io.cellardoor.retrieval.RetrievalQuery;
import io.cellardoor.retrieval.RetrievedChunk;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.text.KeywordQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Retrieval quality on the dev questions, over one import of the knowledge folder: the production importer writes the
 * chunks and embeddings to PostgreSQL, the Lucene index is built from exactly those rows, and every engine answers
 * every question with its top 10 chunks, reduced to distinct documents in rank order.
 */
final class QualityBench {

    static final int K = 10;
    static final int CANDIDATES = 40;
    static final int EF = 400;
    static final int TIMED_PASSES = 5;

    /** One engine: a question in, ranked chunk paths out. */
    interface Engine {
        List<String> paths(Query q) throws Exception;
    }

    record Query(
            String id, String question, String keywords, float[] embedding, List<String> sources, String language) {

        boolean english() {
            return language.equals("en");
        }
    }

    record Figures(String engine, double recallAt1, double recallAt5, double mrr, double p50Ms, List<Integer> ranks) {}

    private QualityBench() {}

    static List<Figures> run(Options options, BenchRun run, Db db) throws Exception {
        return run(options, run, db, Integer.MAX_VALUE);
    }

    static List<Figures> run(Options options, BenchRun run, Db db, int maxQuestions) throws Exception {
        Questions questions = Questions.read(options.questions());
        try (BenchContext.Started ctx = BenchContext.start(db, options.work());
                Connection conn = db.connect()) {
            run.machine(Machine.describe(conn, options.root()));
            Db.wipe(conn);
            long org = ctx.bean(TenantService.class).ensureOrg("bench-quality", "Benchmark quality");
            ImportReport imported =
                    ctx.bean(KnowledgeImporter.class).importFolder(org, options.knowledge(), line -> {});
            System.out.println("Imported " + options.knowledge() + ": " + imported.summary());
            Db.analyze(conn);
            List<SyntheticCorpus.Doc> rows = readOrg(conn, org);
            Path luceneDir = options.work().resolve("quality-lucene");
            deleteTree(luceneDir);
            LuceneIndex.build(luceneDir, 1, 256, sink -> rows.forEach(d -> sink.doc(org, d)));
            try (LuceneIndex lucene = LuceneIndex.open(luceneDir)) {
                HybridRetriever retriever = ctx.bean(HybridRetriever.class);
                Embeddings embeddings = ctx.bean(Embeddings.class);
                KeywordQuery keywords = ctx.bean(KeywordQuery.class);
                List<Query> queries = new ArrayList<>();
                for (Questions.Case c :
                        questions.withSources().stream().limit(maxQuestions).toList()) {
                    queries.add(new Query(
                            c.id(),
                            c.question(),
                            keywords.of(org, c.question()),
                            embeddings.embed(c.question()),
                            c.sources(),
                            c.language()));
                }
                boolean titleOn = PgExplain.titleTrigrams(ctx.context().getEnvironment());
                io.cellardoor.tenant.TenantTransactions tenant =
                        ctx.bean(io.cellardoor.tenant.TenantTransactions.class);
                ctx.bean(io.cellardoor.retrieval.KeywordIndex.class).awaitReady(org);
                Map<String, Engine> engines = engines(
                        org,
                        retriever,
                        PgExplain.postgresOnly(
                                ctx.bean(org.springframework.jdbc.core.simple.JdbcClient.class),
                                tenant,
                                keywords,
                                titleOn,
                                "auto"),
                        lucene,
                        titleOn,
                        tenant,
                        new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(
                                ctx.bean(javax.sql.DataSource.class)));
                List<Figures> figures = measure(engines, queries);
                write(run, options, figures, queries, imported, rows);
                return figures;
            }
        }
    }

    static Map<String, Engine> engines(
            long org,
            HybridRetriever retriever,
            HybridRetriever postgresOnly,
            LuceneIndex lucene,
            boolean titleOn,
            io.cellardoor.tenant.TenantTransactions tenant,
            org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named)
            throws Exception {
        Map<String, Engine> engines = new LinkedHashMap<>();
        engines.put(
                "today's hybrid (b43ce5f)",
                q -> tenant.inOrg(
                        org,
                        () -> named.query(
                                BaselineSql.SQL,
                                PgExplain.parameters(
                                        org,
                                        q.keywords(),
                                        "",
                                        new long[0],
                                        q.embedding(),
                                        K,
                                        CANDIDATES,
                                        CANDIDATES,
                                        PgExplain.trgLimit(titleOn)),
                                (rs, n) -> rs.getString("path"))));
        engines.put("PostgreSQL full text", q -> paths(pg(postgresOnly, org, q, RetrievalMode.FULL_TEXT, K)));
        engines.put("pgvector HNSW", q -> paths(pg(retriever, org, q, RetrievalMode.VECTOR, K)));
        engines.put("PostgreSQL hybrid (fallback)", q -> paths(pg(postgresOnly, org, q, RetrievalMode.HYBRID, K)));
        engines.put("keyword index (BM25)", q -> paths(pg(retriever, org, q, RetrievalMode.FULL_TEXT, K)));
        engines.put("production hybrid", q -> paths(pg(retriever, org, q, RetrievalMode.HYBRID, K)));
        engines.put("Lucene BM25", q -> lucenePaths(lucene.hitsOf(lucene.bm25(org, q.keywords(), K), K)));
        engines.put(
                "Lucene BM25 (whole question)", q -> lucenePaths(lucene.hitsOf(lucene.bm25(org, q.question(), K), K)));
        engines.put("Lucene HNSW", q -> lucenePaths(lucene.hitsOf(lucene.knn(org, q.embedding(), K, EF), K)));
        engines.put(
                "Lucene hybrid (BM25 + HNSW, RRF)",
                q -> lucenePaths(lucene.hybrid(org, q.keywords(), q.embedding(), K, CANDIDATES, EF)));
        return engines;
    }

    static List<Figures> measure(Map<String, Engine> engines, List<Query> queries) throws Exception {
        for (int pass = 0; pass < 5; pass++) { // warm-up passes, not measured
            for (Engine e : engines.values()) {
                for (Query q : queries) {
                    e.paths(q);
                }
            }
        }
        List<Figures> out = new ArrayList<>();
        for (Map.Entry<String, Engine> e : engines.entrySet()) {
            int at1 = 0;
            int at5 = 0;
            double rr = 0;
            List<Long> nanos = new ArrayList<>();
            List<Integer> ranks = new ArrayList<>();
            for (Query q : queries) {
                for (int pass = 1; pass < TIMED_PASSES; pass++) {
                    long t0 = System.nanoTime();
                    e.getValue().paths(q);
                    nanos.add(System.nanoTime() - t0);
                }
                long t0 = System.nanoTime();
                List<String> paths = e.getValue().paths(q);
                nanos.add(System.nanoTime() - t0);
                List<String> docs = new ArrayList<>(new LinkedHashSet<>(paths));
                int rank = 0;
                for (int i = 0; i < docs.size(); i++) {
                    if (q.sources().contains(docs.get(i))) {
                        rank = i + 1;
                        break;
                    }
                }
                ranks.add(rank);
                at1 += rank == 1 ? 1 : 0;
                at5 += rank >= 1 && rank <= 5 ? 1 : 0;
                rr += rank == 0 ? 0 : 1.0 / rank;
            }
            int n = queries.size();
            out.add(new Figures(
                    e.getKey(), at1 / (double) n, at5 / (double) n, rr / n, Stats.percentileMs(nanos, 0.5), ranks));
        }
        return out;
    }

    static List<RetrievedChunk> pg(HybridRetriever retriever, long org, Query q, RetrievalMode mode, int k) {
        return retriever.retrieve(RetrievalQuery.forOrg(org)
                .text(q.keywords())
                .embedding(q.embedding())
                .k(k)
                .mode(mode)
                .language(q.language())
                .build());
    }

    private static List<String> paths(List<RetrievedChunk> chunks) {
        return chunks.stream().map(RetrievedChunk::path).toList();
    }

    private static List<String> lucenePaths(List<LuceneIndex.Hit> hits) {
        return hits.stream().map(LuceneIndex.Hit::path).toList();
    }

    /** The org's documents and chunks as stored, with their ids and embeddings. */
    static List<SyntheticCorpus.Doc> readOrg(Connection conn, long org) throws Exception {
        record Row(long docId, String path, String folder, String title, SyntheticCorpus.Chunk chunk) {}
        Map<Long, List<Row>> byDoc = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT d.id, d.path, d.folder, d.title, c.id, c.ordinal, c.heading_path, c.content, c.embedding::text
                FROM kb_chunk c JOIN kb_document d ON d.id = c.document_id WHERE c.org_id = ? ORDER BY d.id, c.ordinal""")) {
            ps.setLong(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byDoc.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Row(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    new SyntheticCorpus.Chunk(
                                            rs.getLong(5),
                                            rs.getInt(6),
                                            rs.getString(7),
                                            rs.getString(8),
                                            BaseCorpus.parseVector(rs.getString(9)))));
                }
            }
        }
        List<SyntheticCorpus.Doc> docs = new ArrayList<>();
        byDoc.forEach((id, rows) -> docs.add(new SyntheticCorpus.Doc(
                id,
                rows.get(0).path(),
                rows.get(0).folder(),
                rows.get(0).title(),
                rows.stream().map(Row::chunk).toList())));
        return docs;
    }

    private static void write(
            BenchRun run,
            Options options,
            List<Figures> figures,
            List<Query> queries,
            ImportReport imported,
            List<SyntheticCorpus.Doc> rows)
            throws Exception {
        int chunks = rows.stream().mapToInt(d -> d.chunks().size()).sum();
        String file = options.questions().getFileName().toString();
        String key = sectionKey(file);
        long other = queries.stream().filter(q -> !q.english()).count();
        Report report =
                new Report(key, "Retrieval quality: PostgreSQL and Lucene on the dev questions (" + file + ")", run);
        report.para(
                ("%d dev questions that name the files answering them (of %s), over %s: %d documents, %d chunks, imported "
                                + "once by the production importer; Lucene indexes exactly those chunks and embeddings (all-MiniLM-L6-v2, "
                                + "384 dimensions); the database is analyzed after the import. Every engine returns its top %d chunks (%d candidates per branch before fusion, HNSW "
                                + "ef_search / Lucene k = %d), reduced to distinct documents in rank order. recall@1: the first document "
                                + "answers the question; recall@5: one of the first five does; MRR: mean of 1 / rank of the first answering "
                                + "document (0 when none in the top %d chunks). No folder weights, boosts or plugin routing: this is the "
                                + "retrieval layer alone (the chat pipeline adds them; see docs/evaluation.md).")
                        .formatted(
                                queries.size(),
                                options.questions().getFileName(),
                                options.knowledge().getFileName(),
                                rows.size(),
                                chunks,
                                K,
                                CANDIDATES,
                                EF,
                                K));
        Report.Rows table = new Report.Rows();
        for (Figures f : figures) {
            table.add(
                    f.engine(),
                    Stats.fmt3(f.recallAt1()),
                    Stats.fmt3(f.recallAt5()),
                    Stats.fmt3(f.mrr()),
                    Stats.fmt(f.p50Ms()));
        }
        report.table(List.of("engine", "recall@1", "recall@5", "MRR", "p50 ms / query"), table.rows);
        report.para("""
                Full text for every engine is the production keyword text (`KeywordQuery`: the question's words minus \
                those in more than 15%% of the tenant's chunks at this size, shorthand expanded); "whole question" \
                gives Lucene the question as typed. "today's hybrid" is the statement before issue 13 (b43ce5f). \
                "PostgreSQL full text" and "PostgreSQL hybrid (fallback)" are `HybridRetriever` while a tenant's \
                keyword index is not ready; "keyword index (BM25)" and "production hybrid" are `HybridRetriever` as \
                the app runs it, the keyword branch from the tenant's in-process Lucene index (decision 0027). %d of \
                the questions are not in English (tags `lang-es`, `lang-fr`): the production and fallback paths search \
                them with folded, unstemmed words (`cellardoor_simple`, the index's folded field); the other engines \
                treat every question as English. Lucene's own hybrid fuses BM25 and HNSW the same way. Latency: one \
                client, median over %d passes of every question after 5 warm-up passes, on this %d-chunk tenant; \
                Lucene runs in process, PostgreSQL over loopback JDBC.""".formatted(other, TIMED_PASSES, chunks));
        Path plot = run.plot(key + ".png");
        List<String> names = figures.stream().map(f -> shortName(f.engine())).toList();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("recall@1", figures.stream().map(Figures::recallAt1).toList());
        series.put("recall@5", figures.stream().map(Figures::recallAt5).toList());
        series.put("MRR", figures.stream().map(Figures::mrr).toList());
        Plots.bars(plot, "Retrieval quality on the dev questions", "", names, series);
        report.image(plot, run.out(), "recall@1, recall@5 and MRR per engine");
        // Case ids, not the questions: the dev set stays in ../shared/data and is not copied into the repository.
        List<String> header = new ArrayList<>(List.of("case"));
        figures.forEach(f -> header.add(shortName(f.engine())));
        Report.Rows perCase = new Report.Rows();
        for (int i = 0; i < queries.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(queries.get(i).id());
            for (Figures f : figures) {
                int r = f.ranks().get(i);
                row.add(r == 0 ? "–" : String.valueOf(r));
            }
            perCase.add(row.toArray());
        }
        report.para("Rank of the first answering document per question (– = not in the top " + K
                + " chunks; PG = PostgreSQL, "
                + "Lu = Lucene, FT = full text, vec/KNN = vector only, (q) = whole question):");
        report.table(header, perCase.rows);
        report.writeTo(run.out());
    }

    /** {@code quality} for the first dev set, {@code quality-NAME} for another questions file. */
    static String sectionKey(String questionsFile) {
        return questionsFile.equals("vineyard-qa-dev.jsonl")
                ? "quality"
                : "quality-" + questionsFile.replaceFirst("\\.jsonl$", "").replaceAll("[^A-Za-z0-9-]", "-");
    }

    static String shortName(String engine) {
        return switch (engine) {
            case "today's hybrid (b43ce5f)" -> "today";
            case "PostgreSQL full text" -> "PG FT";
            case "pgvector HNSW" -> "PG vec";
            case "PostgreSQL hybrid (fallback)" -> "PG hybrid";
            case "keyword index (BM25)" -> "index BM25";
            case "production hybrid" -> "production";
            case "Lucene BM25" -> "Lu BM25";
            case "Lucene BM25 (whole question)" -> "Lu BM25 (q)";
            case "Lucene HNSW" -> "Lu KNN";
            case "Lucene hybrid (BM25 + HNSW, RRF)" -> "Lu hybrid";
            default -> engine;
        };
    }

    static void deleteTree(Path dir) throws Exception {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var walk = java.nio.file.Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }
}

package io.cellardoor.bench;

import io.cellardoor.embedding.Embeddings;
import io.cellardoor.retrieval.HybridRetriever;
import io.cellardoor.retrieval.RetrievalMode;
import io.cellardoor.retrieval.RetrievalQuery;
import io.cellardoor.retrieval.RetrievedChunk;
import io.cellardoor.text.KeywordQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Scale: for each size, a two-tenant corpus (the real chunks as a small tenant, synthetic chunks derived from them as a
 * large one) is loaded into PostgreSQL's real schema and into Lucene; then build time and size, HNSW recall@10 against
 * exact search, and latency of the production hybrid query against the Lucene hybrid with 1 and 8 clients.
 */
final class ScaleBench {

    static final long SEED = 20261123L;
    static final int K = 8; // ChatService's default
    static final int CANDIDATES = 40;
    static final int EF = 400;
    static final List<Integer> DEFAULT_SIZES = List.of(10_000, 100_000);

    record Query(String text, String keywords, String smallKeywords, float[] embedding) {}

    record LatencyRow(String engine, String what, int clients, Stats.Latency latency, double perSecond) {}

    /** Recall@10 and mean latency of the vector search alone at one ef_search (PostgreSQL) or k (Lucene). */
    record SweepPoint(String engine, int ef, double recall, double meanMs) {}

    record SizeResult(
            int size,
            int largeChunks,
            int smallChunks,
            double generateSeconds,
            PgLoader.Result pg,
            LuceneIndex.BuildResult lucene,
            double statsWarmupSeconds,
            double pgRecallLarge,
            double pgRecallSmall,
            double luceneRecallLarge,
            double luceneRecallSmall,
            String pgExactCheck,
            List<LatencyRow> latencies,
            int queries,
            Map<String, Double> pgBreakdown,
            double pgRecallQuestions,
            double pgRecallLines,
            double luceneRecallQuestions,
            double luceneRecallLines,
            List<SweepPoint> sweep) {

        LatencyRow row(String engine, String what, int clients) {
            return latencies.stream()
                    .filter(r -> r.engine().equals(engine) && r.what().equals(what) && r.clients() == clients)
                    .findFirst()
                    .orElse(null);
        }
    }

    private ScaleBench() {}

    static List<SizeResult> run(Options options, BenchRun run, Db db) throws Exception {
        List<Integer> sizes = options.getInts("sizes", DEFAULT_SIZES);
        int queryCount = options.getInt("queries", 200);
        int threads = options.getInt("threads", 1);
        String key = sizes.equals(DEFAULT_SIZES)
                ? "scale"
                : "scale-"
                        + String.join("-", sizes.stream().map(String::valueOf).toList());
        List<SizeResult> results = new ArrayList<>();
        try (BenchContext.Started ctx = BenchContext.start(db);
                Connection conn = db.connect()) {
            run.machine(Machine.describe(conn, options.root()));
            List<BaseCorpus.Doc> base = BaseCorpus.fromFolder(
                    options.knowledge(),
                    ctx.bean(Embeddings.class),
                    options.work().resolve("cache"));
            Questions questions = Questions.read(options.questions());
            String hnswDef = "";
            for (int size : sizes) {
                System.out.println("scale: " + size + " chunks");
                Db.wipe(conn);
                try (PgLoader loader = new PgLoader(db)) {
                    hnswDef = loader.hnswDefinition();
                    results.add(runSize(size, queryCount, threads, base, questions, loader, ctx, conn, options, db));
                }
                write(run, key, results, threads, hnswDef);
            }
            // The last size stays in the database for inspection; the next run wipes it.
        }
        return results;
    }

    private static SizeResult runSize(
            int size,
            int queryCount,
            int threads,
            List<BaseCorpus.Doc> base,
            Questions questions,
            PgLoader loader,
            BenchContext.Started ctx,
            Connection conn,
            Options options,
            Db db)
            throws Exception {
        int smallChunks = BaseCorpus.chunkCount(base);
        if (size < smallChunks * 2) {
            throw new IllegalArgumentException("size must be at least " + smallChunks * 2 + " chunks");
        }
        int largeChunks = size - smallChunks;
        long smallOrg = loader.createOrg("bench-small");
        long largeOrg = loader.createOrg("bench-large");
        SyntheticCorpus synthetic = new SyntheticCorpus(base, SEED + size);
        // The small tenant is synthetic too (another seed): the real vectors are the centres every synthetic vector is
        // mixed around, and in the same graph they become hubs that hurt HNSW recall (Lucene's most: 0.72 against
        // 0.90 at 100k), which no real corpus has.
        List<SyntheticCorpus.Doc> smallDocs = new ArrayList<>();
        new SyntheticCorpus(base, SEED + size + 1).generate(smallChunks, 1, 1, smallDocs::add);
        long docId = smallDocs.size() + 1;
        long chunkId = smallChunks + 1;
        long firstDoc = docId;
        long firstChunk = chunkId;
        // The small tenant's documents arrive spread among the large tenant's, as tenants' imports interleave in life.
        Consumer<PgLoader.Sink> producer = sink -> {
            int[] next = {0};
            long[] emitted = {0};
            synthetic.generate(largeChunks, firstDoc, firstChunk, d -> {
                sink.doc(largeOrg, d);
                emitted[0] += d.chunks().size();
                while (next[0] < smallDocs.size()
                        && emitted[0] * (smallDocs.size() + 1) >= (long) (next[0] + 1) * largeChunks) {
                    sink.doc(smallOrg, smallDocs.get(next[0]++));
                }
            });
            while (next[0] < smallDocs.size()) {
                sink.doc(smallOrg, smallDocs.get(next[0]++));
            }
        };

        // A dry pass: the large tenant's vectors for exact search, and sampled chunk texts as queries.
        int sampleCount = Math.max(0, queryCount - questions.cases().size());
        SplittableRandom rnd = new SplittableRandom(SEED);
        Set<Integer> sampled = new HashSet<>();
        while (sampled.size() < Math.min(sampleCount, largeChunks)) {
            sampled.add(rnd.nextInt(largeChunks));
        }
        float[] largeVectors = new float[largeChunks * SyntheticCorpus.DIMS];
        long[] largeIds = new long[largeChunks];
        List<String> sampleTexts = new ArrayList<>();
        long t0 = System.nanoTime();
        int[] n = {0};
        synthetic.generate(largeChunks, firstDoc, firstChunk, d -> {
            for (SyntheticCorpus.Chunk c : d.chunks()) {
                System.arraycopy(c.embedding(), 0, largeVectors, n[0] * SyntheticCorpus.DIMS, SyntheticCorpus.DIMS);
                largeIds[n[0]] = c.id();
                if (sampled.contains(n[0])) {
                    sampleTexts.add(queryText(c.text(), rnd));
                }
                n[0]++;
            }
        });
        double generate = PgLoader.seconds(t0);

        String mwm = maintenanceWorkMem(size);
        System.out.println("  PostgreSQL: COPY, tsvector, indexes (maintenance_work_mem " + mwm + ")");
        PgLoader.Result pg = loader.load(producer, mwm);
        System.out.printf("  PostgreSQL built in %.1f s (HNSW %.1f s)%n", pg.totalSeconds(), pg.hnswSeconds());
        Path luceneDir = options.work().resolve("scale-lucene-" + size);
        QualityBench.deleteTree(luceneDir);
        int ramMb = (int) Math.max(256, Math.min(1900, Runtime.getRuntime().maxMemory() / 4 / (1 << 20)));
        LuceneIndex.BuildResult lucene = LuceneIndex.build(luceneDir, threads, ramMb, producer);
        System.out.printf(
                "  Lucene built in %.1f s (%d segments before merge)%n",
                lucene.totalSeconds(), lucene.segmentsBeforeMerge());

        // Queries: the dev questions and sampled chunk texts, embedded by the model; keyword text as the chat makes it.
        Embeddings embeddings = ctx.bean(Embeddings.class);
        KeywordQuery keywords = ctx.bean(KeywordQuery.class);
        List<String> texts = new ArrayList<>(questions.texts());
        texts.addAll(sampleTexts);
        texts = texts.subList(0, Math.min(texts.size(), queryCount));
        t0 = System.nanoTime();
        keywords.of(largeOrg, "warm up");
        keywords.of(smallOrg, "warm up");
        double statsWarmup = PgLoader.seconds(t0);
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < texts.size(); i += 32) {
            List<String> batch = texts.subList(i, Math.min(texts.size(), i + 32));
            List<float[]> vs = embeddings.embedAll(batch);
            for (int j = 0; j < batch.size(); j++) {
                queries.add(new Query(
                        batch.get(j),
                        keywords.of(largeOrg, batch.get(j)),
                        keywords.of(smallOrg, batch.get(j)),
                        vs.get(j)));
            }
        }
        List<Query> devQueries =
                queries.subList(0, Math.min(queries.size(), questions.cases().size()));

        HybridRetriever retriever = ctx.bean(HybridRetriever.class);
        float[] smallVectors = new float[smallChunks * SyntheticCorpus.DIMS];
        long[] smallIds = new long[smallChunks];
        int[] m = {0};
        smallDocs.forEach(d -> d.chunks().forEach(c -> {
            System.arraycopy(c.embedding(), 0, smallVectors, m[0] * SyntheticCorpus.DIMS, SyntheticCorpus.DIMS);
            smallIds[m[0]++] = c.id();
        }));
        try (LuceneIndex index = LuceneIndex.open(luceneDir)) {
            System.out.println("  recall@10");
            double pgLarge = 0;
            double luLarge = 0;
            double pgQuestions = 0;
            double luQuestions = 0;
            List<Set<Long>> exactLarge = new ArrayList<>();
            for (int i = 0; i < queries.size(); i++) {
                Query q = queries.get(i);
                Set<Long> exact = exactTop(largeVectors, largeIds, q.embedding(), 10);
                exactLarge.add(exact);
                double pgr = overlap(exact, pgVectorIds(retriever, largeOrg, q, 10));
                double lur = overlap(exact, luceneIds(index, largeOrg, q, 10));
                pgLarge += pgr;
                luLarge += lur;
                if (i < devQueries.size()) {
                    pgQuestions += pgr;
                    luQuestions += lur;
                }
            }
            int lines = Math.max(1, queries.size() - devQueries.size());
            List<SweepPoint> sweep = sweep(db, index, largeOrg, queries, exactLarge);
            double pgSmall = 0;
            double luSmall = 0;
            for (Query q : devQueries) {
                Set<Long> exact = exactTop(smallVectors, smallIds, q.embedding(), 10);
                pgSmall += overlap(exact, pgVectorIds(retriever, smallOrg, q, 10));
                luSmall += overlap(exact, luceneIds(index, smallOrg, q, 10));
            }
            String exactCheck = pgExactCheck(
                    conn, largeOrg, queries.subList(0, Math.min(5, queries.size())), largeVectors, largeIds);

            System.out.println("  latency");
            List<LatencyRow> rows = new ArrayList<>();
            int q1 = queries.size() * 2;
            int q8 = queries.size() * 4;
            Runner.Operation pgHybrid =
                    i -> pg(retriever, largeOrg, queries.get(i % queries.size()), RetrievalMode.HYBRID);
            Runner.Operation luHybrid = i -> {
                Query q = queries.get(i % queries.size());
                index.hybrid(largeOrg, q.keywords(), q.embedding(), K, CANDIDATES, EF);
            };
            Runner.run(1, Math.min(queries.size(), 100), pgHybrid); // warm-up
            Runner.run(1, Math.min(queries.size(), 100), luHybrid);
            rows.add(row("PostgreSQL", "hybrid", Runner.run(1, q1, pgHybrid)));
            rows.add(row("PostgreSQL", "hybrid", Runner.run(8, q8, pgHybrid)));
            rows.add(row("Lucene", "hybrid", Runner.run(1, q1, luHybrid)));
            rows.add(row("Lucene", "hybrid", Runner.run(8, q8, luHybrid)));
            org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named =
                    new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(
                            ctx.bean(javax.sql.DataSource.class));
            String sql = PgExplain.productionSql(retriever);
            boolean titleOn = PgExplain.titleTrigrams(ctx.context().getEnvironment());
            // The other setting of the title trigram branch than the app's (off by default, opt-in), for its cost.
            io.cellardoor.tenant.TenantTransactions tenant = ctx.bean(io.cellardoor.tenant.TenantTransactions.class);
            Runner.Operation pgOtherTitle = i -> tenant.runInOrg(
                    largeOrg,
                    () -> named.query(
                            sql,
                            PgExplain.parameters(
                                    largeOrg, queries.get(i % queries.size()), K, PgExplain.trgLimit(!titleOn)),
                            (java.sql.ResultSet rs) -> {}));
            Runner.run(1, Math.min(queries.size(), 50), pgOtherTitle);
            rows.add(row(
                    "PostgreSQL",
                    titleOn ? "hybrid, title branch off" : "hybrid, title branch on",
                    Runner.run(1, queries.size(), pgOtherTitle)));
            if (PgExplain.rum(sql)) {
                // Without the rum extension the full-text branch ranks every match over the GIN index.
                String gin = PgExplain.sqlWith(
                        ctx.bean(org.springframework.jdbc.core.simple.JdbcClient.class), tenant, titleOn, "gin");
                Runner.Operation pgGin = i -> tenant.runInOrg(
                        largeOrg,
                        () -> named.query(
                                gin,
                                PgExplain.parameters(
                                        largeOrg, queries.get(i % queries.size()), K, PgExplain.trgLimit(titleOn)),
                                (java.sql.ResultSet rs) -> {}));
                Runner.run(1, Math.min(queries.size(), 50), pgGin);
                rows.add(row("PostgreSQL", "hybrid, full text over GIN", Runner.run(1, queries.size(), pgGin)));
            }
            rows.add(row(
                    "PostgreSQL",
                    "full text",
                    Runner.run(
                            1, queries.size(), i -> pg(retriever, largeOrg, queries.get(i), RetrievalMode.FULL_TEXT))));
            rows.add(row(
                    "PostgreSQL",
                    "vector",
                    Runner.run(1, queries.size(), i -> pg(retriever, largeOrg, queries.get(i), RetrievalMode.VECTOR))));
            rows.add(row("Lucene", "full text", Runner.run(1, queries.size(), i -> {
                Query q = queries.get(i);
                index.hitsOf(index.bm25(largeOrg, q.keywords(), CANDIDATES), K);
            })));
            rows.add(row("Lucene", "vector", Runner.run(1, queries.size(), i -> {
                Query q = queries.get(i);
                index.hitsOf(index.knn(largeOrg, q.embedding(), CANDIDATES, EF), K);
            })));
            int smallOps = Math.max(devQueries.size(), queries.size());
            Runner.Operation pgSmallOp = i -> {
                Query q = devQueries.get(i % devQueries.size());
                retriever.retrieve(RetrievalQuery.forOrg(smallOrg)
                        .text(q.smallKeywords())
                        .embedding(q.embedding())
                        .k(K)
                        .build());
            };
            Runner.Operation luSmallOp = i -> {
                Query q = devQueries.get(i % devQueries.size());
                index.hybrid(smallOrg, q.smallKeywords(), q.embedding(), K, CANDIDATES, EF);
            };
            Runner.run(1, devQueries.size(), pgSmallOp);
            Runner.run(1, devQueries.size(), luSmallOp);
            rows.add(row("PostgreSQL", "hybrid, small tenant", Runner.run(1, smallOps, pgSmallOp)));
            rows.add(row("Lucene", "hybrid, small tenant", Runner.run(1, smallOps, luSmallOp)));
            Map<String, Double> breakdown = new LinkedHashMap<>(PgExplain.breakdown(
                    ctx.bean(javax.sql.DataSource.class),
                    tenant,
                    sql,
                    largeOrg,
                    queries.subList(0, Math.min(40, queries.size())),
                    K,
                    PgExplain.trgLimit(titleOn)));
            if (!titleOn) {
                breakdown.put(
                        "CTE trg (opt-in)",
                        PgExplain.breakdown(
                                        ctx.bean(javax.sql.DataSource.class),
                                        tenant,
                                        sql,
                                        largeOrg,
                                        queries.subList(0, Math.min(40, queries.size())),
                                        K,
                                        PgExplain.trgLimit(true))
                                .get("CTE trg"));
            }
            SizeResult r = new SizeResult(
                    size,
                    largeChunks,
                    smallChunks,
                    generate,
                    pg,
                    lucene,
                    statsWarmup,
                    pgLarge / queries.size(),
                    pgSmall / devQueries.size(),
                    luLarge / queries.size(),
                    luSmall / devQueries.size(),
                    exactCheck,
                    rows,
                    queries.size(),
                    breakdown,
                    pgQuestions / devQueries.size(),
                    (pgLarge - pgQuestions) / lines,
                    luQuestions / devQueries.size(),
                    (luLarge - luQuestions) / lines,
                    sweep);
            print(r);
            return r;
        } finally {
            QualityBench.deleteTree(luceneDir);
        }
    }

    static final List<Integer> SWEEP = List.of(40, 100, 200, 400, 800);

    /**
     * The vector search alone at several beam widths: pgvector as the production vector branch runs it (40 rows,
     * iterative scan) at each {@code hnsw.ef_search}; Lucene at each k; recall@10 and mean latency, 1 client.
     */
    private static List<SweepPoint> sweep(
            Db db, LuceneIndex index, long org, List<Query> queries, List<Set<Long>> exact) throws Exception {
        List<SweepPoint> out = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id, embedding <=> ?::vector AS d FROM kb_chunk WHERE org_id = ? ORDER BY embedding <=> ?::vector LIMIT 40")) {
            st.execute("SET hnsw.iterative_scan = relaxed_order");
            for (int ef : SWEEP) {
                st.execute("SET hnsw.ef_search = " + ef);
                double recall = 0;
                long nanos = 0;
                for (int pass = 0; pass < 2; pass++) {
                    recall = 0;
                    nanos = 0;
                    for (int i = 0; i < queries.size(); i++) {
                        String v = PgLoader.vector(queries.get(i).embedding());
                        ps.setString(1, v);
                        ps.setLong(2, org);
                        ps.setString(3, v);
                        long t0 = System.nanoTime();
                        List<double[]> rows = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                rows.add(new double[] {rs.getLong(1), rs.getDouble(2)});
                            }
                        }
                        nanos += System.nanoTime() - t0;
                        rows.sort((a, b) -> Double.compare(a[1], b[1]));
                        recall += overlap(
                                exact.get(i),
                                rows.stream().limit(10).map(r -> (long) r[0]).toList());
                    }
                }
                out.add(new SweepPoint("PostgreSQL", ef, recall / queries.size(), nanos / 1e6 / queries.size()));
            }
        }
        for (int ef : SWEEP) {
            double recall = 0;
            long nanos = 0;
            for (int pass = 0; pass < 2; pass++) {
                recall = 0;
                nanos = 0;
                for (int i = 0; i < queries.size(); i++) {
                    long t0 = System.nanoTime();
                    List<Long> ids = index.knn(org, queries.get(i).embedding(), 10, ef).stream()
                            .map(index::chunkId)
                            .toList();
                    nanos += System.nanoTime() - t0;
                    recall += overlap(exact.get(i), ids);
                }
            }
            out.add(new SweepPoint("Lucene", ef, recall / queries.size(), nanos / 1e6 / queries.size()));
        }
        return out;
    }

    private static void pg(HybridRetriever retriever, long org, Query q, RetrievalMode mode) {
        retriever.retrieve(RetrievalQuery.forOrg(org)
                .text(q.keywords())
                .embedding(q.embedding())
                .k(K)
                .mode(mode)
                .build());
    }

    private static LatencyRow row(String engine, String what, Runner.Result r) {
        return new LatencyRow(engine, what, r.clients(), r.latency(), r.perSecond());
    }

    /** The vector branch of the production SQL alone: its first k rows are pgvector's HNSW result. */
    private static List<Long> pgVectorIds(HybridRetriever retriever, long org, Query q, int k) {
        return retriever
                .retrieve(RetrievalQuery.forOrg(org)
                        .text(q.keywords())
                        .embedding(q.embedding())
                        .k(k)
                        .mode(RetrievalMode.VECTOR)
                        .build())
                .stream()
                .map(RetrievedChunk::chunkId)
                .toList();
    }

    private static List<Long> luceneIds(LuceneIndex index, long org, Query q, int k) throws Exception {
        return index.knn(org, q.embedding(), k, EF).stream().map(index::chunkId).toList();
    }

    static double overlap(Set<Long> exact, List<Long> found) {
        if (exact.isEmpty()) {
            return 1;
        }
        return found.stream().filter(exact::contains).count() / (double) exact.size();
    }

    /** Exact top k by dot product (= cosine on normalised vectors), by brute force. */
    static Set<Long> exactTop(float[] vectors, long[] ids, float[] q, int k) {
        PriorityQueue<double[]> heap = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        int dims = q.length;
        for (int i = 0; i < ids.length; i++) {
            double s = dot(q, vectors, i * dims);
            if (heap.size() < k) {
                heap.add(new double[] {s, i});
            } else if (s > heap.peek()[0]) {
                heap.poll();
                heap.add(new double[] {s, i});
            }
        }
        Set<Long> out = new HashSet<>();
        heap.forEach(e -> out.add(ids[(int) e[1]]));
        return out;
    }

    private static double dot(float[] q, float[] vectors, int offset) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        for (int j = 0; j < q.length; j += 4) {
            s0 += q[j] * vectors[offset + j];
            s1 += q[j + 1] * vectors[offset + j + 1];
            s2 += q[j + 2] * vectors[offset + j + 2];
            s3 += q[j + 3] * vectors[offset + j + 3];
        }
        return s0 + s1 + s2 + s3;
    }

    /** PostgreSQL's own exact search (indexes off) against the Java brute force, for a few queries. */
    private static String pgExactCheck(Connection conn, long org, List<Query> queries, float[] vectors, long[] ids)
            throws Exception {
        double agree = 0;
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            st.execute("SET LOCAL enable_indexscan = off");
            st.execute("SET LOCAL enable_bitmapscan = off");
            for (Query q : queries) {
                List<Long> found = new ArrayList<>();
                try (PreparedStatement ps = conn.prepareStatement(
                        "SELECT id FROM kb_chunk WHERE org_id = ? ORDER BY embedding <=> ?::vector LIMIT 10")) {
                    ps.setLong(1, org);
                    ps.setString(2, PgLoader.vector(q.embedding()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getLong(1));
                        }
                    }
                }
                agree += overlap(exactTop(vectors, ids, q.embedding(), 10), found);
            }
        } finally {
            conn.rollback();
            conn.setAutoCommit(true);
        }
        return "%.3f over %d queries".formatted(agree / queries.size(), queries.size());
    }

    private static String queryText(String chunkText, SplittableRandom rnd) {
        List<String> lines = chunkText
                .lines()
                .filter(l -> !l.startsWith("## ") && l.split("\\s+").length >= 4)
                .toList();
        String line = lines.isEmpty() ? chunkText.replace('\n', ' ') : lines.get(rnd.nextInt(lines.size()));
        String[] words = line.replaceFirst("^[-\\d.|\\s]+", "").split("\\s+");
        return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(words.length, 12)));
    }

    /** Enough for the HNSW graph to be built in memory: about 2.5 KiB per chunk, at least 256 MB. */
    static String maintenanceWorkMem(int size) {
        long mb = Math.max(256, (long) size * 2560 / (1 << 20) + 128);
        return mb >= 1024 ? ((mb + 1023) / 1024) + "GB" : mb + "MB";
    }

    private static void print(SizeResult r) {
        for (LatencyRow l : r.latencies()) {
            System.out.printf(
                    "  %-10s %-22s c=%d p50 %.2f p95 %.2f p99 %.2f ms, %.0f/s%n",
                    l.engine(),
                    l.what(),
                    l.clients(),
                    l.latency().p50(),
                    l.latency().p95(),
                    l.latency().p99(),
                    l.perSecond());
        }
        System.out.printf(
                "  recall@10 PG %.3f / %.3f, Lucene %.3f / %.3f%n",
                r.pgRecallLarge(), r.pgRecallSmall(), r.luceneRecallLarge(), r.luceneRecallSmall());
    }

    private static String mib(long bytes) {
        return Stats.fmt(bytes / 1048576.0);
    }

    private static String size(int n) {
        return n >= 1_000_000 && n % 1_000_000 == 0
                ? n / 1_000_000 + "M"
                : n >= 1000 && n % 1000 == 0 ? n / 1000 + "k" : String.valueOf(n);
    }

    static void write(BenchRun run, String key, List<SizeResult> results, int threads, String hnswDef)
            throws Exception {
        Report report = new Report(
                key,
                "Scale: PostgreSQL and Lucene at "
                        + String.join(
                                ", ", results.stream().map(r -> size(r.size())).toList()) + " chunks",
                run);
        SizeResult first = results.get(0);
        report.para(("""
                Each size is one database and one Lucene index holding two tenants, both synthetic chunks derived from \
                the real Milea chunks: a small tenant of %d (the real corpus's size, its documents loaded spread among \
                the large tenant's) and the large tenant with the rest (see `SyntheticCorpus`: real documents' \
                structure, lines mixed with a random donor chunk, a Zipf-distributed made-up vocabulary on 8%% of words, \
                embeddings mixing three real ones, `normalise(base + a·donor + b·third + N(0, 0.02²))`, a ∈ [0.2, 0.6], \
                b ∈ [0, 0.3], seed %d). PostgreSQL: the app's schema and \
                indexes (`%s`), rows COPYed, indexes built after loading, `VACUUM ANALYZE`; every query on a connection \
                with `hnsw.ef_search = %d` and `hnsw.iterative_scan = relaxed_order`, as the app sets. Lucene 10.6: \
                one segment (%d indexing thread(s)), HNSW m 16 / beam 64, float32 vectors, BM25, \
                MMapDirectory; one indexing thread by default (`--threads N` builds N segments and merges them, which \
                was slower and gave a slightly worse graph at these sizes). Queries: %d per size (the dev questions, then lines sampled from the large tenant's \
                chunks), embedded by the model; full-text text from the production `KeywordQuery`. Hybrid = top %d of \
                full text and vector branches, %d candidates each, fused by RRF k = 60; PostgreSQL runs the production \
                `HybridRetriever` SQL as the app configures it, Lucene runs in the same JVM as the \
                clients (no network hop). Latency is per query at the client; 1 client runs %d queries, 8 clients \
                %d in total, after a warm-up.""")
                .formatted(
                        first.smallChunks(),
                        SEED,
                        hnswDef,
                        EF,
                        threads,
                        first.queries(),
                        K,
                        CANDIDATES,
                        first.queries() * 2,
                        first.queries() * 4));
        Report.Rows lat = new Report.Rows();
        for (SizeResult r : results) {
            for (String engine : List.of("PostgreSQL", "Lucene")) {
                for (int c : List.of(1, 8)) {
                    LatencyRow l = r.row(engine, "hybrid", c);
                    lat.add(
                            size(r.size()),
                            engine,
                            c,
                            l.latency().p50(),
                            l.latency().p95(),
                            l.latency().p99(),
                            Stats.fmt(l.perSecond()));
                }
            }
        }
        report.para("**Hybrid query latency, large tenant** (ms):");
        report.table(List.of("chunks", "engine", "clients", "p50", "p95", "p99", "queries/s"), lat.rows);
        Report.Rows branches = new Report.Rows();
        for (SizeResult r : results) {
            for (String engine : List.of("PostgreSQL", "Lucene")) {
                LatencyRow ft = r.row(engine, "full text", 1);
                LatencyRow vec = r.row(engine, "vector", 1);
                LatencyRow hy = r.row(engine, "hybrid", 1);
                LatencyRow sm = r.row(engine, "hybrid, small tenant", 1);
                LatencyRow nt = r.latencies().stream()
                        .filter(l -> l.engine().equals(engine) && l.what().startsWith("hybrid, title branch"))
                        .findFirst()
                        .orElse(null);
                LatencyRow gin = r.latencies().stream()
                        .filter(l -> l.engine().equals(engine) && l.what().equals("hybrid, full text over GIN"))
                        .findFirst()
                        .orElse(null);
                branches.add(
                        size(r.size()),
                        engine,
                        Stats.fmt(ft.latency().p50()) + " / "
                                + Stats.fmt(ft.latency().p95()),
                        Stats.fmt(vec.latency().p50()) + " / "
                                + Stats.fmt(vec.latency().p95()),
                        Stats.fmt(hy.latency().p50()) + " / "
                                + Stats.fmt(hy.latency().p95()),
                        nt == null
                                ? "-"
                                : Stats.fmt(nt.latency().p50()) + " / "
                                        + Stats.fmt(nt.latency().p95()),
                        gin == null
                                ? "-"
                                : Stats.fmt(gin.latency().p50()) + " / "
                                        + Stats.fmt(gin.latency().p95()),
                        Stats.fmt(sm.latency().p50()) + " / "
                                + Stats.fmt(sm.latency().p95()));
            }
        }
        String other = first.latencies().stream()
                .map(LatencyRow::what)
                .filter(w -> w.startsWith("hybrid, title branch"))
                .findFirst()
                .orElse("hybrid, title branch on");
        report.para(
                ("**Per branch, 1 client** (ms, p50 / p95; \"hybrid\" is `HybridRetriever` as configured, the title trigram "
                                + "branch %s (`cellardoor.retrieval.title-trigrams`); \"%s\" is the same SQL with that branch's LIMIT "
                                + "flipped; \"full text over GIN\" is the statement the app runs without the rum extension, ranking every "
                                + "full-text match instead of the RUM index's best %d; the small tenant has %d chunks, among the large one):")
                        .formatted(other.endsWith("on") ? "off" : "on", other, 200, first.smallChunks()));
        report.table(
                List.of(
                        "chunks",
                        "engine",
                        "full text only",
                        "vector only",
                        "hybrid",
                        other,
                        "hybrid, full text over GIN",
                        "hybrid, small tenant"),
                branches.rows);
        Report.Rows parts = new Report.Rows();
        for (SizeResult r : results) {
            Map<String, Double> b = r.pgBreakdown();
            String trg = b.containsKey("CTE trg (opt-in)")
                    ? "(off; " + Stats.fmt(b.get("CTE trg (opt-in)")) + " when on)"
                    : Stats.fmt(b.get("CTE trg"));
            parts.add(
                    size(r.size()),
                    b.get("planning"),
                    b.get("CTE fts"),
                    Stats.fmt(b.get("fts rows")),
                    b.get("CTE vec"),
                    trg,
                    b.get("fusion and joins"),
                    b.get("execution"));
        }
        report.para(
                "**Where PostgreSQL's hybrid time goes** (mean ms over the first 40 queries, `EXPLAIN (ANALYZE)` of "
                        + "`HybridRetriever`'s own SQL with its parameters, large tenant; timing adds some overhead; \"rows ranked\" "
                        + "is the mean number of chunks matching the full-text query, each of which gets a `ts_rank_cd`):");
        report.table(
                List.of(
                        "chunks",
                        "planning",
                        "full-text branch",
                        "rows ranked",
                        "vector branch",
                        "title trigram branch",
                        "fusion and joins",
                        "execution total"),
                parts.rows);
        Report.Rows recall = new Report.Rows();
        for (SizeResult r : results) {
            recall.add(
                    size(r.size()),
                    "pgvector",
                    Stats.fmt3(r.pgRecallLarge()),
                    Stats.fmt3(r.pgRecallQuestions()),
                    Stats.fmt3(r.pgRecallLines()),
                    Stats.fmt3(r.pgRecallSmall()));
            recall.add(
                    size(r.size()),
                    "Lucene",
                    Stats.fmt3(r.luceneRecallLarge()),
                    Stats.fmt3(r.luceneRecallQuestions()),
                    Stats.fmt3(r.luceneRecallLines()),
                    Stats.fmt3(r.luceneRecallSmall()));
        }
        report.para(
                ("**HNSW recall@10** against exact search (brute force in Java over the same vectors; PostgreSQL's own "
                                + "exact scan with index scans off agrees with it: %s). PostgreSQL through the production vector branch "
                                + "(ef_search %d, iterative scan), Lucene with k = %d; questions are the dev questions, lines are the "
                                + "sampled chunk lines:")
                        .formatted(results.get(results.size() - 1).pgExactCheck(), EF, EF));
        report.table(
                List.of(
                        "chunks",
                        "engine",
                        "large tenant, all queries",
                        "questions",
                        "chunk lines",
                        "small tenant (questions)"),
                recall.rows);
        Report.Rows sweepRows = new Report.Rows();
        for (SizeResult r : results) {
            for (String engine : List.of("PostgreSQL", "Lucene")) {
                List<String> cells = new ArrayList<>(List.of(size(r.size()), engine));
                for (int ef : SWEEP) {
                    r.sweep().stream()
                            .filter(p -> p.engine().equals(engine) && p.ef() == ef)
                            .findFirst()
                            .ifPresent(p -> cells.add(Stats.fmt3(p.recall()) + " @ " + Stats.fmt(p.meanMs()) + " ms"));
                }
                sweepRows.add(cells.toArray());
            }
        }
        List<String> sweepHeader = new ArrayList<>(List.of("chunks", "engine"));
        SWEEP.forEach(ef -> sweepHeader.add("ef / k = " + ef));
        report.para("**Recall against speed**: vector search alone, large tenant, recall@10 @ mean latency, 1 client "
                + "(PostgreSQL: the vector branch's statement, 40 rows, per `hnsw.ef_search`; Lucene: per k):");
        report.table(sweepHeader, sweepRows.rows);
        Report.Rows build = new Report.Rows();
        for (SizeResult r : results) {
            PgLoader.Result p = r.pg();
            double btree = p.indexSeconds().entrySet().stream()
                    .filter(e ->
                            !e.getKey().contains("embedding") && !e.getKey().contains("tsv"))
                    .mapToDouble(Map.Entry::getValue)
                    .sum();
            double gin = p.indexSeconds().entrySet().stream()
                    .filter(e -> e.getKey().contains("tsv"))
                    .mapToDouble(Map.Entry::getValue)
                    .sum();
            build.add(
                    size(r.size()),
                    "PostgreSQL",
                    Stats.fmt(p.copySeconds()) + " COPY + " + Stats.fmt(p.tsvInsertSeconds()) + " tsvector insert",
                    Stats.fmt(btree) + " btree + " + Stats.fmt(gin) + " GIN",
                    Stats.fmt(p.hnswSeconds()),
                    Stats.fmt(p.vacuumSeconds()) + " vacuum analyze",
                    Stats.fmt(p.totalSeconds()));
            LuceneIndex.BuildResult l = r.lucene();
            build.add(
                    size(r.size()),
                    "Lucene",
                    Stats.fmt(l.addSeconds()) + " add (text and graph, " + l.threads() + " threads)",
                    Stats.fmt(l.commitSeconds()) + " flush/commit",
                    l.segmentsBeforeMerge() > 1
                            ? "in add + " + Stats.fmt(l.mergeSeconds()) + " merge of " + l.segmentsBeforeMerge()
                                    + " segments"
                            : "in add (one segment)",
                    "",
                    Stats.fmt(l.totalSeconds()));
        }
        report.para(
                ("**Build time** (s; both include generating the synthetic rows on the fly, %.1f s at the largest size "
                                + "by itself; PostgreSQL maintenance_work_mem %s, max_parallel_maintenance_workers %d):")
                        .formatted(
                                results.get(results.size() - 1).generateSeconds(),
                                results.get(results.size() - 1).pg().maintenanceWorkMem(),
                                results.get(results.size() - 1).pg().parallelWorkers()));
        report.table(List.of("chunks", "engine", "load", "text indexes", "HNSW", "after", "total"), build.rows);
        Report.Rows sizes = new Report.Rows();
        for (SizeResult r : results) {
            PgLoader.Result p = r.pg();
            long btrees = p.indexBytes().entrySet().stream()
                    .filter(e ->
                            !e.getKey().contains("embedding") && !e.getKey().contains("tsv"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            long gin = p.indexBytes().entrySet().stream()
                    .filter(e -> e.getKey().contains("tsv"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            sizes.add(
                    size(r.size()),
                    "PostgreSQL",
                    mib(p.hnswBytes()),
                    mib(p.tableWithToastBytes()) + " (heap " + mib(p.tableBytes()) + ")",
                    mib(gin) + " GIN + " + mib(btrees) + " btree",
                    mib(p.documentTableBytes()),
                    mib(p.totalBytes()));
            Map<String, Long> k = r.lucene().bytesByKind();
            sizes.add(
                    size(r.size()),
                    "Lucene",
                    mib(k.get("graph")) + " graph + " + mib(k.get("vectors")) + " vectors",
                    mib(k.get("stored")) + " stored fields",
                    mib(k.get("postings")) + " terms/postings/norms",
                    "-",
                    mib(r.lucene().bytes()));
        }
        report.para(
                "**Size on disk** (MiB; PostgreSQL's chunk table holds each vector, its text and tsvector; Lucene keeps "
                        + "vectors next to the graph and compresses stored text):");
        report.table(
                List.of(
                        "chunks",
                        "engine",
                        "HNSW index",
                        "chunks table / stored",
                        "text index",
                        "documents table",
                        "total"),
                sizes.rows);
        SizeResult at100k =
                results.stream().filter(r -> r.size() == 100_000).findFirst().orElse(null);
        SizeResult at1m =
                results.stream().filter(r -> r.size() == 1_000_000).findFirst().orElse(null);
        Report.Rows goals = new Report.Rows();
        if (at100k != null) {
            LatencyRow l = at100k.row("PostgreSQL", "hybrid", 1);
            LatencyRow l8 = at100k.row("PostgreSQL", "hybrid", 8);
            goals.add(
                    "hybrid retrieval p95 at 100k chunks",
                    "<= 20 ms",
                    Stats.fmt(l.latency().p95()) + " ms (1 client), "
                            + Stats.fmt(l8.latency().p95()) + " ms (8 clients)",
                    Report.verdict(l.latency().p95() <= 20));
        }
        if (at1m != null) {
            LatencyRow l = at1m.row("PostgreSQL", "hybrid", 1);
            LatencyRow l8 = at1m.row("PostgreSQL", "hybrid", 8);
            goals.add(
                    "hybrid retrieval p95 at 1M chunks",
                    "<= 60 ms",
                    Stats.fmt(l.latency().p95()) + " ms (1 client), "
                            + Stats.fmt(l8.latency().p95()) + " ms (8 clients)",
                    Report.verdict(l.latency().p95() <= 60));
        }
        for (SizeResult r : results) {
            goals.add(
                    "pgvector HNSW recall@10 at " + size(r.size()),
                    ">= 0.95",
                    Stats.fmt3(r.pgRecallLarge()) + " / " + Stats.fmt3(r.pgRecallSmall()) + " (large / small tenant)",
                    Report.verdict(Math.min(r.pgRecallLarge(), r.pgRecallSmall()) >= 0.95));
        }
        report.para("**Against the goals** (PostgreSQL, the production path):");
        report.table(List.of("goal", "target", "measured", ""), goals.rows);
        Path latencyPlot = run.plot(key + "-latency.png");
        Map<String, Plots.Line> lines = new LinkedHashMap<>();
        List<Integer> xs = results.stream().map(SizeResult::size).toList();
        for (String engine : List.of("PostgreSQL", "Lucene")) {
            for (int c : List.of(1, 8)) {
                lines.put(
                        engine + " p95, " + c + (c == 1 ? " client" : " clients"),
                        new Plots.Line(
                                xs,
                                results.stream()
                                        .map(r -> r.row(engine, "hybrid", c)
                                                .latency()
                                                .p95())
                                        .toList()));
            }
        }
        Plots.lines(latencyPlot, "Hybrid query latency p95 (large tenant)", "chunks", "ms", true, true, lines);
        report.image(latencyPlot, run.out(), "hybrid latency p95 against corpus size");
        Path buildPlot = run.plot(key + "-build.png");
        Map<String, List<Double>> bars = new LinkedHashMap<>();
        bars.put(
                "PostgreSQL total",
                results.stream().map(r -> r.pg().totalSeconds()).toList());
        bars.put(
                "PostgreSQL HNSW",
                results.stream().map(r -> r.pg().hnswSeconds()).toList());
        bars.put(
                "Lucene total",
                results.stream().map(r -> r.lucene().totalSeconds()).toList());
        Plots.bars(
                buildPlot,
                "Index build time (s)",
                "s",
                results.stream().map(r -> size(r.size()) + " chunks").toList(),
                bars);
        report.image(buildPlot, run.out(), "build time per size");
        Path sweepPlot = run.plot(key + "-recall.png");
        Map<String, Plots.Line> sweepLines = new LinkedHashMap<>();
        for (SizeResult r : results) {
            for (String engine : List.of("PostgreSQL", "Lucene")) {
                List<SweepPoint> pts = r.sweep().stream()
                        .filter(p -> p.engine().equals(engine))
                        .toList();
                sweepLines.put(
                        engine + " " + size(r.size()),
                        new Plots.Line(
                                pts.stream().map(SweepPoint::meanMs).toList(),
                                pts.stream().map(SweepPoint::recall).toList()));
            }
        }
        Plots.lines(
                sweepPlot,
                "HNSW recall@10 against mean latency (ef / k = 40, 100, 200, 400, 800)",
                "ms per query",
                "recall@10",
                true,
                false,
                sweepLines);
        report.image(sweepPlot, run.out(), "recall against latency");
        Report.Rows extra = new Report.Rows();
        for (SizeResult r : results) {
            extra.add(size(r.size()), Stats.fmt(r.statsWarmupSeconds()));
        }
        report.para("Corpus statistics for `KeywordQuery` (computed in the app's memory on the first question after an "
                + "import, from every chunk text of the tenant), seconds per size: "
                + String.join(
                        ", ",
                        extra.rows.stream()
                                .map(row -> row.get(0) + " " + row.get(1) + " s")
                                .toList()) + ".");
        report.writeTo(run.out());
    }
}

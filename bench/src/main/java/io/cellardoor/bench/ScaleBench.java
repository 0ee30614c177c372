package io.cellardoor.bench;

import io.cellardoor.embedding.Embeddings;
import io.cellardoor.knowledge.KnowledgeStore;
import io.cellardoor.retrieval.HybridRetriever;
import io.cellardoor.retrieval.KeywordIndex;
import io.cellardoor.retrieval.RetrievalMode;
import io.cellardoor.retrieval.RetrievalQuery;
import io.cellardoor.retrieval.RetrievedChunk;
import io.cellardoor.tenant.TenantTransactions;
import io.cellardoor.text.CorpusStatistics;
import io.cellardoor.text.KeywordQuery;
import io.cellardoor.text.TermAnalyzer;
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
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scale: for each size, a two-tenant corpus (a small tenant of the real corpus's size and a large one with the rest)
 * is loaded into PostgreSQL's real schema and into Lucene; then build time and size, the production keyword index's
 * cold rebuild, HNSW recall@10 against exact search, the keyword branch's overlap with Lucene BM25, and latency of four
 * ways to answer the hybrid query with 1 and 8 clients: today's statement (b43ce5f), PostgreSQL full text as it is now
 * (the fallback), the production path (keyword ids from the in-process index, vector branch and fusion in
 * PostgreSQL; for the small tenant both branches and the fusion in its index), and Lucene alone.
 */
final class ScaleBench {

    static final long SEED = 20261123L;
    static final int K = 8; // ChatService's default
    static final int CANDIDATES = 40;
    static final int EF = 400;
    static final List<Integer> DEFAULT_SIZES = List.of(10_000, 100_000);

    static final String TODAY = "today's statement (b43ce5f)";
    static final String PG = "PostgreSQL full text (fallback)";
    static final String PRODUCTION = "production (HybridRetriever)";
    static final String LUCENE = "Lucene alone";
    static final List<String> ENGINES = List.of(TODAY, PG, PRODUCTION, LUCENE);

    /** A query: its text, keyword texts (today's and now, per tenant) and embedding. */
    record Query(
            String text,
            String keywords,
            String todayKeywords,
            String smallKeywords,
            String smallTodayKeywords,
            float[] embedding) {}

    record LatencyRow(String engine, String what, int clients, Stats.Latency latency, double perSecond) {}

    /** One way of ranking the PostgreSQL keyword branch: its overlap with BM25's top 40 and its own latency. */
    record KeywordVariant(String name, double overlap, Stats.Latency latency) {}

    /** Recall@10 and mean latency of the vector search alone at one ef_search (PostgreSQL) or k (Lucene). */
    record SweepPoint(String engine, int ef, double recall, double meanMs) {}

    /** One way to answer: the hybrid query, and its keyword branch alone as ranked chunk ids. */
    interface Engine {
        void hybrid(long org, Query q, boolean small) throws Exception;

        List<Long> keywords(long org, Query q, boolean small, int n) throws Exception;
    }

    record SizeResult(
            int size,
            String corpus,
            int largeChunks,
            int smallChunks,
            double generateSeconds,
            PgLoader.Result pg,
            LuceneIndex.BuildResult lucene,
            KeywordIndex.Rebuild rebuild,
            long rebuildBytes,
            double statsWarmupSeconds,
            double statsFromIndexSeconds,
            double pgRecallLarge,
            double pgRecallSmall,
            double luceneRecallLarge,
            double luceneRecallSmall,
            String pgExactCheck,
            List<LatencyRow> latencies,
            int queries,
            Map<String, Map<String, Double>> breakdowns,
            Map<String, Double> keywordOverlap,
            List<KeywordVariant> keywordVariants,
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
        String corpus = options.get("corpus", "recombined");
        if (!List.of("recombined", "mixed").contains(corpus)) {
            throw new IllegalArgumentException("--corpus is recombined or mixed, not " + corpus);
        }
        String key = (sizes.equals(DEFAULT_SIZES)
                        ? "scale"
                        : "scale-"
                                + String.join(
                                        "-", sizes.stream().map(String::valueOf).toList()))
                + (corpus.equals("mixed") ? "-mixed" : "");
        List<SizeResult> results = new ArrayList<>();
        try (BenchContext.Started ctx = BenchContext.start(db, options.work());
                Connection conn = db.connect()) {
            run.machine(Machine.describe(conn, options.root()));
            List<BaseCorpus.Doc> base = BaseCorpus.fromFolder(
                    options.knowledge(),
                    ctx.bean(Embeddings.class),
                    options.work().resolve("cache"));
            Questions questions = Questions.read(options.questions());
            String hnswDef = "";
            for (int size : sizes) {
                System.out.println("scale: " + size + " chunks, " + corpus + " corpus");
                Db.wipe(conn);
                try (PgLoader loader = new PgLoader(db)) {
                    hnswDef = loader.hnswDefinition();
                    results.add(runSize(
                            size, corpus, queryCount, threads, base, questions, loader, ctx, conn, options, db));
                }
                write(run, key, results, threads, hnswDef);
            }
            // The last size stays in the database for inspection; the next run wipes it.
        }
        return results;
    }

    /** Embeds the recombined corpus's sentence pool into the cache and says how close composed vectors are. */
    static void prepare(Options options, Db db) throws Exception {
        try (BenchContext.Started ctx = BenchContext.start(db)) {
            Embeddings embeddings = ctx.bean(Embeddings.class);
            List<BaseCorpus.Doc> base = BaseCorpus.fromFolder(
                    options.knowledge(), embeddings, options.work().resolve("cache"));
            long t0 = System.nanoTime();
            RecombinedCorpus corpus =
                    RecombinedCorpus.open(base, SEED, embeddings, options.work().resolve("cache"));
            System.out.printf(
                    "corpus: %d sentence variants embedded and cached in %.0f s%n",
                    corpus.poolSize(), PgLoader.seconds(t0));
            double[] f = corpus.fidelity(options.getInt("sample", 2000), embeddings);
            System.out.printf(
                    "corpus: composed vs model embeddings, mean cosine %.3f, 10-NN agreement %.3f%n", f[0], f[1]);
        }
    }

    private static Corpus corpus(
            String kind, List<BaseCorpus.Doc> base, long seed, int size, Embeddings model, Path work) throws Exception {
        return kind.equals("mixed")
                ? new SyntheticCorpus(base, seed)
                : RecombinedCorpus.open(base, seed, model, work.resolve("cache"));
    }

    private static SizeResult runSize(
            int size,
            String corpusKind,
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
        Embeddings embeddings = ctx.bean(Embeddings.class);
        // The recombined corpus of each size is a prefix of the larger ones (one seed, one embedding cache); the mixed
        // one takes a seed per size, as it always did.
        boolean mixed = corpusKind.equals("mixed");
        Corpus synthetic =
                corpus(corpusKind, base, mixed ? SEED + size : SEED, largeChunks, embeddings, options.work());
        // The small tenant is synthetic too (another seed): with the mixed corpus the real vectors are the centres
        // every synthetic vector is mixed around, and in the same graph they would become hubs no real corpus has.
        List<SyntheticCorpus.Doc> smallDocs = new ArrayList<>();
        corpus(corpusKind, base, mixed ? SEED + size + 1 : SEED + 1, smallChunks, embeddings, options.work())
                .generate(smallChunks, 1, 1, smallDocs::add);
        long firstDoc = smallDocs.size() + 1;
        long firstChunk = smallChunks + 1;
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
        KeywordIndex keywordIndex = ctx.bean(KeywordIndex.class);
        KeywordIndex.Rebuild rebuild = keywordIndex.rebuild(largeOrg);
        keywordIndex.rebuild(smallOrg);
        long rebuildBytes = keywordIndex.bytesOnDisk(largeOrg);
        System.out.printf(
                "  keyword index rebuilt from PostgreSQL in %.1f s (%d chunks, %.1f MiB)%n",
                rebuild.seconds(), rebuild.chunks(), rebuildBytes / 1048576.0);

        // Queries: the dev questions and sampled chunk texts, embedded by the model; keyword texts as the chat makes
        // them now and as it made them at b43ce5f.
        KeywordQuery keywords = ctx.bean(KeywordQuery.class);
        CorpusStatistics statistics = ctx.bean(CorpusStatistics.class);
        TermAnalyzer analyzer = ctx.bean(TermAnalyzer.class);
        List<String> texts = new ArrayList<>(questions.texts());
        texts.addAll(sampleTexts);
        texts = texts.subList(0, Math.min(texts.size(), queryCount));
        // The statistics KeywordQuery needs: computed from every chunk text (while the org's keyword index is not
        // ready) and read from the index (once it is).
        t0 = System.nanoTime();
        CorpusStatistics.Stats.of(ctx.bean(KnowledgeStore.class).chunkTexts(largeOrg), ctx.bean(TermAnalyzer.class));
        double statsWarmup = PgLoader.seconds(t0);
        t0 = System.nanoTime();
        keywords.of(largeOrg, "warm up");
        keywords.of(smallOrg, "warm up");
        double statsFromIndex = PgLoader.seconds(t0);
        CorpusStatistics.Stats largeStats = statistics.of(largeOrg);
        CorpusStatistics.Stats smallStats = statistics.of(smallOrg);
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < texts.size(); i += 32) {
            List<String> batch = texts.subList(i, Math.min(texts.size(), i + 32));
            List<float[]> vs = embeddings.embedAll(batch);
            for (int j = 0; j < batch.size(); j++) {
                String t = batch.get(j);
                queries.add(new Query(
                        t,
                        keywords.of(largeOrg, t),
                        BaselineSql.keywords(largeStats, analyzer, t),
                        keywords.of(smallOrg, t),
                        BaselineSql.keywords(smallStats, analyzer, t),
                        vs.get(j)));
            }
        }
        List<Query> devQueries =
                queries.subList(0, Math.min(queries.size(), questions.cases().size()));

        HybridRetriever retriever = ctx.bean(HybridRetriever.class);
        TenantTransactions tenant = ctx.bean(TenantTransactions.class);
        DataSource ds = ctx.bean(DataSource.class);
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(ds);
        HybridRetriever postgresOnly =
                PgExplain.postgresOnly(ctx.bean(JdbcClient.class), tenant, keywords, false, "auto");
        String pgSql = PgExplain.productionSql(postgresOnly);
        String indexSql = PgExplain.sql(retriever, "INDEX");
        float[] smallVectors = new float[smallChunks * SyntheticCorpus.DIMS];
        long[] smallIds = new long[smallChunks];
        int[] m = {0};
        smallDocs.forEach(d -> d.chunks().forEach(c -> {
            System.arraycopy(c.embedding(), 0, smallVectors, m[0] * SyntheticCorpus.DIMS, SyntheticCorpus.DIMS);
            smallIds[m[0]++] = c.id();
        }));
        try (LuceneIndex index = LuceneIndex.open(luceneDir)) {
            Map<String, Engine> engines =
                    engines(retriever, postgresOnly, pgSql, keywordIndex, keywords, index, tenant, named);
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

            System.out.println("  keyword overlap with Lucene BM25's top " + CANDIDATES);
            Map<String, Double> keywordOverlap = new LinkedHashMap<>();
            for (String engine : ENGINES) {
                double sum = 0;
                int counted = 0;
                for (Query q : queries) {
                    Set<Long> reference = new HashSet<>(engines.get(LUCENE).keywords(largeOrg, q, true, CANDIDATES));
                    if (reference.isEmpty()) {
                        continue;
                    }
                    sum += overlap(reference, engines.get(engine).keywords(largeOrg, q, false, CANDIDATES));
                    counted++;
                }
                keywordOverlap.put(engine, counted == 0 ? 1 : sum / counted);
            }

            // Step by step (decision 0026): the scaled cut alone, AND-first alone, both (the fallback now).
            List<KeywordVariant> keywordVariants = new ArrayList<>();
            record Ranking(String name, String sql, boolean todaysText, boolean andFirst) {}
            for (Ranking v : List.of(
                    new Ranking("every word OR-ed, today's cut (today's statement)", BaselineSql.SQL, true, false),
                    new Ranking("every word OR-ed, cut scaled to the tenant", BaselineSql.SQL, false, false),
                    new Ranking("rarest two ANDed first, today's cut", pgSql, true, true),
                    new Ranking("rarest two ANDed first, cut scaled (the fallback)", pgSql, false, true))) {
                java.util.function.Function<Query, List<Long>> ids = q -> {
                    String text = v.todaysText() ? q.todayKeywords() : q.keywords();
                    return tenant.inOrg(
                            largeOrg,
                            () -> named.query(
                                    v.sql(),
                                    PgExplain.parameters(
                                            largeOrg,
                                            text,
                                            v.andFirst() ? andText(keywords, largeOrg, text) : "",
                                            new long[0],
                                            q.embedding(),
                                            CANDIDATES,
                                            CANDIDATES,
                                            0,
                                            0),
                                    (rs, row) -> rs.getLong(1)));
                };
                double sum = 0;
                int counted = 0;
                for (Query q : queries) {
                    Set<Long> reference = new HashSet<>(engines.get(LUCENE).keywords(largeOrg, q, true, CANDIDATES));
                    if (!reference.isEmpty()) {
                        sum += overlap(reference, ids.apply(q));
                        counted++;
                    }
                }
                Runner.Result timed = Runner.run(1, queries.size(), i -> ids.apply(queries.get(i)));
                keywordVariants.add(new KeywordVariant(v.name(), counted == 0 ? 1 : sum / counted, timed.latency()));
                System.out.printf(
                        "  keywords %-55s overlap %.3f, p50 %.2f p95 %.2f ms%n",
                        v.name(),
                        sum / Math.max(1, counted),
                        timed.latency().p50(),
                        timed.latency().p95());
            }

            System.out.println("  latency");
            List<LatencyRow> rows = new ArrayList<>();
            int q1 = queries.size() * 2;
            int q8 = queries.size() * 4;
            for (String name : ENGINES) {
                Engine e = engines.get(name);
                Runner.Operation op = i -> e.hybrid(largeOrg, queries.get(i % queries.size()), false);
                Runner.run(1, Math.min(queries.size(), 100), op); // warm-up
                rows.add(row(name, "hybrid", Runner.run(1, q1, op)));
                rows.add(row(name, "hybrid", Runner.run(8, q8, op)));
                print(rows.get(rows.size() - 2));
                print(rows.get(rows.size() - 1));
            }
            for (String name : ENGINES) {
                Engine e = engines.get(name);
                rows.add(row(
                        name,
                        "keywords",
                        Runner.run(1, queries.size(), i -> e.keywords(largeOrg, queries.get(i), false, CANDIDATES))));
            }
            rows.add(row(
                    PRODUCTION,
                    "vector",
                    Runner.run(1, queries.size(), i -> pg(retriever, largeOrg, queries.get(i), RetrievalMode.VECTOR))));
            rows.add(row(LUCENE, "vector", Runner.run(1, queries.size(), i -> {
                Query q = queries.get(i);
                index.hitsOf(index.knn(largeOrg, q.embedding(), CANDIDATES, EF), K);
            })));
            int smallOps = Math.max(devQueries.size(), queries.size());
            for (String name : ENGINES) {
                Engine e = engines.get(name);
                Runner.Operation op = i -> e.hybrid(smallOrg, devQueries.get(i % devQueries.size()), true);
                Runner.run(1, devQueries.size(), op);
                rows.add(row(name, "hybrid, small tenant", Runner.run(1, smallOps, op)));
            }
            rows.stream().skip(ENGINES.size() * 2L).forEach(ScaleBench::print);

            List<Query> explained = queries.subList(0, Math.min(40, queries.size()));
            Map<String, Map<String, Double>> breakdowns = new LinkedHashMap<>();
            breakdowns.put(
                    TODAY,
                    PgExplain.breakdown(
                            ds,
                            tenant,
                            BaselineSql.SQL,
                            largeOrg,
                            explained.stream()
                                    .map(q -> PgExplain.parameters(
                                            largeOrg,
                                            q.todayKeywords(),
                                            "",
                                            new long[0],
                                            q.embedding(),
                                            K,
                                            CANDIDATES,
                                            CANDIDATES,
                                            0))
                                    .toList()));
            breakdowns.put(
                    PG,
                    PgExplain.breakdown(
                            ds,
                            tenant,
                            pgSql,
                            largeOrg,
                            explained.stream()
                                    .map(q -> PgExplain.parameters(
                                            largeOrg,
                                            q.keywords(),
                                            andText(keywords, largeOrg, q.keywords()),
                                            new long[0],
                                            q.embedding(),
                                            K,
                                            CANDIDATES,
                                            CANDIDATES,
                                            0))
                                    .toList()));
            List<MapSqlParameterSource> withIds = new ArrayList<>();
            for (Query q : explained) {
                withIds.add(PgExplain.parameters(
                        largeOrg,
                        q.keywords(),
                        "",
                        keywordIndex
                                .search(largeOrg, q.keywords(), true, List.of(), CANDIDATES)
                                .orElseThrow(),
                        q.embedding(),
                        K,
                        CANDIDATES,
                        CANDIDATES,
                        0));
            }
            breakdowns.put(PRODUCTION, PgExplain.breakdown(ds, tenant, indexSql, largeOrg, withIds));
            SizeResult r = new SizeResult(
                    size,
                    corpusKind,
                    largeChunks,
                    smallChunks,
                    generate,
                    pg,
                    lucene,
                    rebuild,
                    rebuildBytes,
                    statsWarmup,
                    statsFromIndex,
                    pgLarge / queries.size(),
                    pgSmall / devQueries.size(),
                    luLarge / queries.size(),
                    luSmall / devQueries.size(),
                    exactCheck,
                    rows,
                    queries.size(),
                    breakdowns,
                    keywordOverlap,
                    keywordVariants,
                    pgQuestions / devQueries.size(),
                    (pgLarge - pgQuestions) / lines,
                    luQuestions / devQueries.size(),
                    (luLarge - luQuestions) / lines,
                    sweep);
            System.out.printf(
                    "  recall@10 PG %.3f / %.3f, Lucene %.3f / %.3f; keyword overlap %s%n",
                    r.pgRecallLarge(), r.pgRecallSmall(), r.luceneRecallLarge(), r.luceneRecallSmall(), keywordOverlap);
            return r;
        } finally {
            QualityBench.deleteTree(luceneDir);
        }
    }

    /** The four ways to answer, over the same data. */
    private static Map<String, Engine> engines(
            HybridRetriever production,
            HybridRetriever postgresOnly,
            String pgSql,
            KeywordIndex keywordIndex,
            KeywordQuery keywords,
            LuceneIndex lucene,
            TenantTransactions tenant,
            NamedParameterJdbcTemplate named) {
        Map<String, Engine> out = new LinkedHashMap<>();
        out.put(TODAY, new Engine() {
            @Override
            public void hybrid(long org, Query q, boolean small) {
                String text = small ? q.smallTodayKeywords() : q.todayKeywords();
                tenant.runInOrg(
                        org,
                        () -> named.query(
                                BaselineSql.SQL,
                                PgExplain.parameters(
                                        org, text, "", new long[0], q.embedding(), K, CANDIDATES, CANDIDATES, 0),
                                (ResultSet rs) -> {}));
            }

            @Override
            public List<Long> keywords(long org, Query q, boolean small, int n) {
                String text = small ? q.smallTodayKeywords() : q.todayKeywords();
                return tenant.inOrg(
                        org,
                        () -> named.query(
                                BaselineSql.SQL,
                                PgExplain.parameters(org, text, "", new long[0], q.embedding(), n, n, 0, 0),
                                (rs, i) -> rs.getLong(1)));
            }
        });
        out.put(PG, new Engine() {
            @Override
            public void hybrid(long org, Query q, boolean small) {
                pg(postgresOnly, org, small ? q.smallKeywords() : q.keywords(), q.embedding(), RetrievalMode.HYBRID);
            }

            @Override
            public List<Long> keywords(long org, Query q, boolean small, int n) {
                String text = small ? q.smallKeywords() : q.keywords();
                return tenant.inOrg(
                        org,
                        () -> named.query(
                                pgSql,
                                PgExplain.parameters(
                                        org,
                                        text,
                                        andText(keywords, org, text),
                                        new long[0],
                                        q.embedding(),
                                        n,
                                        n,
                                        0,
                                        0),
                                (rs, i) -> rs.getLong(1)));
            }
        });
        out.put(PRODUCTION, new Engine() {
            @Override
            public void hybrid(long org, Query q, boolean small) {
                pg(production, org, small ? q.smallKeywords() : q.keywords(), q.embedding(), RetrievalMode.HYBRID);
            }

            @Override
            public List<Long> keywords(long org, Query q, boolean small, int n) {
                long[] ids = keywordIndex
                        .search(org, small ? q.smallKeywords() : q.keywords(), true, List.of(), n)
                        .orElseThrow(() -> new IllegalStateException("keyword index of org " + org + " not ready"));
                List<Long> list = new ArrayList<>(ids.length);
                for (long id : ids) {
                    list.add(id);
                }
                return list;
            }
        });
        out.put(LUCENE, new Engine() {
            @Override
            public void hybrid(long org, Query q, boolean small) throws Exception {
                lucene.hybrid(org, small ? q.smallKeywords() : q.keywords(), q.embedding(), K, CANDIDATES, EF);
            }

            /** BM25 over the keyword text; with {@code reference}, over today's: what the others are compared with. */
            @Override
            public List<Long> keywords(long org, Query q, boolean reference, int n) throws Exception {
                String text = reference ? q.todayKeywords() : q.keywords();
                return lucene.bm25(org, text, n).stream().map(lucene::chunkId).toList();
            }
        });
        return out;
    }

    private static String andText(KeywordQuery keywords, long org, String text) {
        return String.join(" ", keywords.rarestKnown(org, text, 2));
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
                        "SELECT id, embedding::halfvec(384) <=> ?::vector::halfvec(384) AS d FROM kb_chunk "
                                + "WHERE org_id = ? ORDER BY embedding::halfvec(384) <=> ?::vector::halfvec(384) LIMIT 40")) {
            st.execute("SET hnsw.iterative_scan = relaxed_order");
            st.execute("SET jit = off");
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
        pg(retriever, org, q.keywords(), q.embedding(), mode);
    }

    private static List<RetrievedChunk> pg(
            HybridRetriever retriever, long org, String text, float[] embedding, RetrievalMode mode) {
        return retriever.retrieve(RetrievalQuery.forOrg(org)
                .text(text)
                .embedding(embedding)
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

    private static void print(LatencyRow l) {
        System.out.printf(
                "  %-40s %-22s c=%d p50 %.2f p95 %.2f p99 %.2f ms, %.0f/s%n",
                l.engine(),
                l.what(),
                l.clients(),
                l.latency().p50(),
                l.latency().p95(),
                l.latency().p99(),
                l.perSecond());
    }

    static String size(int n) {
        return n >= 1_000_000 && n % 1_000_000 == 0
                ? n / 1_000_000 + "M"
                : n >= 1000 && n % 1000 == 0 ? n / 1000 + "k" : String.valueOf(n);
    }

    static void write(BenchRun run, String key, List<SizeResult> results, int threads, String hnswDef)
            throws Exception {
        ScaleReport.write(run, key, results, threads, hnswDef);
    }
}

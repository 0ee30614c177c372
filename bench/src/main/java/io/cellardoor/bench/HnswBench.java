package io.cellardoor.bench;

import io.cellardoor.embedding.Embeddings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * HNSW variants on one corpus (docs/decisions/0028): the large tenant of the scale benchmark's corpus loaded once,
 * then for each variant of {@code kb_chunk_embedding_idx} (graph parameters, {@code halfvec} expression index) the
 * build time, size, and recall@10 against exact search with the mean latency of the production vector branch's
 * statement (40 rows, iterative scan, as the runtime role under row-level security) per {@code hnsw.ef_search}.
 */
final class HnswBench {

    /** An index variant: its name in the report, its definition, the distance expression its queries order by. */
    record Variant(String name, String definition, String distance) {}

    static final String FLOAT = "c.embedding <=> ?::vector";
    static final String HALF = "c.embedding::halfvec(384) <=> ?::vector::halfvec(384)";

    static final List<Variant> VARIANTS = List.of(
            new Variant(
                    "vector, m 16, ef_construction 64 (before V27)",
                    "CREATE INDEX kb_chunk_embedding_idx ON kb_chunk USING hnsw (embedding vector_cosine_ops) "
                            + "WITH (m = 16, ef_construction = 64)",
                    FLOAT),
            new Variant(
                    "vector, m 16, ef_construction 128",
                    "CREATE INDEX kb_chunk_embedding_idx ON kb_chunk USING hnsw (embedding vector_cosine_ops) "
                            + "WITH (m = 16, ef_construction = 128)",
                    FLOAT),
            new Variant(
                    "vector, m 24, ef_construction 128",
                    "CREATE INDEX kb_chunk_embedding_idx ON kb_chunk USING hnsw (embedding vector_cosine_ops) "
                            + "WITH (m = 24, ef_construction = 128)",
                    FLOAT),
            new Variant(
                    "halfvec, m 16, ef_construction 64",
                    "CREATE INDEX kb_chunk_embedding_idx ON kb_chunk USING hnsw ((embedding::halfvec(384)) "
                            + "halfvec_cosine_ops) WITH (m = 16, ef_construction = 64)",
                    HALF),
            new Variant(
                    "halfvec, m 16, ef_construction 128 (V27)",
                    "CREATE INDEX kb_chunk_embedding_idx ON kb_chunk USING hnsw ((embedding::halfvec(384)) "
                            + "halfvec_cosine_ops) WITH (m = 16, ef_construction = 128)",
                    HALF));

    static final List<Integer> EFS = List.of(100, 200, 400);

    record Point(String variant, int ef, double recall, double meanMs, double p95Ms) {}

    record Built(String variant, double seconds, long bytes) {}

    private HnswBench() {}

    static void run(Options options, BenchRun run, Db db) throws Exception {
        int size = options.getInts("sizes", List.of(100_000)).get(0);
        int queryCount = options.getInt("queries", 200);
        String only = options.get("variants", "");
        try (BenchContext.Started ctx = BenchContext.start(db, options.work());
                Connection conn = db.connect()) {
            run.machine(Machine.describe(conn, options.root()));
            Embeddings embeddings = ctx.bean(Embeddings.class);
            List<BaseCorpus.Doc> base = BaseCorpus.fromFolder(
                    options.knowledge(), embeddings, options.work().resolve("cache"));
            Corpus corpus = RecombinedCorpus.open(
                    base, ScaleBench.SEED, embeddings, options.work().resolve("cache"));
            Db.wipe(conn);
            long org;
            float[] vectors = new float[size * SyntheticCorpus.DIMS];
            long[] ids = new long[size];
            List<String> lines = new ArrayList<>();
            SplittableRandom rnd = new SplittableRandom(ScaleBench.SEED);
            Set<Integer> sampled = new HashSet<>();
            Questions questions = Questions.read(options.questions());
            while (sampled.size() < Math.max(0, queryCount - questions.cases().size())) {
                sampled.add(rnd.nextInt(size));
            }
            try (PgLoader loader = new PgLoader(db)) {
                org = loader.createOrg("bench-hnsw");
                int[] n = {0};
                corpus.generate(
                        size,
                        1,
                        1,
                        d -> d.chunks().forEach(c -> {
                            System.arraycopy(
                                    c.embedding(), 0, vectors, n[0] * SyntheticCorpus.DIMS, SyntheticCorpus.DIMS);
                            ids[n[0]] = c.id();
                            if (sampled.contains(n[0])) {
                                lines.add(c.text().lines().findFirst().orElse(c.text()));
                            }
                            n[0]++;
                        }));
                long o = org;
                loader.load(
                        sink -> corpus.generate(size, 1, 1, d -> sink.doc(o, d)), ScaleBench.maintenanceWorkMem(size));
            }
            List<String> texts = new ArrayList<>(questions.texts());
            texts.addAll(lines);
            List<float[]> queries = new ArrayList<>();
            for (int i = 0; i < texts.size(); i += 32) {
                queries.addAll(embeddings.embedAll(texts.subList(i, Math.min(texts.size(), i + 32))));
            }
            List<Set<Long>> exact = new ArrayList<>();
            for (float[] q : queries) {
                exact.add(ScaleBench.exactTop(vectors, ids, q, 10));
            }
            List<Built> built = new ArrayList<>();
            List<Point> points = new ArrayList<>();
            String mwm = ScaleBench.maintenanceWorkMem(size);
            for (Variant v : VARIANTS) {
                if (!only.isEmpty() && !v.name().contains(only)) {
                    continue;
                }
                System.out.println("hnsw: " + v.name());
                long t0 = System.nanoTime();
                long bytes;
                try (Statement st = conn.createStatement()) {
                    st.execute("DROP INDEX IF EXISTS kb_chunk_embedding_idx");
                    st.execute("SET maintenance_work_mem = '" + mwm + "'");
                    st.execute(v.definition());
                    double seconds = PgLoader.seconds(t0);
                    st.execute("ANALYZE kb_chunk");
                    try (ResultSet rs = st.executeQuery(
                            "SELECT pg_relation_size('kb_chunk_embedding_idx'), pg_prewarm('kb_chunk_embedding_idx')")) {
                        rs.next();
                        bytes = rs.getLong(1);
                    }
                    built.add(new Built(v.name(), seconds, bytes));
                    System.out.printf("  built in %.1f s, %.0f MiB%n", seconds, bytes / 1048576.0);
                }
                try (Connection app = java.sql.DriverManager.getConnection(db.url(), db.appUser(), db.appPassword());
                        Statement st = app.createStatement();
                        PreparedStatement ps = app.prepareStatement("SELECT c.id FROM kb_chunk c WHERE c.org_id = ? "
                                + "ORDER BY " + v.distance() + " LIMIT 40")) {
                    // Session settings (each query its own transaction): the org for row-level security, as the app
                    // sets it per transaction.
                    st.execute("SELECT set_config('cellardoor.org_id', '" + org + "', false)");
                    st.execute("SET hnsw.iterative_scan = relaxed_order");
                    st.execute("SET plan_cache_mode = force_custom_plan");
                    for (int ef : EFS) {
                        st.execute("SET hnsw.ef_search = " + ef);
                        double recall = 0;
                        long[] nanos = new long[queries.size()];
                        for (int pass = 0; pass < 2; pass++) {
                            recall = 0;
                            for (int i = 0; i < queries.size(); i++) {
                                ps.setLong(1, org);
                                ps.setString(2, PgLoader.vector(queries.get(i)));
                                long s = System.nanoTime();
                                List<Long> found = new ArrayList<>();
                                try (ResultSet rs = ps.executeQuery()) {
                                    while (rs.next() && found.size() < 10) {
                                        found.add(rs.getLong(1));
                                    }
                                }
                                nanos[i] = System.nanoTime() - s;
                                recall += ScaleBench.overlap(exact.get(i), found);
                            }
                        }
                        Stats.Latency l = Stats.Latency.of(nanos);
                        points.add(new Point(v.name(), ef, recall / queries.size(), l.mean(), l.p95()));
                        System.out.printf(
                                "  ef_search %d: recall@10 %.3f, mean %.2f ms, p95 %.2f ms%n",
                                ef, recall / queries.size(), l.mean(), l.p95());
                    }
                }
            }
            write(run, size, queries.size(), built, points);
        }
    }

    private static void write(BenchRun run, int size, int queries, List<Built> built, List<Point> points)
            throws Exception {
        String key = "hnsw-" + size;
        Report report = new Report(key, "HNSW variants at " + ScaleBench.size(size) + " chunks", run);
        report.para(("""
                One tenant of %d chunks of the recombined corpus (see the scale section), loaded once; for each \
                variant `kb_chunk_embedding_idx` is dropped and built again (maintenance_work_mem %s, 2 parallel \
                workers), analyzed and prewarmed. Recall@10 is against exact search over the same vectors (brute force \
                in Java), over %d queries (the dev questions, then the first lines of sampled chunks); latency is the \
                production vector branch's statement alone (40 rows, `hnsw.iterative_scan = relaxed_order`, as the \
                runtime role with the org set), 1 client, second pass.""").formatted(size, ScaleBench.maintenanceWorkMem(size), queries));
        Report.Rows rows = new Report.Rows();
        for (Built b : built) {
            List<String> cells =
                    new ArrayList<>(List.of(b.variant(), Stats.fmt(b.seconds()), Stats.fmt(b.bytes() / 1048576.0)));
            for (int ef : EFS) {
                points.stream()
                        .filter(p -> p.variant().equals(b.variant()) && p.ef() == ef)
                        .findFirst()
                        .ifPresent(p -> cells.add(Stats.fmt3(p.recall()) + " @ " + Stats.fmt(p.meanMs()) + " / "
                                + Stats.fmt(p.p95Ms()) + " ms"));
            }
            rows.add(cells.toArray());
        }
        List<String> header = new ArrayList<>(List.of("index", "build s", "MiB"));
        EFS.forEach(ef -> header.add("ef_search " + ef + ": recall@10 @ mean / p95"));
        report.table(header, rows.rows);
        report.writeTo(run.out());
    }
}

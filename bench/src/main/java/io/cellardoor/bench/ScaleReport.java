package io.cellardoor.bench;

import static io.cellardoor.bench.ScaleBench.CANDIDATES;
import static io.cellardoor.bench.ScaleBench.EF;
import static io.cellardoor.bench.ScaleBench.ENGINES;
import static io.cellardoor.bench.ScaleBench.K;
import static io.cellardoor.bench.ScaleBench.LUCENE;
import static io.cellardoor.bench.ScaleBench.PG;
import static io.cellardoor.bench.ScaleBench.PRODUCTION;
import static io.cellardoor.bench.ScaleBench.SEED;
import static io.cellardoor.bench.ScaleBench.SWEEP;
import static io.cellardoor.bench.ScaleBench.TODAY;
import static io.cellardoor.bench.ScaleBench.size;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scale benchmark's section of docs/benchmarks.md and its plots. */
final class ScaleReport {

    private ScaleReport() {}

    static void write(BenchRun run, String key, List<ScaleBench.SizeResult> results, int threads, String hnswDef)
            throws Exception {
        ScaleBench.SizeResult first = results.get(0);
        boolean recombined = first.corpus().equals("recombined");
        Report report = new Report(
                key,
                "Scale: PostgreSQL and Lucene at "
                        + String.join(
                                ", ", results.stream().map(r -> size(r.size())).toList()) + " chunks"
                        + (recombined ? "" : " (mixed-vector corpus, worst case)"),
                run);
        String corpus = recombined ? """
                  the recombined corpus (see `RecombinedCorpus`, docs/decisions/0029): real Milea sentences \
                  recombined into new chunks (2 to 7 sentences: half from the real document whose structure the \
                  synthetic one copies, 0.3 from its folder, 0.2 from anywhere; 8 % of longer words given a \
                  Zipf-distributed made-up suffix, so the vocabulary grows with the corpus) and each chunk embedded \
                  by all-MiniLM-L6-v2, so neighbours are as near as real texts' are""" : """
                  the mixed-vector corpus (see `SyntheticCorpus`; kept as a worst case): real documents' structure, \
                  lines mixed with a random donor chunk, a Zipf-distributed made-up vocabulary on 8 % of words, \
                  embeddings mixing three of the 505 real ones, `normalise(base + a·donor + b·third + N(0, 0.02²))`, \
                  whose near-duplicates make "the exact top 10" a near-tie""";
        report.para(("""
                Each size is one database and one Lucene index holding two tenants of %s (seed %d): a small tenant \
                of %d chunks (the real corpus's size, its documents loaded spread among the large tenant's) and the \
                large tenant with the rest. PostgreSQL: the app's schema and indexes (`%s`), rows COPYed, indexes \
                built after loading, `VACUUM ANALYZE`, indexes prewarmed; queries as the runtime role under \
                row-level security with `hnsw.ef_search = %d` and `hnsw.iterative_scan = relaxed_order`, as the app \
                sets. Lucene 10.6 (the \"Lucene alone\" rows): one segment (%d indexing thread(s)), HNSW m 16 / beam \
                128 (as the pgvector index), float32 vectors, BM25, MMapDirectory, in the clients' JVM. The production keyword index is the \
                app's own `KeywordIndex`, rebuilt cold from PostgreSQL after loading. Queries: %d per size (the dev \
                questions, then lines sampled from the large tenant's chunks), embedded by the model; keyword text \
                from the production `KeywordQuery` (today's statement gets the keyword text as `KeywordQuery` made \
                it at b43ce5f; its vector branch orders by today's index expression, see `BaselineSql`). Hybrid = top %d of the keyword and vector branches, %d candidates each, fused by \
                RRF k = 60. Latency is per query at the client; 1 client runs %d queries, 8 clients %d in total, \
                after a warm-up. The four ways: **%s** is the hybrid statement before this work, verbatim \
                (every keyword OR-ed, the RUM index's best 200 ranked); **%s** is `HybridRetriever` when a tenant's \
                keyword index is not ready (rarest two known words ANDed, OR only when fewer than %d match, the \
                keyword cut scaled to the tenant's size); **%s** is `HybridRetriever` as the app runs it (large tenant: \
                BM25 chunk ids from the in-process index passed as an array, vector branch and fusion in one \
                statement, the join back to `kb_chunk` under row-level security; small tenant: both branches and \
                the fusion in its index, then the chosen rows read by id under row-level security, decision 0058); \
                **%s** is BM25 + HNSW + fusion in Lucene.""")
                .formatted(
                        corpus,
                        SEED,
                        first.smallChunks(),
                        hnswDef,
                        EF,
                        threads,
                        first.queries(),
                        K,
                        CANDIDATES,
                        first.queries() * 2,
                        first.queries() * 4,
                        TODAY,
                        PG,
                        CANDIDATES,
                        PRODUCTION,
                        LUCENE));

        Report.Rows lat = new Report.Rows();
        for (ScaleBench.SizeResult r : results) {
            for (String engine : ENGINES) {
                for (int c : List.of(1, 8)) {
                    ScaleBench.LatencyRow l = r.row(engine, "hybrid", c);
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
        report.table(List.of("chunks", "way", "clients", "p50", "p95", "p99", "queries/s"), lat.rows);

        Report.Rows branches = new Report.Rows();
        for (ScaleBench.SizeResult r : results) {
            for (String engine : ENGINES) {
                ScaleBench.LatencyRow vec = r.row(engine, "vector", 1);
                branches.add(
                        size(r.size()),
                        engine,
                        p50p95(r.row(engine, "keywords", 1)),
                        vec == null ? "(as production)" : p50p95(vec),
                        p50p95(r.row(engine, "hybrid", 1)),
                        p50p95(r.row(engine, "hybrid, small tenant", 1)));
            }
        }
        report.para(("**Per branch, 1 client** (ms, p50 / p95; the keyword branch alone returns its top %d chunk ids "
                        + "(for the PostgreSQL ways, the same statement with the vector branch off); the vector branch "
                        + "alone is `HybridRetriever` in vector mode, or Lucene's HNSW; the small tenant has %d chunks, "
                        + "among the large one):")
                .formatted(CANDIDATES, first.smallChunks()));
        report.table(
                List.of(
                        "chunks",
                        "way",
                        "keyword branch alone",
                        "vector branch alone",
                        "hybrid",
                        "hybrid, small tenant"),
                branches.rows);

        Report.Rows parts = new Report.Rows();
        for (ScaleBench.SizeResult r : results) {
            r.breakdowns()
                    .forEach((engine, b) -> parts.add(
                            size(r.size()),
                            engine,
                            b.get("planning"),
                            b.get("CTE fts"),
                            Stats.fmt(b.get("fts rows")),
                            b.get("CTE vec"),
                            b.get("fusion and joins"),
                            b.get("jit"),
                            b.get("execution")));
        }
        report.para("**Where PostgreSQL's time goes** (mean ms over the first 40 queries, `EXPLAIN (ANALYZE)` of each "
                + "way's own statement with its parameters as the runtime role, large tenant; timing adds some "
                + "overhead; \"rows read\" is the mean number of rows the keyword branch's deepest node produced: "
                + "full-text matches ranked, or the ids passed in; JIT is 0 since the runtime role has `jit = off`, "
                + "see docs/decisions/0028):");
        report.table(
                List.of(
                        "chunks",
                        "way",
                        "planning",
                        "keyword branch",
                        "rows read",
                        "vector branch",
                        "fusion and joins",
                        "JIT",
                        "execution total"),
                parts.rows);

        Report.Rows overlap = new Report.Rows();
        for (ScaleBench.SizeResult r : results) {
            List<String> cells = new ArrayList<>(List.of(size(r.size())));
            ENGINES.forEach(e -> cells.add(Stats.fmt3(r.keywordOverlap().get(e))));
            overlap.add(cells.toArray());
        }
        List<String> overlapHeader = new ArrayList<>(List.of("chunks"));
        overlapHeader.addAll(ENGINES);
        report.para(("**Keyword branch against BM25**: mean share of Lucene BM25's top %d (over today's keyword text, "
                        + "all words OR-ed) that each way's keyword branch returns in its own top %d, large tenant, "
                        + "every query with a keyword:")
                .formatted(CANDIDATES, CANDIDATES));
        report.table(overlapHeader, overlap.rows);
        Report.Rows variants = new Report.Rows();
        for (ScaleBench.SizeResult r : results) {
            for (ScaleBench.KeywordVariant v : r.keywordVariants()) {
                variants.add(
                        size(r.size()),
                        v.name(),
                        Stats.fmt3(v.overlap()),
                        Stats.fmt(v.latency().p50()) + " / "
                                + Stats.fmt(v.latency().p95()));
            }
        }
        report.para(("**PostgreSQL's keyword branch, step by step** (decision 0026): the same overlap with BM25's top "
                        + "%d, and the branch's own latency (its top %d ids, the vector branch off, 1 client, ms p50 / "
                        + "p95), for today's keyword cut (words in more than 15 %% of the chunks dropped) and the cut "
                        + "scaled to the tenant's size (`KeywordQuery.maxShare`), with every word OR-ed (over the RUM "
                        + "index's best 200) or the rarest two known words ANDed first:")
                .formatted(CANDIDATES, CANDIDATES));
        report.table(List.of("chunks", "ranking", "overlap with BM25", "latency p50 / p95"), variants.rows);

        Report.Rows recall = new Report.Rows();
        for (ScaleBench.SizeResult r : results) {
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
        report.para(("**HNSW recall@10** against exact search (brute force in Java over the same vectors; "
                        + "PostgreSQL's own exact scan with index scans off agrees with it: %s). PostgreSQL through the "
                        + "production vector branch (ef_search %d, iterative scan), Lucene with k = %d; questions are "
                        + "the dev questions, lines are the sampled chunk lines:")
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
        for (ScaleBench.SizeResult r : results) {
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
        for (ScaleBench.SizeResult r : results) {
            PgLoader.Result p = r.pg();
            double btree = sum(p.indexSeconds(), "btree");
            double text = sum(p.indexSeconds(), "text");
            build.add(
                    size(r.size()),
                    "PostgreSQL",
                    Stats.fmt(p.copySeconds()) + " COPY + " + Stats.fmt(p.tsvInsertSeconds())
                            + " insert with both tsvectors",
                    Stats.fmt(btree) + " btree + " + Stats.fmt(text) + " GIN/RUM",
                    Stats.fmt(p.hnswSeconds()),
                    Stats.fmt(p.vacuumSeconds()) + " vacuum analyze + " + Stats.fmt(p.prewarmSeconds()) + " prewarm",
                    Stats.fmt(p.totalSeconds()));
            LuceneIndex.BuildResult l = r.lucene();
            build.add(
                    size(r.size()),
                    "Lucene alone",
                    Stats.fmt(l.addSeconds()) + " add (text and graph, " + l.threads() + " threads)",
                    Stats.fmt(l.commitSeconds()) + " flush/commit",
                    l.segmentsBeforeMerge() > 1
                            ? "in add + " + Stats.fmt(l.mergeSeconds()) + " merge of " + l.segmentsBeforeMerge()
                                    + " segments"
                            : "in add (one segment)",
                    "",
                    Stats.fmt(l.totalSeconds()));
            build.add(
                    size(r.size()),
                    "production keyword index (cold rebuild from PostgreSQL)",
                    Stats.fmt(r.rebuild().seconds()) + " read + analyse + commit, "
                            + r.rebuild().chunks() + " chunks",
                    "-",
                    "-",
                    "",
                    Stats.fmt(r.rebuild().seconds()));
        }
        report.para(("**Build time** (s; PostgreSQL and Lucene alone include generating the synthetic rows on the fly, "
                        + "%.1f s at the largest size by itself; PostgreSQL maintenance_work_mem %s, "
                        + "max_parallel_maintenance_workers %d):")
                .formatted(
                        results.get(results.size() - 1).generateSeconds(),
                        results.get(results.size() - 1).pg().maintenanceWorkMem(),
                        results.get(results.size() - 1).pg().parallelWorkers()));
        report.table(List.of("chunks", "engine", "load", "text indexes", "HNSW", "after", "total"), build.rows);

        Report.Rows sizes = new Report.Rows();
        for (ScaleBench.SizeResult r : results) {
            PgLoader.Result p = r.pg();
            sizes.add(
                    size(r.size()),
                    "PostgreSQL",
                    mib(p.hnswBytes()),
                    mib(p.tableWithToastBytes()) + " (heap " + mib(p.tableBytes()) + ")",
                    textSizes(p.indexBytes()),
                    mib(p.documentTableBytes()),
                    mib(p.totalBytes()));
            Map<String, Long> k = r.lucene().bytesByKind();
            sizes.add(
                    size(r.size()),
                    "Lucene alone",
                    mib(k.get("graph")) + " graph + " + mib(k.get("vectors")) + " vectors",
                    mib(k.get("stored")) + " stored fields",
                    mib(k.get("postings")) + " terms/postings/norms",
                    "-",
                    mib(r.lucene().bytes()));
            sizes.add(
                    size(r.size()),
                    "production keyword index",
                    "-",
                    "-",
                    mib(r.rebuildBytes()) + " (English and folded fields, ids, folders)",
                    "-",
                    mib(r.rebuildBytes()));
        }
        report.para("**Size on disk** (MiB; PostgreSQL's chunk table holds each vector, its text and both tsvectors; "
                + "Lucene alone keeps vectors next to the graph and compresses stored text; the production keyword "
                + "index stores no text, only what BM25 needs and the chunk ids):");
        report.table(
                List.of(
                        "chunks",
                        "engine",
                        "HNSW index",
                        "chunks table / stored",
                        "text indexes",
                        "documents table",
                        "total"),
                sizes.rows);

        ScaleBench.SizeResult at100k =
                results.stream().filter(r -> r.size() == 100_000).findFirst().orElse(null);
        ScaleBench.SizeResult at1m =
                results.stream().filter(r -> r.size() == 1_000_000).findFirst().orElse(null);
        Report.Rows goals = new Report.Rows();
        if (at100k != null) {
            ScaleBench.LatencyRow l = at100k.row(PRODUCTION, "hybrid", 1);
            ScaleBench.LatencyRow l8 = at100k.row(PRODUCTION, "hybrid", 8);
            goals.add(
                    "hybrid retrieval p95 at 100k chunks, 1 client",
                    "<= 20 ms",
                    Stats.fmt(l.latency().p95()) + " ms (today's statement "
                            + Stats.fmt(at100k.row(TODAY, "hybrid", 1).latency().p95()) + ")",
                    Report.verdict(l.latency().p95() <= 20));
            goals.add(
                    "hybrid retrieval p95 at 100k chunks, 8 clients",
                    "<= 80 ms",
                    Stats.fmt(l8.latency().p95()) + " ms (today's statement "
                            + Stats.fmt(at100k.row(TODAY, "hybrid", 8).latency().p95()) + ")",
                    Report.verdict(l8.latency().p95() <= 80));
        }
        if (at1m != null) {
            ScaleBench.LatencyRow l = at1m.row(PRODUCTION, "hybrid", 1);
            goals.add(
                    "hybrid retrieval p95 at 1M chunks, 1 client",
                    "<= 60 ms",
                    Stats.fmt(l.latency().p95()) + " ms (8 clients "
                            + Stats.fmt(
                                    at1m.row(PRODUCTION, "hybrid", 8).latency().p95()) + "; today's statement "
                            + Stats.fmt(at1m.row(TODAY, "hybrid", 1).latency().p95()) + ")",
                    Report.verdict(l.latency().p95() <= 60));
        }
        for (ScaleBench.SizeResult r : results) {
            goals.add(
                    "pgvector HNSW recall@10 at " + size(r.size()) + (recombined ? "" : " (mixed corpus)"),
                    ">= 0.95",
                    Stats.fmt3(r.pgRecallLarge()) + " / " + Stats.fmt3(r.pgRecallSmall()) + " (large / small tenant)",
                    Report.verdict(Math.min(r.pgRecallLarge(), r.pgRecallSmall()) >= 0.95));
        }
        report.para("**Against the goals** (the production path):");
        report.table(List.of("goal", "target", "measured", ""), goals.rows);

        Path latencyPlot = run.plot(key + "-latency.png");
        Map<String, Plots.Line> lines = new LinkedHashMap<>();
        List<Integer> xs = results.stream().map(ScaleBench.SizeResult::size).toList();
        for (String engine : ENGINES) {
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
                "Lucene alone total",
                results.stream().map(r -> r.lucene().totalSeconds()).toList());
        bars.put(
                "keyword index rebuild",
                results.stream().map(r -> r.rebuild().seconds()).toList());
        Plots.bars(
                buildPlot,
                "Index build time (s)",
                "s",
                results.stream().map(r -> size(r.size()) + " chunks").toList(),
                bars);
        report.image(buildPlot, run.out(), "build time per size");
        Path sweepPlot = run.plot(key + "-recall.png");
        Map<String, Plots.Line> sweepLines = new LinkedHashMap<>();
        for (ScaleBench.SizeResult r : results) {
            for (String engine : List.of("PostgreSQL", "Lucene")) {
                List<ScaleBench.SweepPoint> pts = r.sweep().stream()
                        .filter(p -> p.engine().equals(engine))
                        .toList();
                sweepLines.put(
                        engine + " " + size(r.size()),
                        new Plots.Line(
                                pts.stream().map(ScaleBench.SweepPoint::meanMs).toList(),
                                pts.stream().map(ScaleBench.SweepPoint::recall).toList()));
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
        report.para("Term statistics for `KeywordQuery` (document frequencies of the tenant's terms): computed in "
                + "the app's memory from every chunk text, as while the tenant's keyword index is not ready, per size "
                + String.join(
                        ", ",
                        results.stream()
                                .map(r -> size(r.size()) + " " + Stats.fmt(r.statsWarmupSeconds()) + " s")
                                .toList())
                + "; read from the ready keyword index (a live view, nothing computed): "
                + String.join(
                        ", ",
                        results.stream()
                                .map(r -> size(r.size()) + " " + Stats.fmt(r.statsFromIndexSeconds() * 1000) + " ms")
                                .toList())
                + ".");
        report.writeTo(run.out());
    }

    private static String p50p95(ScaleBench.LatencyRow row) {
        return row == null
                ? "-"
                : Stats.fmt(row.latency().p50()) + " / "
                        + Stats.fmt(row.latency().p95());
    }

    /** Seconds of the indexes of one kind: {@code btree} or {@code text} (GIN and RUM over the tsvectors). */
    private static double sum(Map<String, Double> byIndex, String kind) {
        return byIndex.entrySet().stream()
                .filter(e -> !e.getKey().contains("embedding"))
                .filter(e -> kind.equals("text") == e.getKey().contains("tsv"))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    private static String textSizes(Map<String, Long> byIndex) {
        List<String> parts = new ArrayList<>();
        long btree = 0;
        for (Map.Entry<String, Long> e : byIndex.entrySet()) {
            if (e.getKey().contains("embedding")) {
                continue;
            }
            if (e.getKey().contains("tsv")) {
                parts.add(mib(e.getValue()) + " "
                        + e.getKey().replace("kb_chunk_", "").replace("_idx", ""));
            } else {
                btree += e.getValue();
            }
        }
        parts.add(mib(btree) + " btree");
        return String.join(" + ", parts);
    }

    private static String mib(long bytes) {
        return Stats.fmt(bytes / 1048576.0);
    }
}

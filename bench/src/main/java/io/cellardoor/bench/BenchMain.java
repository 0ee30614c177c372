package io.cellardoor.bench;

import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar cellardoor-bench.jar COMMAND [options]}: {@code quality}, {@code scale}, {@code ingest},
 * {@code load} or {@code smoke}. Each command writes its section of docs/benchmarks.md and its plots; see
 * bench/README.md.
 */
public final class BenchMain {

    static final String USAGE = """
            usage: cellardoor-bench COMMAND [options]
              quality                      recall@1/@5 and MRR on the dev questions: PostgreSQL full text, pgvector,
                                           the production hybrid, Lucene BM25, HNSW and hybrid, over the same chunks
              scale  [--sizes 10000,100000] [--queries 200] [--corpus recombined|mixed]
                                           synthetic corpora: build time and size, hybrid latency p50/p95/p99 with 1
                                           and 8 clients, HNSW recall@10, PostgreSQL and Lucene (1000000: opt-in)
              corpus [--sample 2000]       embeds the recombined corpus's sentences into the cache
                                           (bench/target/bench-work/cache) and measures composed vectors against
                                           the model's on a sample of chunks
              hnsw   [--sizes 100000] [--variants TEXT]
                                           HNSW index variants (graph parameters, halfvec) on the recombined corpus:
                                           build time, size, recall@10 and latency per ef_search
              ingest                       import of the knowledge folder: cold, unchanged, one file changed
              load   [--levels 1,2,4,8,16,32] [--seconds 10] [--rss-chunks 100000] [--phases extractive,cache,llm,chunks]
                     [--app-jar FILE] [--app-java-opts "-Xmx1g"] [--warmup-seconds 30]
                                           the real app under load: extractive, cache hits, LLM time to first token
              smoke                        a tiny run of every command into a temporary report (CI)
            common options: --root DIR (repository root, default .), --out FILE (default ROOT/docs/benchmarks.md),
              --plots DIR (default ROOT/docs/bench), --knowledge DIR (default ROOT/../shared/data/milea-knowledge),
              --questions FILE (default ROOT/../shared/data/vineyard-qa-dev.jsonl)
            database: CELLARDOOR_DB_URL (a database whose name contains 'bench'; it is wiped), _USER, _PASSWORD""";

    static final Map<String, Set<String>> COMMANDS = Map.of(
            "quality", Set.of(),
            "scale", Set.of("sizes", "queries", "threads", "corpus"),
            "corpus", Set.of("sample"),
            "hnsw", Set.of("sizes", "queries", "variants"),
            "ingest", Set.of("app-jar"),
            "load", Set.of("levels", "seconds", "rss-chunks", "app-jar", "app-java-opts", "phases", "warmup-seconds"),
            "smoke", Set.of());

    private BenchMain() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Options options;
        try {
            options = Options.parse(args, COMMANDS);
        } catch (IllegalArgumentException e) {
            System.err.println("cellardoor-bench: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        int code;
        try {
            code = run(options);
        } catch (Throwable e) {
            System.err.println("cellardoor-bench " + options.command() + " failed: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    static int run(Options options) throws Exception {
        Db db = Db.fromEnvironment();
        BenchRun run = new BenchRun(options);
        double load = Machine.loadAverage1();
        if (load > 0.5) {
            System.out.println("Note: load average is " + Machine.loadAverage()
                    + " (other work is running); figures may be noisy.");
        }
        switch (options.command()) {
            case "quality" -> QualityBench.run(options, run, db);
            case "scale" -> ScaleBench.run(options, run, db);
            case "hnsw" -> HnswBench.run(options, run, db);
            case "corpus" -> {
                ScaleBench.prepare(options, db);
                return 0;
            }
            case "ingest" -> IngestBench.run(options, run, db);
            case "load" -> LoadBench.run(options, run, db);
            case "smoke" -> {
                return SmokeBench.run(options, db);
            }
            default -> throw new IllegalArgumentException(options.command());
        }
        System.out.println("Wrote " + run.out());
        return 0;
    }
}

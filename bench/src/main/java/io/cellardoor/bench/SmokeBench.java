package io.cellardoor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small run of every command into a temporary copy of docs/benchmarks.md (the real one is not touched): quality on
 * the dev questions, scale at 2,000 chunks, ingest without the command-line part, a few seconds of LLM load. Fails
 * (exit 1) when a command fails, writes no section, or gives implausible figures.
 */
final class SmokeBench {

    private SmokeBench() {}

    static int run(Options options, Db db) throws Exception {
        long t0 = System.nanoTime();
        Path tmp = Files.createTempDirectory("cellardoor-bench-smoke");
        Path out = tmp.resolve("benchmarks.md");
        if (Files.exists(options.out())) {
            Files.copy(options.out(), out);
        }
        Path plots = tmp.resolve("bench");
        List<String> failures = new ArrayList<>();
        String root = options.root().toString();
        List<String> common =
                new ArrayList<>(List.of("--root", root, "--out", out.toString(), "--plots", plots.toString()));
        if (options.values().containsKey("knowledge")) {
            common.addAll(List.of("--knowledge", options.knowledge().toString()));
        }
        if (options.values().containsKey("questions")) {
            common.addAll(List.of("--questions", options.questions().toString()));
        }

        Options quality = sub("quality", common);
        List<QualityBench.Figures> q = QualityBench.run(quality, new BenchRun(quality), db, 30);
        q.stream()
                .filter(f -> f.engine().contains("hybrid") && f.recallAt5() < 0.5)
                .forEach(f -> failures.add("quality: " + f.engine() + " recall@5 " + f.recallAt5()));
        check(out, "quality", failures);

        // The mixed-vector corpus: the recombined one would embed its ~35,000 sentence variants first on a fresh
        // machine.
        Options scale = sub("scale", common, "--sizes", "2000", "--queries", "40", "--corpus", "mixed");
        List<ScaleBench.SizeResult> s = ScaleBench.run(scale, new BenchRun(scale), db);
        s.forEach(r -> {
            if (r.pgRecallLarge() < 0.8 || r.luceneRecallLarge() < 0.8) {
                failures.add("scale: HNSW recall@10 " + r.pgRecallLarge() + " / " + r.luceneRecallLarge());
            }
            if (r.row(ScaleBench.PRODUCTION, "hybrid", 1).latency().p50() <= 0
                    || r.row(ScaleBench.LUCENE, "hybrid", 1).latency().p50() <= 0) {
                failures.add("scale: no latency measured");
            }
        });
        check(out, "scale-2000-mixed", failures);

        Options ingest = sub("ingest", common);
        List<IngestBench.Step> i = IngestBench.run(ingest, new BenchRun(ingest), db, false);
        if (i.get(0).report().chunksEmbedded() == 0 || i.get(1).report().chunksEmbedded() != 0) {
            failures.add("ingest: cold import embedded " + i.get(0).report().chunksEmbedded()
                    + ", unchanged re-import embedded " + i.get(1).report().chunksEmbedded());
        }
        check(out, "ingest", failures);

        Options load = sub(
                "load",
                common,
                "--phases",
                "llm",
                "--levels",
                "2",
                "--seconds",
                "3",
                "--warmup-seconds",
                "3",
                "--rss-chunks",
                "0");
        List<LoadBench.Phase> l = LoadBench.run(load, new BenchRun(load), db);
        LoadGenerator.Level level = l.get(0).levels().get(0);
        if (level.errors() > 0 || level.ok() == 0 || level.viaLlm() == 0) {
            failures.add("load: %d answers, %d errors, %d via the LLM"
                    .formatted(level.ok(), level.errors(), level.viaLlm()));
        }
        check(out, "load", failures);

        long plotsWritten;
        try (var files = Files.list(plots)) {
            plotsWritten = files.filter(p -> p.toString().endsWith(".png")).count();
        }
        if (plotsWritten < 5) {
            failures.add("only " + plotsWritten + " plots written");
        }
        System.out.printf(
                "smoke: %d checks failed in %.0f s (report: %s)%n",
                failures.size(), (System.nanoTime() - t0) / 1e9, out);
        failures.forEach(f -> System.out.println("  FAILED " + f));
        return failures.isEmpty() ? 0 : 1;
    }

    private static Options sub(String command, List<String> common, String... more) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(common);
        args.addAll(List.of(more));
        return Options.parse(args.toArray(String[]::new), BenchMain.COMMANDS);
    }

    private static void check(Path out, String key, List<String> failures) throws Exception {
        String text = Files.readString(out);
        if (!text.contains("<!-- bench:" + key + " -->") || !text.contains("<!-- /bench:" + key + " -->")) {
            failures.add("section " + key + " not written");
        }
    }
}

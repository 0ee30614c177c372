package io.cellardoor.bench;

import io.cellardoor.embedding.Embeddings;
import io.cellardoor.knowledge.ImportReport;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.knowledge.MarkdownParser;
import io.cellardoor.knowledge.ParsedDocument;
import io.cellardoor.tenant.TenantService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Ingest: the production {@code KnowledgeImporter} over a copy of the knowledge folder (the original is never
 * touched): a cold import into a fresh org (first in this JVM), the same again unchanged, after changing one file,
 * into a second fresh org (warm JVM); then the embedding model's own throughput, and the {@code cellardoor ingest}
 * command as a process (JVM start, Spring, migrations, model load and import), cold and unchanged.
 */
final class IngestBench {

    record Step(String name, ImportReport report, double seconds) {}

    private IngestBench() {}

    static List<Step> run(Options options, BenchRun run, Db db) throws Exception {
        return run(options, run, db, true);
    }

    static List<Step> run(Options options, BenchRun run, Db db, boolean withCli) throws Exception {
        Path copy = options.work().resolve("ingest-knowledge");
        QualityBench.deleteTree(copy);
        copyTree(options.knowledge(), copy);
        List<Step> steps = new ArrayList<>();
        double contextSeconds;
        double parseSeconds;
        double embedSeconds;
        double singleEmbedMs;
        int docs;
        int chunks;
        try (BenchContext.Started ctx = BenchContext.start(db);
                Connection conn = db.connect()) {
            contextSeconds = ctx.seconds();
            run.machine(Machine.describe(conn, options.root()));
            Db.wipe(conn);
            TenantService tenants = ctx.bean(TenantService.class);
            KnowledgeImporter importer = ctx.bean(KnowledgeImporter.class);
            long org = tenants.ensureOrg("bench-ingest", "Benchmark ingest");
            steps.add(step("cold: fresh org, first import in this JVM", importer, org, copy));
            steps.add(step("nothing changed", importer, org, copy));
            Path changed = firstFile(copy);
            Files.writeString(changed, Files.readString(changed) + "\n\nUpdated by the ingest benchmark.\n");
            steps.add(step("one file changed (" + copy.relativize(changed) + ")", importer, org, copy));
            long org2 = tenants.ensureOrg("bench-ingest-2", "Benchmark ingest 2");
            steps.add(step("fresh org again (warm JVM)", importer, org2, copy));

            MarkdownParser parser = new MarkdownParser();
            List<String> texts = new ArrayList<>();
            long t0 = System.nanoTime();
            List<Path> files = markdownFiles(copy);
            for (Path f : files) {
                try {
                    ParsedDocument d = parser.parse(copy.relativize(f).toString(), Files.readString(f));
                    d.chunks().forEach(c -> texts.add(c.embeddingText(d.title())));
                } catch (RuntimeException e) {
                    // skipped, as the importer does
                }
            }
            parseSeconds = PgLoader.seconds(t0);
            docs = files.size();
            chunks = texts.size();
            Embeddings embeddings = ctx.bean(Embeddings.class);
            t0 = System.nanoTime();
            for (int i = 0; i < texts.size(); i += 32) {
                embeddings.embedAll(texts.subList(i, Math.min(texts.size(), i + 32)));
            }
            embedSeconds = PgLoader.seconds(t0);
            List<String> questions = Questions.read(options.questions()).texts();
            t0 = System.nanoTime();
            for (String q : questions) {
                embeddings.embed(q);
            }
            singleEmbedMs = (System.nanoTime() - t0) / 1e6 / questions.size();
        }
        Map<String, Double> cli = new LinkedHashMap<>();
        String cliFailure = "";
        Path jar = AppProcess.jar(options);
        if (withCli && Files.isRegularFile(jar)) {
            Path log = options.work().resolve("ingest-cli.log");
            for (String what : List.of("cold (new org)", "nothing changed")) {
                long t0 = System.nanoTime();
                int code = AppProcess.runToCompletion(
                        jar,
                        List.of("-Xmx1g"),
                        List.of("ingest", "--dir", copy.toString(), "--org", "bench-cli"),
                        db,
                        options.root().resolve("platform/app/target/plugins"),
                        log,
                        Duration.ofMinutes(5));
                if (code != 0) {
                    cliFailure = "`cellardoor ingest` as a process failed (exit " + code + ") with the app jar of "
                            + Files.getLastModifiedTime(jar) + ": " + firstError(log);
                    System.out.println("  " + cliFailure);
                    cli.clear();
                    break;
                }
                cli.put(what, PgLoader.seconds(t0));
            }
        }
        QualityBench.deleteTree(copy);
        write(
                run,
                options,
                steps,
                contextSeconds,
                parseSeconds,
                embedSeconds,
                singleEmbedMs,
                docs,
                chunks,
                cli,
                cliFailure);
        return steps;
    }

    private static Step step(String name, KnowledgeImporter importer, long org, Path folder) throws Exception {
        long t0 = System.nanoTime();
        ImportReport r = importer.importFolder(org, folder, line -> {});
        double s = PgLoader.seconds(t0);
        System.out.printf("  %-45s %6.2f s  %s%n", name, s, r.summary());
        return new Step(name, r, s);
    }

    private static String firstError(Path log) {
        try {
            return Files.readAllLines(log).stream()
                    .filter(l -> l.contains("Exception") || l.contains("ERROR"))
                    .map(l -> l.replaceAll("^.*? : ", ""))
                    .map(l -> l.length() > 300 ? l.substring(0, 300) + "…" : l)
                    .findFirst()
                    .orElse("see " + log);
        } catch (java.io.IOException e) {
            return "see " + log;
        }
    }

    private static Path firstFile(Path folder) throws Exception {
        List<Path> files = markdownFiles(folder);
        return files.stream()
                .filter(p -> p.toString().contains("/visiting/"))
                .findFirst()
                .orElse(files.get(0));
    }

    private static List<Path> markdownFiles(Path folder) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> Files.isRegularFile(p)
                            && p.getFileName().toString().toLowerCase().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted()
                    .toList();
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void write(
            BenchRun run,
            Options options,
            List<Step> steps,
            double contextSeconds,
            double parseSeconds,
            double embedSeconds,
            double singleEmbedMs,
            int docs,
            int chunks,
            Map<String, Double> cli,
            String cliFailure)
            throws Exception {
        Report report = new Report("ingest", "Ingest: importing the Milea knowledge", run);
        report.para(
                ("`KnowledgeImporter` (the production import: parse, hash, embed the chunks whose text hash the org "
                                + "lacks in batches of 32 with all-MiniLM-L6-v2 in process, one transaction of upserts) over a copy of %s "
                                + "(%d markdown files). The benchmark's Spring context, with migrations and the embedding model, started in "
                                + "%.1f s before the first import.")
                        .formatted(options.knowledge().getFileName(), docs, contextSeconds));
        Report.Rows rows = new Report.Rows();
        for (Step s : steps) {
            ImportReport r = s.report();
            int touched = r.added() + r.updated();
            rows.add(
                    s.name(),
                    Stats.fmt(s.seconds()),
                    r.added() + " / " + r.updated() + " / " + r.unchanged(),
                    r.chunksEmbedded() + " / " + r.chunksReused(),
                    Stats.fmt(touched / s.seconds()),
                    Stats.fmt(r.chunksEmbedded() / s.seconds()));
        }
        report.table(
                List.of(
                        "import",
                        "seconds",
                        "documents added / updated / unchanged",
                        "chunks embedded / reused",
                        "documents/s",
                        "chunks embedded/s"),
                rows.rows);
        report.para(
                ("Where the time goes: parsing all %d files takes %.2f s; embedding all %d chunks alone (batches of 32) "
                                + "%.2f s, i.e. %.0f chunks/s; one question (the chat's query embedding) %.1f ms on average over the dev "
                                + "questions.")
                        .formatted(docs, parseSeconds, chunks, embedSeconds, chunks / embedSeconds, singleEmbedMs));
        if (!cli.isEmpty()) {
            report.para(
                    "`cellardoor ingest --dir DIR --org bench-cli` as a process (`java -Xmx1g -jar platform/app/target/cellardoor.jar`, "
                            + "wall time including JVM start, Spring, migrations and model load): "
                            + String.join(
                                    "; ",
                                    cli.entrySet().stream()
                                            .map(e -> e.getKey() + " " + Stats.fmt(e.getValue()) + " s")
                                            .toList())
                            + ".");
        }
        if (!cliFailure.isEmpty()) {
            report.para(cliFailure);
        }
        Step cold = steps.get(0);
        Step unchanged = steps.get(1);
        Report.Rows goals = new Report.Rows();
        goals.add(
                "Milea import, cold",
                "<= 60 s",
                Stats.fmt(cold.seconds()) + " s in process"
                        + (cli.containsKey("cold (new org)")
                                ? ", " + Stats.fmt(cli.get("cold (new org)")) + " s as a command"
                                : ""),
                Report.verdict(cold.seconds() <= 60 && cli.getOrDefault("cold (new org)", 0.0) <= 60));
        goals.add(
                "Milea import, nothing changed",
                "<= 5 s",
                Stats.fmt(unchanged.seconds()) + " s in process"
                        + (cli.containsKey("nothing changed")
                                ? ", " + Stats.fmt(cli.get("nothing changed")) + " s as a command"
                                : ""),
                Report.verdict(unchanged.seconds() <= 5));
        report.para("**Against the goals:**");
        report.table(List.of("goal", "target", "measured", ""), goals.rows);
        Path plot = run.plot("ingest.png");
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("seconds", steps.stream().map(Step::seconds).toList());
        Plots.bars(
                plot,
                "Import of the Milea knowledge (s)",
                "s",
                steps.stream()
                        .map(s -> s.name().replaceAll(" \\(.*", "").replaceAll(":.*", ""))
                        .toList(),
                series);
        report.image(plot, run.out(), "import seconds per scenario");
        report.writeTo(run.out());
    }
}

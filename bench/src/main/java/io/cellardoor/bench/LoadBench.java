package io.cellardoor.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Chat under load: the real app jar as a process on loopback, serving the knowledge folder, driven at rising
 * concurrency through {@code /api/v1/chat} (extractive answers, cache off), the same with the semantic cache warm,
 * {@code /api/v1/chat/stream} with an OpenAI-compatible fake LLM, and extractive answers again with the tenant grown to
 * a large synthetic corpus (for memory at scale).
 */
final class LoadBench {

    static final String SITE_KEY = "demo-site-key";
    static final List<String> ALL_PHASES = List.of("extractive", "cache", "llm", "chunks");

    record Phase(
            String name,
            String description,
            double startupSeconds,
            long idleRssMiB,
            List<LoadGenerator.Level> levels,
            String note) {

        long rssMax() {
            return Math.max(
                    idleRssMiB,
                    levels.stream()
                            .mapToLong(LoadGenerator.Level::rssMaxMiB)
                            .max()
                            .orElse(0));
        }

        LoadGenerator.Level best() {
            return levels.stream()
                    .max((a, b) -> Double.compare(a.perSecond(), b.perSecond()))
                    .orElseThrow();
        }
    }

    private LoadBench() {}

    static List<Phase> run(Options options, BenchRun run, Db db) throws Exception {
        List<Integer> levels = options.getInts("levels", List.of(1, 2, 4, 8, 16, 32));
        Duration perLevel = Duration.ofSeconds(options.getInt("seconds", 10));
        Duration warmUp = Duration.ofSeconds(options.getInt("warmup-seconds", 30));
        int rssChunks = options.getInt("rss-chunks", 100_000);
        List<String> phases = Arrays.stream(
                        options.get("phases", String.join(",", ALL_PHASES)).split(","))
                .map(String::trim)
                .toList();
        List<String> javaOpts = Arrays.stream(
                        options.get("app-java-opts", "-Xmx1g").split("\\s+"))
                .filter(s -> !s.isBlank())
                .toList();
        Path jar = AppProcess.jar(options);
        Path plugins = options.root().resolve("platform/app/target/plugins");
        Path logs = options.work().resolve("load-logs");
        List<String> questions = Questions.read(options.questions()).texts();
        List<String> common = new ArrayList<>(List.of(
                "--knowledge",
                options.knowledge().toString(),
                "--cellardoor.widget.visitor-requests-per-minute=1000000",
                "--cellardoor.widget.site-requests-per-minute=1000000",
                "--cellardoor.ratelimit.address-requests-per-minute=1000000",
                "--cellardoor.chat.max-streams-per-visitor=100000",
                "--cellardoor.chat.max-streams-per-site=100000",
                // The load is one org's: no message quota, and LLM answers on the default plan (the LLM phase).
                "--cellardoor.billing.plans.free.monthly-messages=-1",
                "--cellardoor.billing.plans.free.features=semantic-cache,llm-answers,curated-answers,handoff,"
                        + "suggested-questions,feedback,multilingual"));
        List<Phase> results = new ArrayList<>();
        try (Connection conn = db.connect();
                FakeLlm fake = FakeLlm.start()) {
            run.machine(Machine.describe(conn, options.root()));
            Db.wipe(conn);
            if (phases.contains("extractive")) {
                results.add(phase(
                        "extractive",
                        "POST /api/v1/chat, extractive answers, semantic cache off",
                        jar,
                        javaOpts,
                        plus(common, "--cellardoor.cache.enabled=false"),
                        db,
                        plugins,
                        logs,
                        "Cellar Door is ready",
                        (gen, app) -> {
                            for (int pass = 0; pass < 2; pass++) {
                                for (String q : questions) {
                                    gen.ask(q);
                                }
                            }
                            List<LoadGenerator.Level> out = new ArrayList<>();
                            for (int c : levels) {
                                out.add(log("extractive", gen.json(questions, c, perLevel, app)));
                            }
                            return new Result(out, "");
                        }));
            }
            if (phases.contains("cache")) {
                results.add(phase(
                        "cache",
                        "POST /api/v1/chat, semantic cache hits",
                        jar,
                        javaOpts,
                        common,
                        db,
                        plugins,
                        logs,
                        "Cellar Door is ready",
                        (gen, app) -> {
                            for (String q : questions) {
                                gen.ask(q);
                            }
                            List<String> hits = new ArrayList<>();
                            for (String q : questions) {
                                if ("cache".equals(gen.ask(q))) {
                                    hits.add(q);
                                }
                            }
                            if (hits.isEmpty()) {
                                throw new IllegalStateException(
                                        "no question was answered from the cache after warming it");
                            }
                            List<LoadGenerator.Level> out = new ArrayList<>();
                            for (int c : levels) {
                                out.add(log("cache", gen.json(hits, c, perLevel, app)));
                            }
                            return new Result(
                                    out,
                                    ("%d of the %d dev questions are cached (the others are declined or guarded, "
                                                    + "which the cache does not keep); the load cycles through those %d.")
                                            .formatted(hits.size(), questions.size(), hits.size()));
                        }));
            }
            if (phases.contains("llm")) {
                List<String> llmArgs = plus(
                        common,
                        "--cellardoor.cache.enabled=false",
                        "--cellardoor.answer.llm.base-url=" + fake.baseUrl(),
                        "--cellardoor.answer.llm.model=fake",
                        "--cellardoor.answer.llm.api-key=x");
                results.add(phase(
                        "llm",
                        "POST /api/v1/chat/stream, OpenAI-compatible fake LLM streaming a chunk every "
                                + FakeLlm.INTERVAL_MS + " ms, semantic cache off",
                        jar,
                        javaOpts,
                        llmArgs,
                        db,
                        plugins,
                        logs,
                        "Cellar Door is ready",
                        (gen, app) -> {
                            gen.stream(questions, 2, warmUp, app, fake); // the JIT's warm-up, not measured
                            List<LoadGenerator.Level> out = new ArrayList<>();
                            String stages = "";
                            for (int c : levels) {
                                Map<String, double[]> before = StageMeters.scrape(app.management());
                                out.add(log("llm", gen.stream(questions, c, perLevel, app, fake)));
                                if (stages.isEmpty()) {
                                    Map<String, Double> means =
                                            StageMeters.meanMs(before, StageMeters.scrape(app.management()));
                                    System.out.println("  stages at c=" + c + " (mean ms): "
                                            + means.entrySet().stream()
                                                    .map(e -> e.getKey() + " " + Stats.fmt(e.getValue()))
                                                    .collect(Collectors.joining(", ")));
                                    stages =
                                            ("Where the platform's time goes at %d client(s), mean ms per stage from the app's "
                                                            + "`cellardoor.chat.stage` timers (every stage before `generate` comes before the LLM "
                                                            + "call; `embed` is the turn's one embedding of the question, `classify` and `split` run beside it "
                                                            + "and `quota` beside the whole path; `split` and `parts` only for a question asking several "
                                                            + "things, yet averaged over every answer): %s.")
                                                    .formatted(
                                                            c,
                                                            means.entrySet().stream()
                                                                    .map(e ->
                                                                            e.getKey() + " " + Stats.fmt(e.getValue()))
                                                                    .collect(Collectors.joining(", ")));
                                }
                            }
                            return new Result(out, stages);
                        }));
            }
            if (phases.contains("chunks") && rssChunks > 0) {
                results.add(
                        chunksPhase(conn, db, rssChunks, levels, perLevel, jar, javaOpts, plugins, logs, questions));
            }
        }
        write(run, options, results, javaOpts, perLevel, warmUp);
        return results;
    }

    private static LoadGenerator.Level log(String phase, LoadGenerator.Level l) {
        Stats.Latency lat = l.latency();
        System.out.printf(
                "  %-10s c=%-3d %6.1f req/s p50 %7.1f p95 %7.1f p99 %7.1f ms errors %d%s rss %d MiB%s%n",
                phase,
                l.clients(),
                l.perSecond(),
                lat.p50(),
                lat.p95(),
                lat.p99(),
                l.errors(),
                l.errors() > 0 ? " (first: " + l.firstError() + ")" : "",
                l.rssMaxMiB(),
                l.viaLlm() > 0
                        ? " platform TTFT p50 %.1f p95 %.1f ms"
                                .formatted(
                                        Stats.percentileMs(l.platformTtft(), 0.5),
                                        Stats.percentileMs(l.platformTtft(), 0.95))
                        : "");
        return l;
    }

    record Result(List<LoadGenerator.Level> levels, String note) {}

    interface Body {
        Result run(LoadGenerator gen, AppProcess app) throws Exception;
    }

    private static Phase phase(
            String name,
            String description,
            Path jar,
            List<String> javaOpts,
            List<String> args,
            Db db,
            Path plugins,
            Path logs,
            String readyLine,
            Body body)
            throws Exception {
        System.out.println("load: " + name);
        try (AppProcess app = AppProcess.serve(jar, javaOpts, args, db, plugins, logs.resolve(name + ".log"));
                Connection conn = db.connect()) {
            double ready = app.awaitReady(Duration.ofMinutes(5), readyLine);
            Db.analyze(conn);
            long idle = app.rssMiB();
            Result r = body.run(new LoadGenerator(app.base(), SITE_KEY), app);
            return new Phase(name, description, ready, idle, r.levels(), r.note());
        }
    }

    /** The demo tenant grown to {@code total} chunks with synthetic ones, then served without an import. */
    private static Phase chunksPhase(
            Connection conn,
            Db db,
            int total,
            List<Integer> levels,
            Duration perLevel,
            Path jar,
            List<String> javaOpts,
            Path plugins,
            Path logs,
            List<String> questions)
            throws Exception {
        System.out.println("load: chunks (" + total + ")");
        long org;
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM org WHERE slug = 'demo'")) {
            if (!rs.next()) {
                throw new IllegalStateException("org 'demo' missing: run the other phases first");
            }
            org = rs.getLong(1);
        }
        List<BaseCorpus.Doc> base = BaseCorpus.fromDatabase(conn, org);
        int extra = total - BaseCorpus.chunkCount(base);
        PgLoader.Result loaded;
        try (PgLoader loader = new PgLoader(db)) {
            long[] max = loader.maxIds();
            SyntheticCorpus synthetic = new SyntheticCorpus(base, ScaleBench.SEED);
            loaded = loader.load(
                    sink -> synthetic.generate(extra, max[0] + 1, max[1] + 1, d -> sink.doc(org, d)),
                    ScaleBench.maintenanceWorkMem(total));
        }
        List<Integer> chosen =
                levels.stream().filter(c -> c == 1 || c == 8 || c == 32).toList();
        List<Integer> use = chosen.isEmpty() ? levels : chosen;
        try (AppProcess app = AppProcess.serve(
                jar,
                javaOpts,
                List.of(
                        "--cellardoor.cache.enabled=false",
                        "--cellardoor.widget.visitor-requests-per-minute=1000000",
                        "--cellardoor.widget.site-requests-per-minute=1000000",
                        "--cellardoor.ratelimit.address-requests-per-minute=1000000",
                        "--cellardoor.chat.max-streams-per-visitor=100000",
                        "--cellardoor.chat.max-streams-per-site=100000",
                        "--cellardoor.billing.plans.free.monthly-messages=-1"),
                db,
                plugins,
                logs.resolve("chunks.log"))) {
            double ready = app.awaitReady(Duration.ofMinutes(5), null);
            long idle = app.rssMiB();
            LoadGenerator gen = new LoadGenerator(app.base(), SITE_KEY);
            long t0 = System.nanoTime();
            gen.ask(questions.get(0));
            double first = (System.nanoTime() - t0) / 1e9;
            for (String q : questions) {
                gen.ask(q);
            }
            List<LoadGenerator.Level> out = new ArrayList<>();
            for (int c : use) {
                out.add(log("chunks", gen.json(questions, c, perLevel, app)));
            }
            String note =
                    ("The demo tenant grown to %,d chunks (%,d synthetic ones COPYed in, indexes rebuilt in %.0f s), app "
                                    + "restarted without an import; its first question took %.1f s (the tenant's term statistics for "
                                    + "`KeywordQuery` and the extractive generator are computed then, from every chunk text).")
                            .formatted(total, extra, loaded.totalSeconds(), first);
            return new Phase(
                    "chunks",
                    "POST /api/v1/chat, extractive, cache off, tenant of " + String.format("%,d", total) + " chunks",
                    ready,
                    idle,
                    out,
                    note);
        }
    }

    private static String jarTime(Options options) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
                    .format(java.nio.file.Files.getLastModifiedTime(AppProcess.jar(options))
                            .toInstant()
                            .atZone(java.time.ZoneId.systemDefault()));
        } catch (java.io.IOException e) {
            return "at an unknown time";
        }
    }

    private static List<String> plus(List<String> list, String... more) {
        List<String> out = new ArrayList<>(list);
        out.addAll(List.of(more));
        return out;
    }

    private static void write(
            BenchRun run,
            Options options,
            List<Phase> phases,
            List<String> javaOpts,
            Duration perLevel,
            Duration warmUp)
            throws Exception {
        Report report = new Report("load", "Chat under load", run);
        report.para(("""
                The app jar (`platform/app/target/cellardoor.jar serve`, built %s; JVM options `%s`, the five domain plugins, \
                Hikari pool 10, Tomcat on virtual threads) serving %s in org `demo`, on the same 2 cores as the load \
                generator and PostgreSQL. Closed loop over loopback: each client sends a dev question (%d, round-robin), \
                waits for the whole answer, sends the next; %d s per concurrency level after a warm-up (extractive: two passes over \
                the questions; LLM: %d s of answers at 2 clients, so that the JIT has compiled the path a server runs for \
                hours). Latency is per \
                request at the client; errors are non-200 answers, stream `error` events and I/O failures; RSS is the \
                app process's VmRSS, sampled every 200 ms, highest value. Rate limits raised for the run \
                (`--cellardoor.widget.*-requests-per-minute=1000000` and `--cellardoor.ratelimit.address-requests-per-minute=1000000`: \
                the shared buckets are still taken, one PostgreSQL row lock each, so their cost is in the figures); the database is analyzed after each start-up \
                import, as autovacuum would do shortly after.""")
                .formatted(
                        jarTime(options),
                        String.join(" ", javaOpts),
                        options.knowledge().getFileName(),
                        Questions.read(options.questions()).cases().size(),
                        perLevel.toSeconds(),
                        warmUp.toSeconds()));
        for (Phase p : phases) {
            Report.Rows rows = new Report.Rows();
            boolean llm = p.name().equals("llm");
            for (LoadGenerator.Level l : p.levels()) {
                Stats.Latency lat = l.latency();
                String gens = l.generators().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
                if (llm) {
                    rows.add(
                            l.clients(),
                            l.ok(),
                            Stats.fmt(l.perSecond()),
                            Stats.fmt(Stats.percentileMs(l.clientTtft(), 0.5)) + " / "
                                    + Stats.fmt(Stats.percentileMs(l.clientTtft(), 0.95)),
                            Stats.fmt(Stats.percentileMs(l.platformTtft(), 0.5)) + " / "
                                    + Stats.fmt(Stats.percentileMs(l.platformTtft(), 0.95)) + " / "
                                    + Stats.fmt(Stats.percentileMs(l.platformTtft(), 0.99)),
                            Stats.fmt(Stats.percentileMs(l.beforeLlm(), 0.5)) + " / "
                                    + Stats.fmt(Stats.percentileMs(l.beforeLlm(), 0.95)),
                            Stats.fmt(Stats.percentileMs(l.afterFirstChunk(), 0.5)) + " / "
                                    + Stats.fmt(Stats.percentileMs(l.afterFirstChunk(), 0.95)),
                            Stats.fmt(lat.p50()) + " / " + Stats.fmt(lat.p95()) + " / " + Stats.fmt(lat.p99()),
                            l.errors(),
                            l.rssMaxMiB(),
                            gens);
                } else {
                    rows.add(
                            l.clients(),
                            l.ok(),
                            Stats.fmt(l.perSecond()),
                            lat.p50(),
                            lat.p95(),
                            lat.p99(),
                            l.errors(),
                            l.rssMaxMiB(),
                            gens);
                }
            }
            report.para("**%s** (%s). Started and ready in %.0f s, RSS %d MiB when idle. %s"
                    .formatted(p.name(), p.description(), p.startupSeconds(), p.idleRssMiB(), p.note())
                    .strip());
            if (llm) {
                report.table(
                        List.of(
                                "clients",
                                "answers",
                                "answers/s",
                                "client TTFT p50 / p95",
                                "platform-added TTFT p50 / p95 / p99",
                                "before the LLM call p50 / p95",
                                "first chunk to first token p50 / p95",
                                "whole answer p50 / p95 / p99",
                                "errors",
                                "RSS MiB",
                                "answers by generator"),
                        rows.rows);
            } else {
                report.table(
                        List.of(
                                "clients",
                                "answers",
                                "answers/s",
                                "p50 ms",
                                "p95 ms",
                                "p99 ms",
                                "errors",
                                "RSS MiB",
                                "answers by generator"),
                        rows.rows);
            }
        }
        Phase llm =
                phases.stream().filter(p -> p.name().equals("llm")).findFirst().orElse(null);
        if (llm != null) {
            report.para(
                    "TTFT columns count only answers that went through the LLM (generator `llm`; plugins answer some "
                            + "questions directly). Platform-added TTFT = time to the first `token` event at the client minus the "
                            + "fake's own time from reading the request to flushing its first chunk (both on this process's clock); "
                            + "\"before the LLM call\" is request sent to fake request read, \"first chunk to first token\" is fake "
                            + "flush to the client reading the token event.");
        }
        Report.Rows goals = new Report.Rows();
        if (llm != null) {
            LoadGenerator.Level one = llm.levels().get(0);
            String all = llm.levels().stream()
                    .map(l -> "c=" + l.clients() + ": " + Stats.fmt(Stats.percentileMs(l.platformTtft(), 0.95)))
                    .collect(Collectors.joining(", "));
            goals.add(
                    "platform-added time to first token, p95",
                    "<= 30 ms",
                    Stats.fmt(Stats.percentileMs(one.platformTtft(), 0.95)) + " ms at " + one.clients()
                            + (one.clients() == 1 ? " client (" : " clients (") + all + ")",
                    Report.verdict(Stats.percentileMs(one.platformTtft(), 0.95) <= 30));
        }
        phases.stream()
                .filter(p -> p.name().equals("cache"))
                .findFirst()
                .ifPresent(p -> goals.add(
                        "chat requests/s on cache hits",
                        ">= 300",
                        Stats.fmt(p.best().perSecond()) + " at " + p.best().clients() + " clients",
                        Report.verdict(p.best().perSecond() >= 300)));
        phases.stream()
                .filter(p -> p.name().equals("chunks"))
                .findFirst()
                .ifPresent(p -> goals.add(
                        "app RSS with the tenant at " + p.description().replaceAll(".*tenant of ", ""),
                        "<= 1024 MiB",
                        p.rssMax() + " MiB (highest sample)",
                        Report.verdict(p.rssMax() <= 1024)));
        if (!goals.rows.isEmpty()) {
            report.para("**Against the goals:**");
            report.table(List.of("goal", "target", "measured", ""), goals.rows);
        }
        Map<String, Plots.Line> tput = new LinkedHashMap<>();
        Map<String, Plots.Line> p95 = new LinkedHashMap<>();
        for (Phase p : phases) {
            List<Integer> xs =
                    p.levels().stream().map(LoadGenerator.Level::clients).toList();
            tput.put(
                    p.name(),
                    new Plots.Line(
                            xs,
                            p.levels().stream()
                                    .map(LoadGenerator.Level::perSecond)
                                    .toList()));
            p95.put(
                    p.name() + " p95",
                    new Plots.Line(
                            xs, p.levels().stream().map(l -> l.latency().p95()).toList()));
        }
        Path tputPlot = run.plot("load-throughput.png");
        Plots.lines(tputPlot, "Chat answers per second", "concurrent clients", "answers/s", true, false, tput);
        report.image(tputPlot, run.out(), "answers per second against concurrency");
        Path latPlot = run.plot("load-latency.png");
        Plots.lines(latPlot, "Chat latency p95 (whole answer)", "concurrent clients", "ms", true, true, p95);
        report.image(latPlot, run.out(), "p95 latency against concurrency");
        if (llm != null) {
            List<Integer> xs =
                    llm.levels().stream().map(LoadGenerator.Level::clients).toList();
            Map<String, Plots.Line> ttft = new LinkedHashMap<>();
            ttft.put(
                    "platform-added p50",
                    new Plots.Line(
                            xs,
                            llm.levels().stream()
                                    .map(l -> Stats.percentileMs(l.platformTtft(), 0.5))
                                    .toList()));
            ttft.put(
                    "platform-added p95",
                    new Plots.Line(
                            xs,
                            llm.levels().stream()
                                    .map(l -> Stats.percentileMs(l.platformTtft(), 0.95))
                                    .toList()));
            ttft.put(
                    "before the LLM call p95",
                    new Plots.Line(
                            xs,
                            llm.levels().stream()
                                    .map(l -> Stats.percentileMs(l.beforeLlm(), 0.95))
                                    .toList()));
            Path ttftPlot = run.plot("load-ttft.png");
            Plots.lines(
                    ttftPlot,
                    "Time the platform adds before the first token",
                    "concurrent clients",
                    "ms",
                    true,
                    true,
                    ttft);
            report.image(ttftPlot, run.out(), "platform-added time to first token against concurrency");
        }
        report.writeTo(run.out());
    }
}

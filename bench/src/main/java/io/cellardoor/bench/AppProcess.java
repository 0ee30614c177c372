package io.cellardoor.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real app jar started as a process, as an operator would, and stopped by its own handle. */
final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private int managementPort = -1;
    private final Path log;
    private final long startedNanos = System.nanoTime();

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static Path jar(Options options) {
        return options.values().containsKey("app-jar")
                ? Path.of(options.values().get("app-jar")).toAbsolutePath()
                : options.root().resolve("platform/app/target/cellardoor.jar");
    }

    static String java() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Runs the jar with a command (e.g. {@code ingest}) to completion and returns its exit code. */
    static int runToCompletion(
            Path jar, List<String> javaOpts, List<String> args, Db db, Path plugins, Path log, Duration timeout)
            throws Exception {
        Process p = builder(jar, javaOpts, args, db, plugins, log).start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + args + " (log: " + log + ")");
        }
        return p.exitValue();
    }

    /** Starts {@code serve} on a free port with the given extra arguments. */
    static AppProcess serve(Path jar, List<String> javaOpts, List<String> args, Db db, Path plugins, Path log)
            throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "app jar not found: " + jar + " (build it: ./mvnw -q -B -DskipTests install)");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int management;
        try (ServerSocket s = new ServerSocket(0)) {
            management = s.getLocalPort();
        }
        List<String> all = new ArrayList<>(List.of("serve", "--port", String.valueOf(port)));
        all.addAll(args);
        ProcessBuilder builder = builder(jar, javaOpts, all, db, plugins, log);
        // Metrics are scraped on the management port, as in production (the visitor port wants a PLATFORM_ADMIN token).
        builder.environment().put("MANAGEMENT_SERVER_PORT", String.valueOf(management));
        AppProcess app = new AppProcess(builder.start(), port, log);
        app.managementPort = management;
        return app;
    }

    private static ProcessBuilder builder(
            Path jar, List<String> javaOpts, List<String> args, Db db, Path plugins, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(javaOpts);
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("CELLARDOOR_DB_URL", db.url());
        env.put("CELLARDOOR_DB_USER", db.user());
        env.put("CELLARDOOR_DB_PASSWORD", db.password());
        env.put("CELLARDOOR_DB_APP_USER", db.appUser());
        env.put("CELLARDOOR_DB_APP_PASSWORD", db.appPassword());
        env.put("CELLARDOOR_PLUGINS_DIR", plugins.toString());
        // The repository's plugin jars are unsigned: a local-only switch (docs/decisions/0037).
        env.put("CELLARDOOR_PLUGINS_ALLOW_UNSIGNED", "true");
        env.remove("CELLARDOOR_LLM_BASE_URL");
        env.remove("CELLARDOOR_LLM_API_KEY");
        env.remove("CELLARDOOR_LLM_MODEL");
        return pb;
    }

    /**
     * Waits until readiness answers 200 (on the management port when the app has one: actuator is only there) and, when
     * given, the log shows a line (e.g. the end of the start-up import).
     *
     * @return seconds from start to ready
     */
    double awaitReady(Duration timeout, String logLine) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "app exited with " + process.exitValue() + "; log: " + log + "\n" + tail());
            }
            boolean logged = logLine == null
                    || (Files.exists(log) && Files.readString(log).contains(logLine));
            if (logged) {
                try {
                    HttpResponse<Void> r = http.send(
                            HttpRequest.newBuilder((managementPort > 0 ? management() : base())
                                            .resolve("/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(2))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return (System.nanoTime() - startedNanos) / 1e9;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("app not ready after " + timeout + "; log: " + log + "\n" + tail());
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The management port's base URI ({@code /actuator/prometheus}), for an app started with {@code serve}. */
    URI management() {
        return URI.create("http://127.0.0.1:" + managementPort);
    }

    long pid() {
        return process.pid();
    }

    long rssMiB() {
        return Machine.rssMiB(process.pid());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

package io.cellardoor.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real app as a separate process: {@code java -jar platform/app/target/cellardoor.jar serve --knowledge knowledge/demo
 * --port <free>} against the test database, output in {@code target/app.log}. Started once per JVM by
 * {@link CellarDoorExtension}; ready when readiness is UP and the demo knowledge answers a question.
 */
public final class CellarDoorApp implements AutoCloseable {

    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration IMPORT_TIMEOUT = Duration.ofSeconds(90);
    private static final String PROBE = "{\"message\":\"Are you open on Monday?\"}";

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread shutdownHook;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CellarDoorApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "cellardoor-e2e-app-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the app and waits until it answers chat questions from the demo knowledge base. */
    public static CellarDoorApp start() {
        Path jar = E2eConfig.appJar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The app jar " + jar + " does not exist: build the app first"
                    + " (./mvnw -q -B install -DskipTests from the repository root), then run the e2e tests.");
        }
        if (!Files.isDirectory(E2eConfig.pluginsDir())) {
            throw new IllegalStateException("The plugins folder " + E2eConfig.pluginsDir()
                    + " does not exist: build the app first" + " (./mvnw -q -B install -DskipTests).");
        }
        int port = freePort();
        Path log = E2eConfig.targetDir().resolve("app.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String javaOpts = System.getenv("CELLARDOOR_JAVA_OPTS");
        command.addAll(List.of((javaOpts == null || javaOpts.isBlank() ? "-Xmx1g" : javaOpts)
                .trim()
                .split("\\s+")));
        command.addAll(List.of(
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                jar.toString(),
                "serve",
                "--knowledge",
                E2eConfig.demoKnowledge().toString(),
                "--port",
                Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(E2eConfig.repoRoot().toFile())
                .redirectErrorStream(true);
        builder.environment().put("CELLARDOOR_DB_URL", E2eConfig.dbUrl());
        builder.environment().put("CELLARDOOR_DB_USER", E2eConfig.dbUser());
        builder.environment().put("CELLARDOOR_DB_PASSWORD", E2eConfig.dbPassword());
        builder.environment().put("CELLARDOOR_DB_APP_USER", E2eConfig.dbAppUser());
        builder.environment().put("CELLARDOOR_DB_APP_PASSWORD", E2eConfig.dbAppPassword());
        builder.environment()
                .put("CELLARDOOR_PLUGINS_DIR", E2eConfig.pluginsDir().toString());
        // The repository's plugin jars are unsigned: a local-only switch (docs/decisions/0037).
        builder.environment().put("CELLARDOOR_PLUGINS_ALLOW_UNSIGNED", "true");
        // Staff sign-in to the console goes to the Keycloak the test run started (deploy/local/keycloak.sh).
        builder.environment().put("CELLARDOOR_IDENTITY_ISSUER_URI", E2eConfig.keycloakIssuer());
        // Answers come from the embedded extractive generator: never an outside LLM.
        builder.environment().remove("CELLARDOOR_LLM_BASE_URL");
        builder.environment().remove("CELLARDOOR_LLM_API_KEY");
        builder.environment().remove("CELLARDOOR_LLM_MODEL");
        CellarDoorApp app;
        try {
            Files.createDirectories(log.getParent());
            builder.redirectOutput(log.toFile());
            System.out.println("[e2e] starting " + String.join(" ", command) + " (database " + E2eConfig.dbUrl()
                    + ", issuer " + E2eConfig.keycloakIssuer() + ", log " + log + ")");
            app = new CellarDoorApp(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the app: " + command, e);
        }
        try {
            Instant started = Instant.now();
            app.awaitReadiness();
            app.awaitDemoAnswers();
            System.out.println("[e2e] app ready on " + app.baseUrl() + " after "
                    + Duration.between(started, Instant.now()).toMillis() + " ms");
            return app;
        } catch (RuntimeException | Error e) {
            app.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The app's first error lines and its last lines, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> errors = all.stream()
                    .filter(l -> l.contains(" ERROR ")
                            || l.startsWith("Caused by:")
                            || l.startsWith("***")
                            || l.startsWith("Description:")
                            || l.startsWith("Action:"))
                    .limit(15)
                    .toList();
            return (errors.isEmpty() ? "" : "  first error lines:\n" + String.join("\n", errors) + "\n  last lines:\n")
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** POSTs JSON to the app as a server would (no Origin header) with the demo site key. */
    public HttpResponse<String> postJson(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Site-Key", E2eConfig.SITE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return send(request);
    }

    /**
     * Leaves a question for the demo site's team through the public API, as the widget does ({@code POST
     * /api/v1/handoffs}, no conversation); fails unless it is stored (201).
     */
    public void leaveDemoHandoff(String question, String email) {
        HttpResponse<String> r = postJson(
                "/api/v1/handoffs",
                "{\"question\":\"%s\",\"email\":\"%s\",\"name\":\"E2e Visitor\"}".formatted(question, email));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST /api/v1/handoffs answered HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    /** GETs a path of the app, as a server would. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    /**
     * The widget script's absolute URL as the demo page embeds it (the immutable, content-hashed name), for embedding
     * the very same file on pages of other origins.
     */
    public String widgetScriptUrl() {
        HttpResponse<String> demo = get("/demo");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "<script src=\"(/widget/cellardoor-widget[^\"]*\\.js)\"")
                .matcher(demo.body());
        if (demo.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException(
                    "GET /demo did not embed the widget script (HTTP " + demo.statusCode() + "):\n" + demo.body());
        }
        return baseUrl() + m.group(1);
    }

    private void awaitReadiness() {
        Instant deadline = Instant.now().plus(READINESS_TIMEOUT);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            checkAlive();
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("The app did not become ready within " + READINESS_TIMEOUT.toSeconds()
                + " s (last: " + last + "). Last lines of " + log + ":\n" + logTail(40));
    }

    /** The demo import runs after start-up; a question it can answer says it has finished. */
    private void awaitDemoAnswers() {
        Instant deadline = Instant.now().plus(IMPORT_TIMEOUT);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            checkAlive();
            HttpResponse<String> r = postJson("/api/v1/chat", PROBE);
            last = "HTTP " + r.statusCode() + " " + r.body();
            if (r.statusCode() == 200 && r.body().replace(" ", "").contains("\"answered\":true")) {
                return;
            }
            // The chat API allows 30 requests a minute per caller: poll gently, and wait out a 429.
            long wait = r.statusCode() == 429
                    ? 1000L * r.headers().firstValueAsLong("Retry-After").orElse(5)
                    : 2500;
            sleep(wait);
        }
        throw new IllegalStateException(
                "The demo knowledge did not answer \"Are you open on Monday?\" within " + IMPORT_TIMEOUT.toSeconds()
                        + " s after readiness (last: " + last + "). Last lines of " + log + ":\n" + logTail(40));
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("The app exited with code " + process.exitValue()
                    + " during start-up. Last lines of " + log + ":\n" + logTail(40));
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the app: destroy, then destroyForcibly after 20 s. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook has run or will run
        }
        System.out.println("[e2e] app stopped; its output is in " + log);
    }
}

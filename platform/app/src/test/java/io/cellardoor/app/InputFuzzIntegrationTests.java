package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property-based fuzzing (jqwik) of every public and admin endpoint of the running app (started once for this class
 * on a random port, against the real PostgreSQL and Keycloak): random, truncated, huge, deeply nested and wrongly
 * typed JSON, odd content types, control characters, invalid UTF-8, overlong headers, path traversal in document
 * paths and upload names, zip bombs. Every response must be 2xx/3xx, or 4xx problem+json with a stable
 * {@code https://cellardoor.io/problems/…} type; never 5xx, never a stack trace; and the rows stored before (every
 * tenant table, checksummed row by row) are unchanged after each property. Rows the fuzzing created are removed at
 * the end so later tests see the database as it was. Admin calls act as {@code other-admin} (org {@code other}).
 * Per-endpoint case counts are written to {@code target/fuzz-counts.txt}.
 */
class InputFuzzIntegrationTests {

    /**
     * A fixed seed keeps CI reproducible; change it (or run with another) to explore new cases, and add what fails as a
     * regression test.
     */
    static final String SEED = "20261203";

    static final String SITE_KEY = "it-fuzz-key";
    static final String PROBLEM_TYPE = "https://cellardoor.io/problems/[a-z0-9-]+";
    static final Pattern STACK_TRACE = Pattern.compile(
            "(\\tat [a-zA-Z]|\\bat (java|org|io|jdk|com)\\.[a-zA-Z0-9.$_]+\\([A-Za-z0-9]+\\.java:\\d+\\)|Caused by: )");
    static final List<String> TENANT_TABLES = List.of(
            "org",
            "site",
            "kb_document",
            "kb_chunk",
            "kb_document_version",
            "conversation",
            "message",
            "visitor",
            "handoff_request",
            "semantic_cache",
            "audit_event",
            "curated_answer",
            "plugin_org_state",
            "plugin_setting");

    static ConfigurableApplicationContext app;
    static int port;
    static JdbcClient owner;
    static Map<String, Map<String, String>> before;
    static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> STATUSES = new ConcurrentHashMap<>();
    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Map<String, String[]> TOKENS = new ConcurrentHashMap<>();
    static String visitorToken = "";
    static long messageId;

    /** An endpoint: a name for the counts, method, path template ({@code {id}}, {@code {text}}, {@code {path}}). */
    record Endpoint(String name, String method, String path, String user, String sample) {}

    static final List<Endpoint> ENDPOINTS = List.of(
            pub("chat", "POST", "/api/v1/chat", "{\"message\": \"Are you open on Monday?\", \"conversationId\": null}"),
            pub("chat-stream", "POST", "/api/v1/chat/stream", "{\"message\": \"What wines do you make?\"}"),
            pub("widget-config", "GET", "/api/v1/widget/config", null),
            pub("widget-session", "POST", "/api/v1/widget/session", "{\"visitorToken\": null}"),
            pub("feedback", "POST", "/api/v1/messages/{id}/feedback", "{\"rating\": \"up\", \"comment\": \"ok\"}"),
            pub(
                    "handoff",
                    "POST",
                    "/api/v1/handoffs",
                    "{\"question\": \"Dogs?\", \"email\": \"fuzz@example.com\", \"name\": \"F\", \"conversationId\": null}"),
            pub("widget-script", "GET", "/widget/cellardoor-widget.js", null),
            pub("widget-hashed-script", "GET", "/widget/cellardoor-widget.{text}.js", null),
            pub("widget-theme", "GET", "/widget/themes/{text}.css", null),
            pub("widget-preview", "GET", "/widget/preview?siteKey=" + SITE_KEY + "&greeting={text}&theme={text}", null),
            pub("demo-page", "GET", "/demo", null),
            pub("resource-metadata", "GET", "/.well-known/oauth-protected-resource", null),
            admin("me", "GET", "/api/v1/admin/me", null),
            admin("handoffs", "GET", "/api/v1/admin/handoffs?status={text}", null),
            admin("handoff-resolve", "POST", "/api/v1/admin/handoffs/{id}/resolve", null),
            admin("plugins", "GET", "/api/v1/admin/plugins", null),
            admin("plugin-enabled", "PUT", "/api/v1/admin/plugins/{text}/enabled", "{\"enabled\": false}"),
            admin("plugin-settings", "PUT", "/api/v1/admin/plugins/{text}/settings", "{\"key\": \"value\"}"),
            new Endpoint("plugin-upload", "POST", "/api/v1/admin/plugins", "platform-admin", "MULTIPART"),
            admin("documents", "GET", "/api/v1/admin/documents?path={path}", null),
            admin(
                    "document-save",
                    "PUT",
                    "/api/v1/admin/documents?path={path}&expectedHash={text}",
                    "# Title\n\nText."),
            admin("document-upload", "POST", "/api/v1/admin/documents", "MULTIPART"),
            admin("document-delete", "DELETE", "/api/v1/admin/documents?path={path}", null),
            admin("document-versions", "GET", "/api/v1/admin/documents/versions?path={path}", null),
            admin("document-version", "GET", "/api/v1/admin/documents/versions/{id}", null),
            admin("document-version-diff", "GET", "/api/v1/admin/documents/versions/{id}/diff", null),
            admin("documents-deleted", "GET", "/api/v1/admin/documents/deleted", null),
            admin("document-rollback", "POST", "/api/v1/admin/documents/rollback?path={path}&version={text}", null),
            admin("audit", "GET", "/api/v1/admin/audit?actor={text}&action={text}&from={text}&limit={text}", null),
            admin("sites", "GET", "/api/v1/admin/sites", null),
            admin("site-create", "POST", "/api/v1/admin/sites", "{\"name\": \"Fuzz\"}"),
            admin(
                    "site-update",
                    "PUT",
                    "/api/v1/admin/sites/{id}",
                    "{\"allowedOrigins\": [\"https://a.example\"], \"greeting\": \"Hi\", \"theme\": \"default\"}"),
            admin("site-rotate-key", "POST", "/api/v1/admin/sites/{id}/rotate-key", null),
            admin("site-revoke", "POST", "/api/v1/admin/sites/{id}/revoke", null),
            admin("site-themes", "GET", "/api/v1/admin/sites/themes", null),
            admin(
                    "conversations",
                    "GET",
                    "/api/v1/admin/conversations?from={text}&to={text}&feedback={text}&page={text}&size={text}",
                    null),
            admin("conversation", "GET", "/api/v1/admin/conversations/{text}", null),
            admin("insights", "GET", "/api/v1/admin/insights?days={text}", null),
            admin("test-bench", "POST", "/api/v1/admin/test-bench", "{\"question\": \"Are you open on Monday?\"}"),
            admin("curated-list", "GET", "/api/v1/admin/curated-answers", null),
            admin("curated-get", "GET", "/api/v1/admin/curated-answers/{id}", null),
            admin(
                    "curated-create",
                    "POST",
                    "/api/v1/admin/curated-answers",
                    "{\"question\": \"q?\", \"answer\": \"a\", \"documentPath\": null}"),
            admin(
                    "curated-update",
                    "PUT",
                    "/api/v1/admin/curated-answers/{id}",
                    "{\"question\": \"q?\", \"answer\": \"a\"}"),
            admin("curated-delete", "DELETE", "/api/v1/admin/curated-answers/{id}", null),
            admin("curated-from-message", "POST", "/api/v1/admin/curated-answers/from-message/{id}", null),
            admin("visitor-export", "GET", "/api/v1/admin/visitors/{text}/export", null),
            admin("visitor-erase", "DELETE", "/api/v1/admin/visitors/{text}", null),
            pub("stripe-webhook", "POST", "/api/v1/billing/stripe/webhook", "{\"id\": \"evt_1\", \"type\": \"x\"}"),
            admin("billing", "GET", "/api/v1/admin/billing?org={text}", null),
            admin("billing-usage", "GET", "/api/v1/admin/billing/usage?org={text}", null),
            admin("billing-invoices", "GET", "/api/v1/admin/billing/invoices?org={text}", null),
            admin("billing-checkout", "POST", "/api/v1/admin/billing/checkout", "{\"plan\": \"pro\"}"),
            admin("billing-portal", "POST", "/api/v1/admin/billing/portal", null),
            platform("org-plan", "PUT", "/api/v1/admin/orgs/{text}/plan", "{\"plan\": \"pro\"}"),
            admin("budget", "GET", "/api/v1/admin/budget?org={text}", null),
            admin("budget-update", "PUT", "/api/v1/admin/budget", "{\"monthlyUsd\": 25, \"softPercent\": 80}"),
            admin("budget-costs", "GET", "/api/v1/admin/budget/costs?from={text}&to={text}&org={text}", null),
            admin("flags", "GET", "/api/v1/admin/flags", null),
            admin(
                    "flags-update",
                    "PUT",
                    "/api/v1/admin/flags",
                    "{\"feature\": \"FEEDBACK\", \"scope\": \"org\", \"enabled\": true}"),
            admin("cache", "GET", "/api/v1/admin/cache?org={text}", null),
            admin("ingest-jobs", "GET", "/api/v1/admin/ingest-jobs?limit={text}&org={text}", null),
            admin("ingest-job", "GET", "/api/v1/admin/ingest-jobs/{text}", null),
            platform("llm-providers", "GET", "/api/v1/admin/llm-providers", null),
            platform("llm-provider-reset", "POST", "/api/v1/admin/llm-providers/{text}/reset", null),
            platform("plugin-jars", "GET", "/api/v1/admin/plugins/jars", null),
            admin("plugin-delete", "DELETE", "/api/v1/admin/plugins/{text}", null));

    static Endpoint pub(String name, String method, String path, String sample) {
        return new Endpoint(name, method, path, null, sample);
    }

    static Endpoint admin(String name, String method, String path, String sample) {
        return new Endpoint(name, method, path, "other-admin", sample);
    }

    /** An endpoint for platform admins only, called as one. */
    static Endpoint platform(String name, String method, String path, String sample) {
        return new Endpoint(name, method, path, "platform-admin", sample);
    }

    @BeforeContainer
    static void start() throws Exception {
        app = CellarDoorApplication.start(Command.parse(new String[] {
            "serve",
            "--port",
            "0",
            "--cellardoor.plugins.dir=" + IntegrationTestSupport.PLUGINS_DIR,
            "--cellardoor.widget.visitor-requests-per-minute=1000000",
            "--cellardoor.widget.site-requests-per-minute=1000000",
            "--cellardoor.ratelimit.address-requests-per-minute=1000000",
            "--cellardoor.privacy.purge-enabled=false",
            "--logging.level.io.cellardoor.web.ApiProblemHandler=error"
        }));
        port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
        owner = JdbcClient.create(new DriverManagerDataSource(
                app.getEnvironment().getRequiredProperty("spring.datasource.url"),
                app.getEnvironment().getRequiredProperty("spring.flyway.user"),
                app.getEnvironment().getRequiredProperty("spring.flyway.password")));
        seed();
        before = checksums();
    }

    /** Data that must survive the fuzzing: a site, a visitor with a turn, feedback and a handoff, admin writes. */
    static void seed() {
        var tenants = app.getBean(io.cellardoor.tenant.TenantService.class);
        long org = tenants.ensureOrg("it-fuzz", "Fuzz");
        tenants.ensureSite(org, SITE_KEY, "Fuzz site");
        tenants.ensureOrg("other", "Other Vineyard");
        JsonNode session = JSON.readTree(
                request("POST", "/api/v1/widget/session", null, "{\"visitorToken\": null}", "application/json")
                        .body());
        visitorToken = session.path("visitorToken").asString();
        JsonNode turn = JSON.readTree(request(
                        "POST",
                        "/api/v1/chat",
                        null,
                        "{\"message\": \"Are you open on Monday? mail me at seed@example.com\"}",
                        "application/json")
                .body());
        messageId = turn.path("messageId").asLong();
        request(
                "POST",
                "/api/v1/messages/" + messageId + "/feedback",
                null,
                "{\"rating\": \"down\"}",
                "application/json");
        request(
                "POST",
                "/api/v1/handoffs",
                null,
                "{\"question\": \"Seed?\", \"email\": \"seed@example.com\", \"name\": \"Seed\"}",
                "application/json");
        // 409: the page is there from an earlier run on the same database (a PUT without expectedHash only creates).
        assertThat(request(
                                "PUT",
                                "/api/v1/admin/documents?path=fuzz-seed/kept.md",
                                "other-admin",
                                "# Kept\n\nThis page must survive the fuzzing.",
                                "text/markdown")
                        .statusCode())
                .isIn(200, 201, 204, 409);
        request(
                "POST",
                "/api/v1/admin/curated-answers",
                "other-admin",
                "{\"question\": \"Seeded question?\", \"answer\": \"Seeded answer.\"}",
                "application/json");
    }

    @AfterProperty
    void storedDataIsUnchanged() {
        Map<String, Map<String, String>> after = checksums();
        for (String table : TENANT_TABLES) {
            Map<String, String> was = before.get(table);
            Map<String, String> now = after.get(table);
            Map<String, String> changed = new TreeMap<>();
            was.forEach((key, sum) -> {
                if (!sum.equals(now.get(key))) {
                    changed.put(key, now.containsKey(key) ? "changed" : "deleted");
                }
            });
            assertThat(changed)
                    .as("rows of %s stored before the fuzzing", table)
                    .isEmpty();
        }
        assertThat(owner.sql("""
                        SELECT path FROM kb_document
                        WHERE path LIKE '%..%' OR path LIKE '/%' OR path LIKE '%\\%' OR path ~ '^[A-Za-z]:'""").query(String.class).list())
                .as("documents stored outside their folder")
                .isEmpty();
    }

    @AfterContainer
    static void report() throws IOException {
        try {
            StringBuilder out = new StringBuilder("endpoint\tcases\n");
            new TreeMap<>(COUNTS)
                    .forEach(
                            (name, n) -> out.append(name).append('\t').append(n).append('\n'));
            out.append("\nstatus\tresponses\n");
            new TreeMap<>(STATUSES)
                    .forEach((s, n) -> out.append(s).append('\t').append(n).append('\n'));
            out.append("\ntotal\t")
                    .append(COUNTS.values().stream()
                            .mapToInt(AtomicInteger::get)
                            .sum())
                    .append('\n');
            Path file = Path.of("target/fuzz-counts.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
            System.out.println("Fuzz cases per endpoint:\n" + out);
            cleanUp();
        } finally {
            app.close();
        }
    }

    /** Deletes the rows the fuzzing created (newest tables first), so later tests see the database as it was. */
    static void cleanUp() {
        if (before == null) {
            return; // the start failed before anything was stored
        }
        Map<String, Map<String, String>> after = checksums();
        for (String table : List.of(
                "plugin_setting",
                "plugin_org_state",
                "curated_answer",
                "audit_event",
                "semantic_cache",
                "handoff_request",
                "message",
                "conversation",
                "visitor",
                "kb_chunk",
                "kb_document_version",
                "kb_document",
                "site")) {
            List<String> created = after.get(table).keySet().stream()
                    .filter(k -> !before.get(table).containsKey(k))
                    .toList();
            if (!created.isEmpty()) {
                owner.sql("DELETE FROM " + table + " t WHERE (" + key(table) + ") = ANY(?)")
                        .param(created.toArray(String[]::new))
                        .update();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Properties

    /** Any endpoint, any body, any content type, any credentials. */
    @Property(tries = 700, shrinking = ShrinkingMode.OFF, seed = SEED)
    void anyEndpointAnyBody(
            @ForAll("endpoints") Endpoint endpoint,
            @ForAll("bodies") byte[] body,
            @ForAll("contentTypes") String contentType,
            @ForAll("fillers") String filler,
            @ForAll("credentials") String credentials) {
        String user = endpoint.user() == null ? null : credentials.equals("right") ? endpoint.user() : credentials;
        check(endpoint, raw(endpoint.method(), target(endpoint, filler), user, body, contentType, List.of()));
    }

    /** The endpoint's own body shape with hostile values: wrong types, control characters, huge and odd strings. */
    @Property(tries = 500, shrinking = ShrinkingMode.OFF, seed = SEED)
    void rightShapeHostileValues(
            @ForAll("endpointsWithBodies") Endpoint endpoint,
            @ForAll("values") Object value,
            @ForAll("fillers") String filler) {
        Map<String, Object> body = new HashMap<>();
        JsonNode sample = JSON.readTree(endpoint.sample().startsWith("{") ? endpoint.sample() : "{}");
        sample.propertyNames().forEach(name -> body.put(name, value));
        byte[] bytes = endpoint.sample().startsWith("{")
                ? JSON.writeValueAsBytes(body)
                : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        String type = endpoint.sample().startsWith("{") ? "application/json" : "text/markdown; charset=utf-8";
        check(endpoint, raw(endpoint.method(), target(endpoint, filler), endpoint.user(), bytes, type, List.of()));
    }

    /** Hostile request targets and headers: traversal, invalid UTF-8, control characters, overlong values. */
    @Property(tries = 200, shrinking = ShrinkingMode.OFF, seed = SEED)
    void hostileTargetsAndHeaders(
            @ForAll("endpoints") Endpoint endpoint,
            @ForAll("hostileFillers") byte[] filler,
            @ForAll("hostileHeaders") List<byte[]> headers) {
        byte[] target = endpoint.path().contains("{")
                ? concat(endpoint.path().replaceAll("\\{[a-z]+}.*", "").getBytes(StandardCharsets.UTF_8), filler)
                : concat(endpoint.path().getBytes(StandardCharsets.UTF_8), filler);
        byte[] body = endpoint.sample() == null || endpoint.sample().equals("MULTIPART")
                ? null
                : endpoint.sample().getBytes(StandardCharsets.UTF_8);
        check(endpoint, raw(endpoint.method(), target, endpoint.user(), body, "application/json", headers));
    }

    /** Uploads: traversal in file and entry names, zip bombs, many entries, nested and broken archives. */
    @Property(tries = 40, shrinking = ShrinkingMode.OFF, seed = SEED)
    void uploads(
            @ForAll("uploadEndpoints") Endpoint endpoint,
            @ForAll("uploadNames") String filename,
            @ForAll("uploadContents") byte[] content) {
        String boundary = "fuzz" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"folder\"\r\n\r\nfuzz\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        check(
                endpoint,
                raw(
                        "POST",
                        endpoint.path().getBytes(StandardCharsets.UTF_8),
                        endpoint.user(),
                        body.toByteArray(),
                        "multipart/form-data; boundary=" + boundary,
                        List.of()));
    }

    /**
     * The chat socket ({@code /ws/chat}, one socket per case): a text frame of any content gets frames ending in exactly
     * one {@code done} or {@code error}, an error with a stable problem type and a 4xx status; a binary frame or one
     * over the 64 KiB text limit closes the socket with a client-error code (1003, 1009), never 1011; no frame carries a
     * stack trace. Stored data is checked as for the HTTP endpoints.
     */
    @Property(tries = 150, shrinking = ShrinkingMode.OFF, seed = SEED)
    void chatSocketFrames(@ForAll("bodies") byte[] body, @ForAll("socketFrameKinds") String kind) throws Exception {
        COUNTS.computeIfAbsent("chat-socket", k -> new AtomicInteger()).incrementAndGet();
        SocketFrames frames = new SocketFrames();
        WebSocket socket = HTTP.newWebSocketBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(5))
                .buildAsync(
                        URI.create("ws://127.0.0.1:" + port + "/ws/chat?siteKey=" + SITE_KEY + "&visitorToken="
                                + visitorToken),
                        frames)
                .join();
        try {
            String text = new String(body, StandardCharsets.UTF_8);
            boolean rejected = kind.equals("binary") || text.length() > 64 * 1024;
            java.util.concurrent.CompletableFuture<WebSocket> sent = kind.equals("binary")
                    ? socket.sendBinary(java.nio.ByteBuffer.wrap(body), true)
                    : socket.sendText(text, true);
            try {
                sent.join();
            } catch (java.util.concurrent.CompletionException e) {
                // The server may close a socket it rejects before it has read the whole frame; then the rest of the
                // frame cannot be written. Only frames the server rejects may end like that.
                assertThat(rejected)
                        .as("send of a %s frame of %d bytes failed: %s", kind, body.length, e.getCause())
                        .isTrue();
                assertThat(e.getCause()).isInstanceOf(IOException.class);
            }
            Object end = sent.isCompletedExceptionally() ? frames.closeOrFailure() : frames.end();
            STATUSES.computeIfAbsent("ws " + describe(end), k -> new AtomicInteger())
                    .incrementAndGet();
            if (end instanceof Throwable failed) {
                // The client saw the connection drop while it was still writing a rejected frame.
                assertThat(failed).isInstanceOf(IOException.class);
            } else if (end instanceof Integer closed) {
                assertThat(closed)
                        .as("socket closed after a %s frame of %d bytes", kind, body.length)
                        .isIn(WebSocketCloseCodes.UNSUPPORTED, WebSocketCloseCodes.TOO_BIG);
                assertThat(rejected)
                        .as("closed (%d) after a text frame of %d chars", closed, text.length())
                        .isTrue();
            } else {
                JsonNode last = (JsonNode) end;
                assertThat(kind).as("a frame after a binary frame: %s", last).isEqualTo("text");
                if (last.path("type").asString().equals("error")) {
                    assertThat(last.path("problem").asString()).matches(PROBLEM_TYPE);
                    assertThat(last.path("status").asInt()).isBetween(400, 499);
                }
            }
            assertThat(frames.all())
                    .as("frames of the socket")
                    .noneMatch(f -> STACK_TRACE.matcher(f).find());
        } finally {
            socket.abort();
        }
    }

    private static String describe(Object end) {
        if (end instanceof Throwable failed) {
            return "dropped " + failed.getClass().getSimpleName();
        }
        return end instanceof Integer code
                ? "close " + code
                : ((JsonNode) end).path("type").asString() + " "
                        + ((JsonNode) end).path("status").asString();
    }

    /** WebSocket close codes (RFC 6455, section 7.4.1) a client error may end a socket with. */
    static final class WebSocketCloseCodes {
        static final int UNSUPPORTED = 1003;
        static final int TOO_BIG = 1009;

        private WebSocketCloseCodes() {}
    }

    /** Collects a socket's text frames and its close code. */
    static final class SocketFrames implements WebSocket.Listener {
        private final java.util.concurrent.LinkedBlockingQueue<Object> ends =
                new java.util.concurrent.LinkedBlockingQueue<>();
        private final List<String> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public java.util.concurrent.CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                all.add(frame);
                JsonNode json = JSON.readTree(frame);
                String type = json.path("type").asString();
                if (type.equals("done") || type.equals("error")) {
                    ends.add(json);
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            ends.add(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            ends.add(error);
        }

        /** The first {@code done} or {@code error} frame (as JSON), or the close code, within 30 s. */
        Object end() throws InterruptedException {
            Object end = ends.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(end).as("a done or error frame, or a close, within 30 s").isNotNull();
            assertThat(end).as("socket failed").isNotInstanceOf(Throwable.class);
            return end;
        }

        /**
         * After a send that failed because the server closed the socket: the close code, or the client's I/O failure
         * when the close frame could not be read, within 30 s.
         */
        Object closeOrFailure() throws InterruptedException {
            Object end = ends.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(end).as("a close or a failure within 30 s").isNotNull();
            assertThat(end).as("a close, not a frame").isNotInstanceOf(JsonNode.class);
            return end;
        }

        List<String> all() {
            return all;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Generators

    @Provide
    Arbitrary<String> socketFrameKinds() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just("text")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("binary")));
    }

    @Provide
    Arbitrary<Endpoint> endpoints() {
        return Arbitraries.of(ENDPOINTS);
    }

    @Provide
    Arbitrary<Endpoint> endpointsWithBodies() {
        return Arbitraries.of(ENDPOINTS.stream()
                .filter(e -> e.sample() != null && !e.sample().equals("MULTIPART"))
                .toList());
    }

    @Provide
    Arbitrary<Endpoint> uploadEndpoints() {
        return Arbitraries.of(
                ENDPOINTS.stream().filter(e -> "MULTIPART".equals(e.sample())).toList());
    }

    @Provide
    Arbitrary<String> credentials() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just("right")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("editor")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("none")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("garbage")));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<String> strings = Arbitraries.strings().all().ofMaxLength(300);
        return Arbitraries.oneOf(
                values().map(v -> JSON.writeValueAsBytes(v)),
                values().map(v -> JSON.writeValueAsBytes(Map.of("message", v, "question", v, "email", v))),
                Arbitraries.of(ENDPOINTS)
                        .filter(e -> e.sample() != null && e.sample().startsWith("{"))
                        .flatMap(e -> Arbitraries.integers()
                                .between(0, e.sample().length() - 1)
                                .map(cut -> e.sample().substring(0, cut).getBytes(StandardCharsets.UTF_8))),
                Arbitraries.integers().between(33, 5000).map(InputFuzzIntegrationTests::deepArrays),
                Arbitraries.integers().between(33, 3000).map(InputFuzzIntegrationTests::deepObjects),
                Arbitraries.integers()
                        .between(60_000, 400_000)
                        .map(n -> ("{\"message\": \"" + "a".repeat(n) + "\"}").getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2000),
                strings.map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.just(new byte[0]),
                Arbitraries.just("{\"message\": \"open \\u0000 on Monday?\u0001\"}".getBytes(StandardCharsets.UTF_8)),
                Arbitraries.just(new byte[] {'{', '"', 'm', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200).map(s -> (Object) s),
                Arbitraries.strings()
                        .withCharRange('\u0000', '\u001f')
                        .ofMaxLength(20)
                        .map(s -> (Object) s),
                Arbitraries.strings().ofMinLength(1900).ofMaxLength(2100).map(s -> (Object) s),
                Arbitraries.integers().between(50_000, 300_000).map(n -> (Object) "x".repeat(n)),
                Arbitraries.longs().map(n -> (Object) n),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.strings().ofMaxLength(10).list().ofMaxSize(5).map(l -> (Object) l),
                Arbitraries.just((Object) Map.of("nested", List.of(1, 2, Map.of()))),
                Arbitraries.of(
                        "../../etc/passwd",
                        "..\\..\\windows\\win.ini",
                        "/etc/passwd",
                        "%2e%2e%2f%2e%2e%2f",
                        "\u0000",
                        "\uFEFF\u202E\u200B",
                        "<script>alert(1)</script>",
                        "' OR 1=1 --",
                        "${jndi:ldap://127.0.0.1/x}",
                        "\uD83C\uDF77".repeat(500),
                        "\uD800")); // a lone surrogate
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of(
                "application/json",
                "application/json; charset=utf-8",
                "application/json; charset=nonsense",
                "text/plain",
                "text/markdown",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=zz",
                "multipart/form-data",
                "image/png",
                "*/*",
                "",
                "a/b;c=");
    }

    @Provide
    Arbitrary<String> fillers() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.longs().map(Object::toString),
                Arbitraries.longs().between(1_000_000_000_000L, Long.MAX_VALUE).map(Object::toString),
                Arbitraries.just(UUID.randomUUID().toString()),
                Arbitraries.of(
                        "../../../etc/passwd",
                        "..%2f..%2fetc%2fpasswd",
                        "%00",
                        "a/../../b.md",
                        "/abs.md",
                        "C:\\x.md",
                        "wine/../../x.md",
                        "x".repeat(5000),
                        "fuzz@example.com",
                        "366",
                        "-1",
                        "2026-13-45",
                        "up"));
    }

    @Provide
    Arbitrary<byte[]> hostileFillers() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                                "/../../../../etc/passwd",
                                "/%2e%2e/%2e%2e/etc/passwd",
                                "/..%2f..%2f",
                                "/%00",
                                "%00",
                                "/%C0%AF",
                                "?path=%00",
                                "?path=..%2F..%2Fetc%2Fpasswd",
                                "?path=%ZZ",
                                "//",
                                "/./",
                                ";jsessionid=x",
                                "?" + "a=1&".repeat(500))
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(
                        new byte[] {'/', (byte) 0xC3, (byte) 0x28},
                        new byte[] {'?', 'p', 'a', 't', 'h', '=', (byte) 0xFF, (byte) 0xFE},
                        new byte[] {'/', (byte) 0xE2, (byte) 0x82},
                        new byte[] {'?', 'x', '=', (byte) 0x01}),
                Arbitraries.strings()
                        .withCharRange('!', '~')
                        .ofMaxLength(40)
                        .map(s ->
                                ("/" + URLEncoder.encode(s, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<List<byte[]>> hostileHeaders() {
        Arbitrary<byte[]> header = Arbitraries.oneOf(
                Arbitraries.integers()
                        .between(8_000, 40_000)
                        .map(n -> ("X-Site-Key: " + "k".repeat(n)).getBytes(StandardCharsets.US_ASCII)),
                Arbitraries.integers()
                        .between(100, 20_000)
                        .map(n -> ("X-Visitor-Token: " + "t".repeat(n)).getBytes(StandardCharsets.US_ASCII)),
                Arbitraries.just("X-Site-Key: it-fuzz\u0001key".getBytes(StandardCharsets.ISO_8859_1)),
                Arbitraries.just(new byte[] {'X', '-', 'A', ':', ' ', (byte) 0xFF, (byte) 0xC3, (byte) 0x28}),
                Arbitraries.just("Origin: http://evil.example".getBytes(StandardCharsets.US_ASCII)),
                Arbitraries.just("Authorization: Bearer ...".getBytes(StandardCharsets.US_ASCII)),
                Arbitraries.just("Authorization: Basic Zm9vOmJhcg==".getBytes(StandardCharsets.US_ASCII)),
                Arbitraries.just("Accept: text/html".getBytes(StandardCharsets.US_ASCII)),
                Arbitraries.just("Accept: application/xml".getBytes(StandardCharsets.US_ASCII)),
                Arbitraries.just("X-Forwarded-For: 1.2.3.4, <script>".getBytes(StandardCharsets.US_ASCII)),
                Arbitraries.integers().between(1, 300).map(n -> {
                    StringBuilder many = new StringBuilder("X-Many-0: x");
                    for (int i = 1; i < n; i++) {
                        many.append("\r\nX-Many-").append(i).append(": x");
                    }
                    return many.toString().getBytes(StandardCharsets.US_ASCII);
                }));
        return header.list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> uploadNames() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "../../evil.md",
                        "..\\..\\evil.md",
                        "/etc/evil.md",
                        "C:\\evil.md",
                        "a/../../b.md",
                        "bomb.zip",
                        "plugin.jar",
                        "notes.md",
                        "",
                        "%2e%2e%2fx.md",
                        "x\u0000.md",
                        "\u202Edm.exe"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40).map(s -> s.replace("\"", "") + ".md"));
    }

    @Provide
    Arbitrary<byte[]> uploadContents() {
        return Arbitraries.oneOf(
                Arbitraries.just(zipBomb()),
                Arbitraries.just(manyEntries()),
                Arbitraries.just(zip(Map.of(
                        "../../escape.md", "# Escape",
                        "/abs/root.md", "# Root",
                        "C:\\win.md", "# Win",
                        "ok/fine.md", "# Fine\n\nText."))),
                Arbitraries.just(zip(Map.of("inner.zip", new String(zipBomb(), StandardCharsets.ISO_8859_1)))),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(5000),
                Arbitraries.strings().all().ofMaxLength(500).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.just("PK\u0003\u0004broken".getBytes(StandardCharsets.ISO_8859_1)),
                Arbitraries.just(new byte[0]));
    }

    private static byte[] deepArrays(int depth) {
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] deepObjects(int depth) {
        return ("{\"message\":".repeat(depth) + "\"x\"" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] cachedBomb;

    /** A zip whose one entry unpacks to 200 MB of zeros (about 200 KB packed). */
    static synchronized byte[] zipBomb() {
        if (cachedBomb == null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("bomb/zeros.md"));
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 200; i++) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cachedBomb = bytes.toByteArray();
        }
        return cachedBomb;
    }

    static byte[] manyEntries() {
        Map<String, String> entries = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            entries.put("many/page-" + i + ".md", "# Page " + i);
        }
        return zip(entries);
    }

    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.ISO_8859_1));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Requests and checks

    static byte[] target(Endpoint endpoint, String filler) {
        String encoded = URLEncoder.encode(filler, StandardCharsets.UTF_8);
        // Writes never name a row that exists: an authorised delete of seeded data would be no finding.
        String id = !filler.matches("-?\\d{1,19}") ? encoded : endpoint.method().equals("GET") ? filler : "9" + filler;
        String path =
                endpoint.path().replace("{id}", id).replace("{path}", encoded).replace("{text}", encoded);
        return path.getBytes(StandardCharsets.UTF_8);
    }

    static RawHttp.Response raw(
            String method, byte[] target, String user, byte[] body, String contentType, List<byte[]> extra) {
        List<byte[]> headers = new ArrayList<>();
        headers.add(("X-Site-Key: " + SITE_KEY).getBytes(StandardCharsets.US_ASCII));
        headers.add(("X-Visitor-Token: " + visitorToken).getBytes(StandardCharsets.US_ASCII));
        if (user != null && !user.equals("none")) {
            String token = user.equals("garbage") ? "eyJhbGciOiJub25lIn0.e30." : token(user);
            headers.add(("Authorization: Bearer " + token).getBytes(StandardCharsets.US_ASCII));
        }
        if (body != null && !contentType.isEmpty()) {
            headers.add(("Content-Type: " + contentType).getBytes(StandardCharsets.US_ASCII));
        }
        headers.addAll(extra);
        return RawHttp.send(port, method, target, headers, body);
    }

    static void check(Endpoint endpoint, RawHttp.Response response) {
        COUNTS.computeIfAbsent(endpoint.name(), k -> new AtomicInteger()).incrementAndGet();
        STATUSES.computeIfAbsent(Integer.toString(response.status()), k -> new AtomicInteger())
                .incrementAndGet();
        String text = response.text();
        assertThat(response.status())
                .as("%s answered %d: %s", endpoint.name(), response.status(), abbreviate(text))
                .isLessThan(500);
        assertThat(STACK_TRACE.matcher(text).find())
                .as("%s leaked a stack trace: %s", endpoint.name(), abbreviate(text))
                .isFalse();
        if (response.status() >= 400) {
            assertThat(response.header("Content-Type"))
                    .as("%s %d: %s", endpoint.name(), response.status(), abbreviate(text))
                    .startsWith("application/problem+json");
            assertThat(JSON.readTree(text).path("type").asString())
                    .as("%s %d: %s", endpoint.name(), response.status(), abbreviate(text))
                    .matches(PROBLEM_TYPE);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    /** A token of a demo user (the realm's local users), renewed every minute. */
    static String token(String user) {
        String[] cached = TOKENS.get(user);
        if (cached != null && System.currentTimeMillis() - Long.parseLong(cached[1]) < 60_000) {
            return cached[0];
        }
        String issuer = app.getEnvironment().getRequiredProperty("cellardoor.identity.issuer-uri");
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=cellardoor-cli"
                                    + "&username=" + user + "&password=demo"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("token for %s: %s", user, response.body())
                    .isEqualTo(200);
            String token = JSON.readTree(response.body()).path("access_token").asString();
            TOKENS.put(user, new String[] {token, Long.toString(System.currentTimeMillis())});
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> request(String method, String path, String user, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Site-Key", SITE_KEY)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!visitorToken.isEmpty()) {
            request.header("X-Visitor-Token", visitorToken);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every row of every tenant table: its key and the MD5 of its text form. */
    static Map<String, Map<String, String>> checksums() {
        Map<String, Map<String, String>> sums = new HashMap<>();
        for (String table : TENANT_TABLES) {
            Map<String, String> rows = new HashMap<>();
            owner.sql("SELECT (" + key(table) + ")::text, md5(t::text) FROM " + table + " t")
                    .query(rs -> {
                        rows.put(rs.getString(1), rs.getString(2));
                    });
            sums.put(table, rows);
        }
        return sums;
    }

    /** A table's key as SQL text over alias {@code t}. */
    static String key(String table) {
        return switch (table) {
            case "plugin_org_state" -> "t.org_id::text || '/' || t.plugin_id";
            case "plugin_setting" -> "t.org_id::text || '/' || t.plugin_id || '/' || t.key";
            default -> "t.id::text";
        };
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

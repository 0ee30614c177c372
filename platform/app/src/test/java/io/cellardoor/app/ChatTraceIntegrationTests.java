package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One chat request's trace, collected in memory from Spring Boot's OpenTelemetry SDK: the HTTP server span holds the
 * {@code chat turn} span (org, site, plan, domain, generator, cache hit, tokens), which holds one span per stage in
 * the order they ran. The same request's JSON log lines carry its request id, trace id, org and site, and a turn over
 * the slow-turn threshold logs its stage breakdown. With an OTLP endpoint configured (a local collector here), the
 * spans leave the process over OTLP/HTTP.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            "management.tracing.sampling.probability=1.0",
            "cellardoor.chat.slow-turn=0ms",
            "cellardoor.cache.enabled=false"
        })
// Its own configuration: close the context afterwards, so its connections go back to the shared PostgreSQL.
@DirtiesContext
class ChatTraceIntegrationTests extends IntegrationTestSupport {

    static final List<SpanData> SPANS = new CopyOnWriteArrayList<>();

    /** A local OTLP/HTTP collector: keeps the bodies (protobuf) posted to {@code /v1/traces} with their type. */
    static final List<String> EXPORTS = new CopyOnWriteArrayList<>();

    static final HttpServer COLLECTOR = collector();

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/traces", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                EXPORTS.add(exchange.getRequestMethod() + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                        + new String(body, StandardCharsets.ISO_8859_1));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void otlp(DynamicPropertyRegistry registry) {
        registry.add(
                "management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + COLLECTOR.getAddress().getPort() + "/v1/traces");
        registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "200ms");
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.stop(0);
    }

    @TestConfiguration
    static class InMemorySpans {
        @Bean
        SpanProcessor inMemorySpans() {
            return new SpanProcessor() {
                @Override
                public void onStart(Context parentContext, ReadWriteSpan span) {}

                @Override
                public boolean isStartRequired() {
                    return false;
                }

                @Override
                public void onEnd(ReadableSpan span) {
                    SPANS.add(span.toSpanData());
                }

                @Override
                public boolean isEndRequired() {
                    return true;
                }
            };
        }
    }

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApplicationContext context;

    @Test
    void oneChatRequestIsOneTraceWithASpanPerStageUnderTheTurn(CapturedOutput output) throws Exception {
        long org = tenants.ensureOrg("it-trace", "Trace");
        tenants.ensureSite(org, "it-trace-key", "Trace site");
        Path dir = Files.createTempDirectory("trace");
        Files.createDirectories(dir.resolve("visiting"));
        Files.writeString(dir.resolve("visiting/tasting-room.md"), """
                # Tasting Room

                The tasting room is open Thursday to Sunday from noon to six. A flight of five wines costs $20.
                """);
        importer.importFolder(org, dir, l -> {});
        SPANS.clear();

        var response = send(
                HttpRequest.newBuilder(uri("/api/v1/chat"))
                        .header("Content-Type", "application/json")
                        .header("X-Request-Id", "trace-test-0001")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"How much is a tasting flight?\"}")),
                "it-trace-key");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-test-0001");

        SpanData turn = await(() -> SPANS.stream()
                .filter(s -> s.getName().equals("chat turn"))
                .findFirst()
                .orElse(null));
        String traceId = turn.getTraceId();
        List<SpanData> trace =
                SPANS.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
        Map<String, SpanData> byId = trace.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));

        // The turn hangs under the HTTP server span of the request (through Spring Security's span), the trace's root.
        SpanData root = turn;
        while (root.getParentSpanContext().isValid()) {
            root = byId.get(root.getParentSpanId());
            assertThat(root).as("a parent of the turn in %s", names(trace)).isNotNull();
        }
        assertThat(root).isNotSameAs(turn);
        assertThat(root.getName()).as(names(trace).toString()).containsIgnoringCase("post");

        Map<String, String> attributes = attributes(turn);
        assertThat(attributes)
                .containsEntry("org", "it-trace")
                .containsEntry("plan", "none")
                .containsEntry("domain", "visiting")
                .containsEntry("generator", "extractive")
                .containsEntry("cache.hit", "false")
                .containsEntry("tokens.input", "0")
                .containsKey("site");

        // Every stage is a child of the turn, in the order the pipeline runs them.
        List<SpanData> stages = trace.stream()
                .filter(s -> s.getParentSpanId().equals(turn.getSpanId()))
                .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos()))
                .toList();
        assertThat(stages.stream().map(SpanData::getName).toList())
                .containsSubsequence(
                        "chat conversation",
                        "chat guard",
                        "chat rewrite",
                        "chat embed",
                        "chat retrieve",
                        "chat handle",
                        "chat generate",
                        "chat persist");
        // Classifying runs beside the question's embedding, on its own thread, still a child of the turn: it starts
        // after the rewrite and ends before retrieval, which reads its domains.
        SpanData rewrite = span(stages, "chat rewrite");
        SpanData classify = span(stages, "chat classify");
        SpanData retrieve = span(stages, "chat retrieve");
        assertThat(classify.getStartEpochNanos()).isGreaterThanOrEqualTo(rewrite.getEndEpochNanos());
        assertThat(classify.getEndEpochNanos()).isLessThanOrEqualTo(retrieve.getStartEpochNanos());
        assertThat(stages).allSatisfy(s -> assertThat(attributes(s)).containsKey("stage"));
        assertThat(stages)
                .allSatisfy(s -> assertThat(s.getEndEpochNanos()).isLessThanOrEqualTo(turn.getEndEpochNanos()));

        System.out.println("Trace " + traceId + " of one chat request:\n" + tree(root, trace, ""));

        // The request's log lines are JSON with its request id, trace id, org and site; the slow-turn line has stages.
        List<JsonNode> lines = output.getOut()
                .lines()
                .filter(l -> l.startsWith("{") && l.contains("trace-test-0001"))
                .map(json::readTree)
                .toList();
        JsonNode slow = lines.stream()
                .filter(l -> l.path("message").asString().startsWith("Slow chat turn"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no slow-turn line in\n" + output.getOut()));
        assertThat(slow.path("message").asString())
                .contains("guard=", "classify=", "retrieve=", "generate=", "persist=");
        assertThat(slow.toString()).contains("\"requestId\":\"trace-test-0001\"", traceId, "\"org\":\"it-trace\"");

        // The same spans were exported over OTLP/HTTP (protobuf) to the configured endpoint, in one or more batches.
        String exported = await(() -> {
            String all = String.join("\n", EXPORTS);
            return all.contains("chat turn") && all.contains("it-trace") && all.contains("chat retrieve") ? all : null;
        });
        assertThat(EXPORTS).allSatisfy(e -> assertThat(e).startsWith("POST application/x-protobuf"));
        assertThat(exported).contains("chat guard", "chat classify", "chat generate", "chat persist");
        // Metrics are scraped, not pushed: no OTLP meter registry posting to a collector nobody configured.
        assertThat(context.getBeanNamesForType(io.micrometer.registry.otlp.OtlpMeterRegistry.class))
                .isEmpty();
    }

    /** The span and its children, indented, with durations: for the test's output. */
    private static String tree(SpanData span, List<SpanData> trace, String indent) {
        StringBuilder out = new StringBuilder(indent)
                .append(span.getName())
                .append("  ")
                .append(String.format(
                        java.util.Locale.ROOT, "%.1f ms", (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6))
                .append('\n');
        trace.stream()
                .filter(s -> s.getParentSpanId().equals(span.getSpanId()))
                .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos()))
                .forEach(child -> out.append(tree(child, trace, indent + "  ")));
        return out.toString();
    }

    private static SpanData span(List<SpanData> spans, String name) {
        return spans.stream()
                .filter(s -> s.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + names(spans)));
    }

    private static Map<String, String> attributes(SpanData span) {
        return span.getAttributes().asMap().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().getKey(), e -> String.valueOf(e.getValue())));
    }

    private static List<String> names(List<SpanData> spans) {
        return spans.stream().map(SpanData::getName).toList();
    }

    private static <T> T await(java.util.function.Supplier<T> probe) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within 15 s: no chat turn span (in memory or exported)");
    }
}

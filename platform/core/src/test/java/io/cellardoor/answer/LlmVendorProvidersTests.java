package io.cellardoor.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cellardoor.retrieval.RetrievedChunk;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Anthropic and Gemini provider kinds against one local server speaking both vendors' wire formats: Anthropic's
 * Messages API ({@code POST /v1/messages}, SSE events {@code message_start} ... {@code message_stop}, errors as
 * {@code {"type":"error"}} bodies) and Gemini's ({@code POST /v1beta/models/{model}:streamGenerateContent?alt=sse},
 * {@code candidates} chunks with {@code usageMetadata}). The providers are built as the application builds them
 * (LangChain4j's own modules behind Resilience4j); nothing leaves the machine.
 */
class LlmVendorProvidersTests {

    HttpServer server;
    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<String, String> headers = new ConcurrentHashMap<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    volatile int anthropicStatus = 200;

    final AnswerGenerator extractive = (request, sink) -> {
        AnswerGenerator.stream("extractive fallback", sink);
        return new GeneratedAnswer("extractive fallback", true, List.of("visiting/hours.md"), 0.5, "extractive");
    };

    final AnswerRequest request = new AnswerRequest(
            1,
            "When is the tasting room open?",
            "When is the tasting room open?",
            "en",
            List.of(new RetrievedChunk(
                    1,
                    "visiting/hours.md",
                    "Hours",
                    "visiting",
                    "",
                    "The tasting room is open from noon to six.",
                    0.05,
                    1,
                    1,
                    0.7,
                    false)),
            List.of(),
            "Call (555) 010-0199.",
            List.of(),
            "Visiting",
            List.of());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/messages", this::anthropic);
        server.createContext("/v1/models", exchange -> {
            record(exchange);
            json(exchange, 200, "{\"data\":[{\"type\":\"model\",\"id\":\"claude-test\"}],\"has_more\":false}");
        });
        server.createContext("/v1beta/models", this::gemini);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anAnthropicProviderStreamsTheAnswerWithItsTokenCounts() {
        GeneratedAnswer answer = generator(provider("claude", LlmProperties.Kind.ANTHROPIC, "/v1", "claude-test"))
                .generate(request, sink);

        assertThat(answer.generator()).isEqualTo("llm");
        assertThat(answer.text()).isEqualTo("The tasting room opens at noon [1].");
        assertThat(String.join("", tokens)).isEqualTo(answer.text());
        assertThat(tokens).hasSizeGreaterThan(1);
        assertThat(answer.sourcePaths()).containsExactly("visiting/hours.md");
        assertThat(answer.inputTokens()).isEqualTo(321);
        assertThat(answer.outputTokens()).isEqualTo(11);
        assertThat(answer.model()).isEqualTo("claude-test");
        assertThat(calls).containsExactly("POST /v1/messages");
        assertThat(headers).containsEntry("x-api-key", "test-key").containsKey("anthropic-version");
        // The rules travel as Anthropic's top-level system prompt, the passages and question as a user message.
        assertThat(bodies.getFirst())
                .containsPattern("\"system\"\\s*:")
                .containsPattern("\"stream\"\\s*:\\s*true")
                .contains("The tasting room is open from noon to six.");
    }

    @Test
    void anOverloadedAnthropicProviderHandsOverToGeminiThenToTheExtractiveAnswer() {
        anthropicStatus = 529;
        LlmProvider claude = provider("claude", LlmProperties.Kind.ANTHROPIC, "/v1", "claude-test");
        LlmProvider gemini = provider("gemini", LlmProperties.Kind.GEMINI, "/v1beta", "gemini-test");
        LlmAnswerGenerator generator = new LlmAnswerGenerator(List.of(claude, gemini), extractive, observer);

        GeneratedAnswer answer = generator.generate(request, sink);

        assertThat(calls).containsExactly("POST /v1/messages", "POST /v1/messages", gemini());
        assertThat(answer.generator()).isEqualTo("llm");
        assertThat(answer.text()).isEqualTo("Gemini says noon to six [1].");
        assertThat(answer.inputTokens()).isEqualTo(210);
        assertThat(answer.outputTokens()).isEqualTo(7);
        assertThat(headers).containsEntry("x-goog-api-key", "test-key");
        assertThat(bodies.getLast()).contains("\"contents\"").contains("The tasting room is open from noon to six.");
        assertThat(failed).containsExactly("claude");
        assertThat(generated).containsExactly("gemini");

        // The second failed call fills claude's window: its breaker opens and it is no longer asked.
        generator.generate(request, TokenSink.NONE);
        assertThat(claude.breaker().getState().name()).isEqualTo("OPEN");
        calls.clear();
        assertThat(generator.generate(request, TokenSink.NONE).generator()).isEqualTo("llm");
        assertThat(calls).containsExactly(gemini());

        // Both vendors down: the extractive generator answers.
        server.removeContext("/v1beta/models");
        server.createContext("/v1beta/models", exchange -> json(exchange, 503, """
                {"error": {"code": 503, "message": "The model is overloaded.", "status": "UNAVAILABLE"}}"""));
        assertThat(generator.generate(request, TokenSink.NONE).text()).isEqualTo("extractive fallback");
    }

    @Test
    void theStartUpHealthCallAsksEachVendorForItsModelList() throws InterruptedException {
        LlmProviders providers = new LlmProviders(List.of(
                provider("claude", LlmProperties.Kind.ANTHROPIC, "/v1", "claude-test"),
                provider("gemini", LlmProperties.Kind.GEMINI, "/v1beta", "gemini-test")));

        new LlmStartupCheck(providers).check();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (calls.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(calls).containsExactlyInAnyOrder("GET /v1/models", "GET /v1beta/models");
        assertThat(headers).containsEntry("x-api-key", "test-key").containsEntry("x-goog-api-key", "test-key");
        assertThat(providers.status()).allSatisfy(s -> assertThat(s.state()).isEqualTo("CLOSED"));
    }

    final List<String> tokens = new CopyOnWriteArrayList<>();
    final TokenSink sink = tokens::add;
    final List<String> generated = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    final GenerationObserver observer = new GenerationObserver() {
        @Override
        public void generated(LlmProvider provider, long nanos, long inputTokens, long outputTokens) {
            generated.add(provider.name());
        }

        @Override
        public void failed(LlmProvider provider) {
            failed.add(provider.name());
        }

        @Override
        public void extractive(long nanos) {}
    };

    private LlmAnswerGenerator generator(LlmProvider provider) {
        return new LlmAnswerGenerator(List.of(provider), extractive, observer);
    }

    private LlmProvider provider(String name, LlmProperties.Kind kind, String path, String model) {
        var config = new LlmProperties.Provider(
                name,
                kind,
                "http://127.0.0.1:" + server.getAddress().getPort() + path,
                "test-key",
                model,
                Duration.ofSeconds(5),
                2,
                Duration.ofMillis(10),
                100,
                2,
                Duration.ofMinutes(1),
                1);
        return LlmProviderFactory.provider(config, CircuitBreakerRegistry.ofDefaults(), RetryRegistry.ofDefaults());
    }

    private static String gemini() {
        return "POST /v1beta/models/gemini-test:streamGenerateContent";
    }

    private void record(HttpExchange exchange) throws IOException {
        calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private void anthropic(HttpExchange exchange) throws IOException {
        record(exchange);
        if (anthropicStatus != 200) {
            json(exchange, anthropicStatus, """
                    {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}""");
            return;
        }
        StringBuilder sse = new StringBuilder();
        event(sse, "message_start", """
                {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant",\
                "model":"claude-test","content":[],"stop_reason":null,"stop_sequence":null,\
                "usage":{"input_tokens":321,"output_tokens":1}}}""");
        event(sse, "content_block_start", """
                {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""");
        event(sse, "ping", "{\"type\":\"ping\"}");
        for (String piece : List.of("The tasting room ", "opens at noon ", "[1].")) {
            event(
                    sse,
                    "content_block_delta",
                    "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\""
                            + piece + "\"}}");
        }
        event(sse, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        event(sse, "message_delta", """
                {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},\
                "usage":{"output_tokens":11}}""");
        event(sse, "message_stop", "{\"type\":\"message_stop\"}");
        sse(exchange, sse.toString());
    }

    private void gemini(HttpExchange exchange) throws IOException {
        record(exchange);
        if (exchange.getRequestMethod().equals("GET")) {
            json(exchange, 200, "{\"models\":[{\"name\":\"models/gemini-test\"}]}");
            return;
        }
        StringBuilder sse = new StringBuilder();
        for (String piece : List.of("Gemini says ", "noon to six [1].")) {
            sse.append("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"")
                    .append(piece)
                    .append("\"}],\"role\":\"model\"},\"index\":0}],\"modelVersion\":\"gemini-test\"}\r\n\r\n");
        }
        sse.append("""
                data: {"candidates":[{"content":{"parts":[{"text":""}],"role":"model"},"finishReason":"STOP",\
                "index":0}],"usageMetadata":{"promptTokenCount":210,"candidatesTokenCount":7,\
                "totalTokenCount":217},"modelVersion":"gemini-test"}\r\n\r\n""");
        sse(exchange, sse.toString());
    }

    private static void event(StringBuilder sse, String name, String data) {
        sse.append("event: ").append(name).append("\ndata: ").append(data).append("\n\n");
    }

    private static void sse(HttpExchange exchange, String body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

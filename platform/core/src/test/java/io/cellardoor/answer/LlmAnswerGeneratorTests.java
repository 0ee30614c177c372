package io.cellardoor.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.cellardoor.retrieval.RetrievedChunk;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM generator against a local OpenAI-compatible server streaming real SSE chunks; nothing leaves the machine. */
class LlmAnswerGeneratorTests {

    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    volatile List<String> pieces = List.of();

    final AnswerGenerator fallback = (request, sink) -> {
        AnswerGenerator.stream("extractive fallback", sink);
        return new GeneratedAnswer("extractive fallback", true, List.of("a.md"), 0.5, "extractive");
    };

    final AnswerRequest request = new AnswerRequest(
            1,
            "How much is the reserve?",
            "How much is the reserve?",
            "en",
            List.of(
                    new RetrievedChunk(
                            1,
                            "wine/reserve.md",
                            "2022 Reserve",
                            "wine",
                            "Product",
                            "- Price: $45.00",
                            0.05,
                            1,
                            1,
                            0.7,
                            false),
                    new RetrievedChunk(
                            2,
                            "visiting/hours.md",
                            "Hours",
                            "visiting",
                            "",
                            "- Monday: Closed",
                            0.02,
                            2,
                            3,
                            0.3,
                            false)),
            List.of("Quote prices with the bottle size."),
            "Call (555) 010-0199.",
            List.of(),
            "Wines",
            List.of("Wine club"));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (failuresLeft.getAndDecrement() > 0) {
                byte[] body = "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(503, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                List<String> deltas = new ArrayList<>(pieces);
                for (String piece : deltas) {
                    out.write(
                            ("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake\","
                                            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece
                                            + "\"},\"finish_reason\":null}]}\n\n")
                                    .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake\","
                                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    LlmAnswerGenerator generator(int attempts) {
        var model = OpenAiStreamingChatModel.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                .apiKey("test-key")
                .modelName("fake")
                .timeout(Duration.ofSeconds(10))
                .build();
        return new LlmAnswerGenerator(model, fallback, attempts, Duration.ofMillis(10));
    }

    @Test
    void streamsTokensAndCitesTheNumberedPassages() {
        pieces = List.of("The 2022 Reserve ", "is $45.00 ", "per 750 ml bottle [1].");
        List<String> tokens = new ArrayList<>();
        GeneratedAnswer answer = generator(1).generate(request, tokens::add);

        assertThat(answer.answered()).isTrue();
        assertThat(answer.generator()).isEqualTo("llm");
        assertThat(answer.text()).isEqualTo("The 2022 Reserve is $45.00 per 750 ml bottle [1].");
        assertThat(String.join("", tokens)).isEqualTo(answer.text());
        assertThat(tokens).hasSizeGreaterThan(1);
        assertThat(answer.sourcePaths()).containsExactly("wine/reserve.md");
        String prompt = requests.get(0);
        assertThat(prompt)
                .contains(
                        "[1] 2022 Reserve",
                        "[2] Hours",
                        "Question: How much is the reserve?",
                        "Quote prices with the bottle size.");
        assertThat(prompt).containsPattern("\"stream\"\\s*:\\s*true");
        assertThat(prompt)
                .as("the model is told the date, so that it does not call a past event upcoming")
                .containsPattern(
                        "Today is (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [A-Z][a-z]+ \\d{1,2}, 20\\d\\d\\.");
    }

    @Test
    void declinesWhenTheModelSaysThePassagesDoNotAnswer() {
        pieces = List.of("NO_", "ANSWER");
        List<String> tokens = new ArrayList<>();
        GeneratedAnswer answer = generator(1).generate(request, tokens::add);
        assertThat(answer.answered()).isFalse();
        assertThat(String.join("", tokens)).doesNotContain("NO_ANSWER").contains("(555) 010-0199");
    }

    @Test
    void retriesWithBackoffThenSucceeds() {
        failuresLeft.set(2);
        pieces = List.of("Closed on Monday [2].");
        GeneratedAnswer answer = generator(3).generate(request, TokenSink.NONE);
        assertThat(requests).hasSize(3);
        assertThat(answer.generator()).isEqualTo("llm");
        assertThat(answer.sourcePaths()).containsExactly("visiting/hours.md");
    }

    @Test
    void fallsBackToTheExtractiveAnswerWhenEveryAttemptFails() {
        failuresLeft.set(10);
        GeneratedAnswer answer = generator(2).generate(request, TokenSink.NONE);
        assertThat(requests).hasSize(2);
        assertThat(answer.generator()).isEqualTo("extractive");
        assertThat(answer.text()).isEqualTo("extractive fallback");
    }
}

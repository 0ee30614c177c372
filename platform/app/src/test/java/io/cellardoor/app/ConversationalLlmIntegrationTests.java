package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cellardoor.billing.BillingAccounts;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The LLM path against a local OpenAI-compatible server (real wire format: SSE chunks with a final usage chunk for
 * answers, a JSON completion for condensing): a follow-up is condensed by the model into a standalone question, the
 * earlier turns and the routed domain are in the answer's prompt, and the provider's token counts and model name are
 * stored with each message.
 */
class ConversationalLlmIntegrationTests extends IntegrationTestSupport {

    static final String KEY = "it-llm-conversation-key-" + java.util.UUID.randomUUID();
    static final String CONDENSED = "Would the 2022 Reserve Cabernet Franc go with lamb?";
    static final List<JsonNode> REQUESTS = new CopyOnWriteArrayList<>();
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpServer LLM = startLlm();

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    BillingAccounts billing;

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add(
                "cellardoor.answer.llm.base-url",
                () -> "http://127.0.0.1:" + LLM.getAddress().getPort() + "/v1");
        registry.add("cellardoor.answer.llm.api-key", () -> "test-key");
        registry.add("cellardoor.answer.llm.model", () -> "fake-model");
        registry.add("cellardoor.cache.enabled", () -> "false");
    }

    @AfterAll
    static void stopLlm() {
        LLM.stop(0);
    }

    @Test
    void followUpsAreCondensedAndTheConversationAndRealTokenCountsReachTheModelAndTheDatabase() throws Exception {
        long org = tenants.ensureOrg("it-llm-conversation-" + KEY.substring(KEY.length() - 8), "LLM Winery");
        tenants.ensureSite(org, KEY, "LLM site");
        billing.assign(org, "pro", "test"); // LLM answers are a Pro feature: a Free org never gets them
        Path knowledge = Files.createTempDirectory("llm-conversation");
        Files.createDirectories(knowledge.resolve("wine"));
        Files.writeString(knowledge.resolve("wine/reserve.md"), """
                # 2022 Reserve Cabernet Franc

                - **Price**: $45.00

                Tasting notes: plum, graphite and dried lavender. Pairs well with roast lamb.
                """);
        importer.importFolder(org, knowledge, l -> {});

        JsonNode first = ask("Tell me about the 2022 Reserve Cabernet Franc", null);
        assertThat(first.path("usage").path("generator").asString()).isEqualTo("llm");
        assertThat(first.path("usage").path("inputTokens").asInt()).isEqualTo(321);
        assertThat(first.path("usage").path("outputTokens").asInt()).isEqualTo(17);
        String conversation = first.path("conversationId").asString();
        int before = REQUESTS.size();

        JsonNode second = ask("would it go with lamb?", conversation);
        assertThat(second.path("answered").asBoolean()).isTrue();
        List<JsonNode> made = REQUESTS.subList(before, REQUESTS.size());
        assertThat(made)
                .as("one call condenses the follow-up (not streamed), one answers (streamed): %s", made)
                .hasSize(2);
        JsonNode condense = made.stream()
                .filter(r -> !r.path("stream").asBoolean())
                .findFirst()
                .orElseThrow();
        assertThat(condense.toString())
                .contains("Tell me about the 2022 Reserve Cabernet Franc", "would it go with lamb?");
        JsonNode answer = made.stream()
                .filter(r -> r.path("stream").asBoolean())
                .findFirst()
                .orElseThrow();
        List<JsonNode> messages = List.copyOf(answer.path("messages").values());
        assertThat(messages.getFirst().path("role").asString()).isEqualTo("system");
        assertThat(messages.getFirst().path("content").asString()).contains("routed to the topic: Wines");
        assertThat(messages)
                .as("the earlier turn comes before the passages and the question")
                .anySatisfy(m -> {
                    assertThat(m.path("role").asString()).isEqualTo("user");
                    assertThat(m.path("content").asString()).isEqualTo("Tell me about the 2022 Reserve Cabernet Franc");
                })
                .anySatisfy(m -> assertThat(m.path("role").asString()).isEqualTo("assistant"));
        assertThat(messages.getLast().path("content").asString()).endsWith("Question: " + CONDENSED);

        var stored = asOwner()
                .sql("""
                        SELECT coalesce(resolved_question, ''), input_tokens, output_tokens, coalesce(model, '')
                        FROM message WHERE conversation_id = ?::uuid ORDER BY id""")
                .param(conversation)
                .query((rs, n) -> List.of(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4)))
                .list();
        assertThat(stored.get(0)).containsExactly("", 321, 17, "fake-model");
        assertThat(stored.get(1)).containsExactly(CONDENSED, 321, 17, "fake-model");
    }

    private JsonNode ask(String message, @Nullable String conversationId) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("conversationId", conversationId);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/chat"))
                        .header("Content-Type", "application/json")
                        .header("X-Site-Key", KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpServer startLlm() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/chat/completions", exchange -> {
                JsonNode request =
                        JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                REQUESTS.add(request);
                if (!request.path("stream").asBoolean()) {
                    byte[] body =
                            ("{\"id\":\"c0\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake-model\","
                                            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                                            + CONDENSED + "\"},\"finish_reason\":\"stop\"}],"
                                            + "\"usage\":{\"prompt_tokens\":55,\"completion_tokens\":12,\"total_tokens\":67}}")
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (String piece : List.of("The 2022 Reserve Cabernet Franc ", "is $45.00 [1].")) {
                        out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                                        + "\"model\":\"fake-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                                        + piece + "\"},\"finish_reason\":null}]}\n\n")
                                .getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                                    + "\"model\":\"fake-model\",\"choices\":[{\"index\":0,\"delta\":{},"
                                    + "\"finish_reason\":\"stop\"}]}\n\n"
                                    + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                                    + "\"model\":\"fake-model\",\"choices\":[],\"usage\":{\"prompt_tokens\":321,"
                                    + "\"completion_tokens\":17,\"total_tokens\":338}}\n\ndata: [DONE]\n\n")
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

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cellardoor.curated.CuratedAnswerInput;
import io.cellardoor.curated.CuratedAnswers;
import io.cellardoor.knowledge.ImportReport;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code cellardoor.embedding.provider=openai} against a local OpenAI-compatible {@code /v1/embeddings} server (the
 * real wire format; its vectors are hashed bags of words, so similar texts get similar vectors): imports and questions
 * are embedded by it with the configured model, prefixes and 384 dimensions; chunk hashes carry the model's id, and
 * chunks left by another model are re-embedded at the next import. The endpoint's reported tokens are the org's LLM
 * cost (operation {@code embed}): an import's and a curated question's without a message, a chat question's with its
 * message.
 */
// Its own configuration: close the context afterwards, so its connections go back to the shared PostgreSQL.
@DirtiesContext
class EmbeddingProviderIntegrationTests extends IntegrationTestSupport {

    static final String KEY = "it-embedding-provider-key-" + java.util.UUID.randomUUID();
    static final List<JsonNode> REQUESTS = new CopyOnWriteArrayList<>();
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpServer EMBEDDINGS = startEmbeddings();

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    CuratedAnswers curated;

    @DynamicPropertySource
    static void embeddings(DynamicPropertyRegistry registry) {
        registry.add("cellardoor.embedding.provider", () -> "openai");
        registry.add(
                "cellardoor.embedding.base-url",
                () -> "http://127.0.0.1:" + EMBEDDINGS.getAddress().getPort() + "/v1");
        registry.add("cellardoor.embedding.api-key", () -> "test-key");
        registry.add("cellardoor.embedding.model", () -> "fake-embed");
        registry.add("cellardoor.embedding.query-prefix", () -> "query: ");
        registry.add("cellardoor.embedding.passage-prefix", () -> "passage: ");
        registry.add("cellardoor.cache.enabled", () -> "false");
        registry.add("cellardoor.llm.prices.fake-embed.input-per-mtok", () -> "100");
    }

    @AfterAll
    static void stop() {
        EMBEDDINGS.stop(0);
    }

    @Test
    void theConfiguredEndpointEmbedsKnowledgeAndQuestionsAndAModelChangeReembeds() throws Exception {
        long org = tenants.ensureOrg("it-embedding-" + KEY.substring(KEY.length() - 8), "Embedding Winery");
        tenants.ensureSite(org, KEY, "Embedding site");
        Path knowledge = Files.createTempDirectory("embedding-provider");
        Files.createDirectories(knowledge.resolve("visiting"));
        Files.writeString(knowledge.resolve("visiting/parking.md"), """
                # Parking

                Free parking for forty cars is next to the tasting barn; buses park by the orchard gate.
                """);
        Files.writeString(knowledge.resolve("visiting/dogs.md"), """
                # Dogs

                Leashed dogs are welcome on the lawn, not inside the tasting barn.
                """);

        // The start-up warm-up asked the endpoint for one question's embedding (with the query prefix) before
        // readiness.
        assertThat(REQUESTS)
                .anySatisfy(r -> assertThat(r.path("input").toString()).contains("query: "));
        REQUESTS.clear();

        ImportReport first = importer.importFolder(org, knowledge, l -> {});
        assertThat(first.chunksEmbedded()).isPositive();
        List<JsonNode> imports = List.copyOf(REQUESTS);
        assertThat(imports).isNotEmpty().allSatisfy(r -> {
            assertThat(r.path("model").asString()).isEqualTo("fake-embed");
            assertThat(r.path("dimensions").asInt()).isEqualTo(384);
            assertThat(r.path("input").values())
                    .allSatisfy(i -> assertThat(i.asString()).startsWith("passage: "));
        });
        assertThat(hashes(org)).isNotEmpty().allSatisfy(h -> assertThat(h).startsWith("openai:fake-embed:"));
        int importTokens = tokens(imports);
        assertThat(embedCosts(org))
                .as("the import's reported tokens at 100 USD per million, without a message")
                .containsExactly(List.of("127.0.0.1", "fake-embed", importTokens, importTokens * 100 / 1e6, false));

        int before = REQUESTS.size();
        JsonNode answer = ask("Where can buses park?");
        List<JsonNode> question = REQUESTS.subList(before, REQUESTS.size()).stream()
                .filter(r ->
                        r.path("input").toString().toLowerCase(Locale.ROOT).contains("query: where can buses park"))
                .toList();
        assertThat(question)
                .as("the question is embedded by the endpoint, once, with the query prefix")
                .hasSize(1);
        assertThat(answer.path("citations").values())
                .as(answer.toString())
                .anySatisfy(c -> assertThat(c.path("path").asString()).isEqualTo("visiting/parking.md"));
        List<List<Object>> afterQuestion = embedCosts(org);
        assertThat(afterQuestion)
                .as("the question's embedding (and any plugin search's) is a model call of its turn")
                .contains(List.of("127.0.0.1", "fake-embed", tokens(question), tokens(question) * 100 / 1e6, true));
        assertThat(afterQuestion.subList(1, afterQuestion.size()))
                .allSatisfy(row -> assertThat(row.get(4)).isEqualTo(true));

        assertThat(importer.importFolder(org, knowledge, l -> {}).chunksEmbedded())
                .as("nothing changed, same model: nothing is embedded again")
                .isZero();
        assertThat(embedCosts(org)).as("and nothing is billed").hasSameSizeAs(afterQuestion);

        // A curated answer's question is embedded outside any turn: a row without a message.
        before = REQUESTS.size();
        curated.create(
                org, "editor", new CuratedAnswerInput("Can I bring my dog?", "Leashed dogs, on the lawn.", null));
        List<JsonNode> curatedQuestion = List.copyOf(REQUESTS.subList(before, REQUESTS.size()));
        assertThat(curatedQuestion).hasSize(1);
        assertThat(embedCosts(org))
                .hasSize(afterQuestion.size() + 1)
                .last()
                .isEqualTo(List.of(
                        "127.0.0.1",
                        "fake-embed",
                        tokens(curatedQuestion),
                        tokens(curatedQuestion) * 100 / 1e6,
                        false));

        asOwner()
                .sql("UPDATE kb_chunk SET content_hash = substring(content_hash from 19) WHERE org_id = ?")
                .param(org)
                .update();
        ImportReport afterModelChange = importer.importFolder(org, knowledge, l -> {});
        assertThat(afterModelChange.chunksEmbedded())
                .as("chunks of another model (here: the default one's hashes) are all embedded again")
                .isEqualTo(first.chunksEmbedded());
        assertThat(hashes(org)).allSatisfy(h -> assertThat(h).startsWith("openai:fake-embed:"));
    }

    /** The org's {@code embed} rows of the cost ledger: provider, model, tokens, USD, whether a message has it. */
    private List<List<Object>> embedCosts(long org) {
        return asOwner()
                .sql("""
                        SELECT provider, model, input_tokens, cost_usd, message_id IS NOT NULL FROM llm_usage
                        WHERE org_id = ? AND operation = 'embed' AND output_tokens = 0 ORDER BY id""")
                .param(org)
                .query((rs, n) -> List.<Object>of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getBigDecimal(4).doubleValue(),
                        rs.getBoolean(5)))
                .list();
    }

    /** The tokens the local endpoint reported for these requests (words of each input, as it counts them). */
    private static int tokens(List<JsonNode> requests) {
        return requests.stream()
                .flatMap(r -> r.path("input").isArray()
                        ? r.path("input").values().stream()
                        : java.util.stream.Stream.of(r.path("input")))
                .mapToInt(i -> i.asString().split("\\s+").length)
                .sum();
    }

    private List<String> hashes(long org) {
        return asOwner()
                .sql("SELECT content_hash FROM kb_chunk WHERE org_id = ?")
                .param(org)
                .query(String.class)
                .list();
    }

    private JsonNode ask(String message) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/chat"))
                        .header("Content-Type", "application/json")
                        .header("X-Site-Key", KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("message", message))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A hashed bag of lower-cased words, 384 dimensions. */
    private static float[] vector(String text) {
        float[] v = new float[384];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 2) {
                v[Math.floorMod(word.hashCode(), 384)] += 1;
            }
        }
        v[383] += 0.01f;
        return v;
    }

    private static HttpServer startEmbeddings() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/embeddings", exchange -> {
                JsonNode request =
                        JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                REQUESTS.add(request);
                ObjectNode body = JSON.createObjectNode();
                body.put("object", "list");
                ArrayNode data = body.putArray("data");
                List<JsonNode> inputs = request.path("input").isArray()
                        ? List.copyOf(request.path("input").values())
                        : List.of(request.path("input"));
                int tokens = 0;
                for (int i = 0; i < inputs.size(); i++) {
                    String text = inputs.get(i).asString();
                    tokens += text.split("\\s+").length;
                    ObjectNode item = data.addObject();
                    item.put("object", "embedding");
                    item.put("index", i);
                    ArrayNode embedding = item.putArray("embedding");
                    for (float f : vector(text)) {
                        embedding.add(f);
                    }
                }
                body.put("model", request.path("model").asString());
                body.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
                byte[] bytes = JSON.writeValueAsBytes(body);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

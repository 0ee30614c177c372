package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /ws/chat}: the same site key, origin check, rate limits and pipeline as the SSE endpoint, in JSON frames
 * {@code meta}, {@code token}, {@code citation}, {@code done}, {@code error}; the console's own endpoints (where
 * Vaadin's push would live) are untouched by it.
 */
@TestPropertySource(properties = {"cellardoor.widget.visitor-requests-per-minute=3", "cellardoor.cache.enabled=false"})
// Its own configuration: close the context afterwards, so its connections go back to the shared PostgreSQL.
@DirtiesContext
class ChatSocketIntegrationTests extends IntegrationTestSupport {

    static final String KEY = "it-socket-key";

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void site() throws Exception {
        long org = tenants.ensureOrg("it-socket", "Socket");
        tenants.ensureSite(org, KEY, "Socket site");
        tenants.updateAllowedOrigins(org, KEY, List.of("https://shop.example"));
        Path dir = Files.createTempDirectory("socket");
        Files.createDirectories(dir.resolve("visiting"));
        Files.writeString(
                dir.resolve("visiting/picnics.md"),
                "# Picnics\n\nPicnics are welcome on the lawn from noon to five.\n");
        importer.importFolder(org, dir, l -> {});
    }

    @Test
    void aSocketAnswersInFramesUnderTheSameRulesAsTheStream() throws Exception {
        Frames frames = new Frames();
        WebSocket socket = connect("?siteKey=" + KEY, "https://shop.example", frames);
        socket.sendText("{\"message\": \"Can we have a picnic on the lawn?\"}", true)
                .join();
        List<JsonNode> answer = frames.untilDoneOrError();
        List<String> types = answer.stream().map(f -> f.path("type").asString()).toList();
        assertThat(types.getFirst()).isEqualTo("meta");
        assertThat(types).contains("token", "citation").endsWith("done");
        JsonNode done = answer.getLast();
        String streamed = answer.stream()
                .filter(f -> f.path("type").asString().equals("token"))
                .map(f -> f.path("text").asString())
                .reduce("", String::concat);
        assertThat(done.path("answer").asString()).isEqualTo(streamed).containsIgnoringCase("noon");
        assertThat(answer.stream().filter(f -> f.path("type").asString().equals("citation")))
                .anySatisfy(c -> assertThat(c.path("path").asString()).isEqualTo("visiting/picnics.md"));

        // A message that is not a chat request, and a blank one, get error frames; the socket stays open.
        socket.sendText("not json", true).join();
        assertThat(frames.untilDoneOrError().getLast().path("problem").asString())
                .endsWith("malformed-request");
        socket.sendText("{\"message\": \"  \"}", true).join();
        assertThat(frames.untilDoneOrError().getLast().path("problem").asString())
                .endsWith("blank-message");

        // Rate limits count messages as the HTTP API counts requests (3 a minute here).
        List<String> last = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            socket.sendText("{\"message\": \"When are picnics allowed?\"}", true)
                    .join();
            JsonNode end = frames.untilDoneOrError().getLast();
            last.add(end.path("type").asString() + ":" + end.path("problem").asString());
        }
        assertThat(last.getLast()).endsWith("rate-limited");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void theHandshakeChecksTheSiteKeyAndTheOrigin() {
        assertThatThrownBy(() -> connect("", null, new Frames()))
                .satisfies(e -> assertThat(status(e)).isEqualTo(401));
        assertThatThrownBy(() -> connect("?siteKey=" + KEY, "https://evil.example", new Frames()))
                .satisfies(e -> assertThat(status(e)).isEqualTo(403));
        // The console is not behind the chat socket: a socket to its paths goes to the console's sign-in instead.
        assertThatThrownBy(() -> connectTo("/admin/VAADIN/push", new Frames()))
                .satisfies(e -> assertThat(status(e)).isBetween(300, 404));
        var console = send(
                HttpRequest.newBuilder(uri("/admin"))
                        .header("Accept", "text/html")
                        .GET(),
                null);
        assertThat(console.statusCode()).isEqualTo(302);
    }

    private WebSocket connect(String query, String origin, Frames frames) {
        var builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat" + query), frames)
                .join();
    }

    private WebSocket connectTo(String path, Frames frames) {
        return http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + path), frames)
                .join();
    }

    private static int status(Throwable e) {
        Throwable cause = e instanceof CompletionException ? e.getCause() : e;
        assertThat(cause).isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) cause).getResponse().statusCode();
    }

    /** Collects text frames as JSON. */
    final class Frames implements WebSocket.Listener {
        private final LinkedBlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                queue.add(json.readTree(partial.toString()));
                partial.setLength(0);
            }
            socket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        /** The frames up to and including the next {@code done} or {@code error}. */
        List<JsonNode> untilDoneOrError() throws InterruptedException {
            List<JsonNode> frames = new ArrayList<>();
            while (true) {
                JsonNode frame = queue.poll(30, TimeUnit.SECONDS);
                assertThat(frame).as("a frame within 30 s after %s", frames).isNotNull();
                frames.add(frame);
                String type = frame.path("type").asString();
                if (type.equals("done") || type.equals("error")) {
                    return frames;
                }
            }
        }
    }
}

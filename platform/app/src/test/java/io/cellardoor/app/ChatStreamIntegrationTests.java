package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The SSE stream: meta, tokens, citations and done, in that order, with proxy-friendly headers. */
class ChatStreamIntegrationTests extends IntegrationTestSupport {

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    ObjectMapper json;

    record Event(String name, JsonNode data) {}

    @Test
    void streamsMetaTokensCitationsAndDone() throws Exception {
        long org = tenants.ensureOrg("it-stream", "Stream");
        tenants.ensureSite(org, "it-stream-key", "Stream site");
        Path knowledge = Files.createTempDirectory("stream");
        Files.createDirectories(knowledge.resolve("visiting"));
        Files.writeString(knowledge.resolve("visiting/hours.md"), """
                # Tasting Room Hours

                - **Monday**: Closed
                - **Tuesday**: Closed
                - **Wednesday**: 11:00 AM - 5:00 PM
                - **Saturday**: 11:00 AM - 7:00 PM
                """);
        importer.importFolder(org, knowledge, l -> {});

        var response =
                post("/api/v1/chat/stream", "it-stream-key", "{\"message\": \"What are your hours on Saturday?\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(response.headers().firstValue("X-Accel-Buffering")).hasValue("no");

        List<Event> events = new ArrayList<>();
        String name = null;
        for (String line : response.body().split("\n")) {
            if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                events.add(new Event(name, json.readTree(line.substring(5))));
            }
        }
        List<String> names = events.stream().map(Event::name).toList();
        assertThat(names.get(0)).isEqualTo("meta");
        assertThat(names.get(names.size() - 1)).isEqualTo("done");
        assertThat(names.indexOf("citation")).isGreaterThan(names.lastIndexOf("token"));
        assertThat(names.stream().filter("token"::equals).count()).isGreaterThan(3);

        StringBuilder streamed = new StringBuilder();
        events.stream()
                .filter(e -> e.name().equals("token"))
                .forEach(e -> streamed.append(e.data().path("text").asString()));
        JsonNode done = events.get(events.size() - 1).data();
        assertThat(streamed.toString()).isEqualTo(done.path("answer").asString());
        assertThat(streamed.toString()).contains("7:00 PM");
        assertThat(events)
                .filteredOn(e -> e.name().equals("citation"))
                .anySatisfy(e -> assertThat(e.data().path("path").asString()).isEqualTo("visiting/hours.md"));
        assertThat(events.get(0).data().path("domain").asString()).isEqualTo("visiting");
    }
}

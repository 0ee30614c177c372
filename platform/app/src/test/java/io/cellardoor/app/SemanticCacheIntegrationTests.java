package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Near-identical questions get the cached answer; a knowledge change empties the org's cache. */
class SemanticCacheIntegrationTests extends IntegrationTestSupport {

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    ObjectMapper json;

    JsonNode ask(String question) {
        var response = post("/api/v1/chat", "it-cache-key", json.writeValueAsString(Map.of("message", question)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void similarQuestionsHitTheCacheUntilTheKnowledgeChanges() throws Exception {
        long org = tenants.ensureOrg("it-cache", "Cache");
        tenants.ensureSite(org, "it-cache-key", "Cache site");
        Path dir = Files.createTempDirectory("cache");
        Files.createDirectories(dir.resolve("about"));
        Files.writeString(
                dir.resolve("about/estate.md"),
                "# The estate\n\nThe estate has 38 acres, 22 of them planted with vines.\n");
        importer.importFolder(org, dir, l -> {});

        JsonNode first = ask("How many acres is the estate?");
        assertThat(first.path("answered").asBoolean()).isTrue();
        assertThat(first.path("usage").path("generator").asString()).isNotEqualTo("cache");

        JsonNode again = ask("how many acres is the estate");
        assertThat(again.path("usage").path("generator").asString()).isEqualTo("cache");
        assertThat(again.path("answer").asString())
                .isEqualTo(first.path("answer").asString());
        assertThat(again.path("citations").get(0).path("path").asString()).isEqualTo("about/estate.md");

        assertThat(ask("Do you sell hats?").path("usage").path("generator").asString())
                .isNotEqualTo("cache");

        Files.writeString(
                dir.resolve("about/estate.md"),
                "# The estate\n\nThe estate has 40 acres, 25 of them planted with vines.\n");
        importer.importFolder(org, dir, l -> {});
        JsonNode afterEdit = ask("how many acres is the estate");
        assertThat(afterEdit.path("usage").path("generator").asString()).isNotEqualTo("cache");
        assertThat(afterEdit.path("answer").asString()).contains("40 acres");
    }
}

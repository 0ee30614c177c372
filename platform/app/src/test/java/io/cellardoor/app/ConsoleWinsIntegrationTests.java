package io.cellardoor.app;

import static io.cellardoor.app.AdminClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.identity.IdentityProperties;
import io.cellardoor.knowledge.ImportReport;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.knowledge.KnowledgeStore;
import io.cellardoor.tenant.TenantService;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * "Console wins" on restart: the start-up import (the same folder import DemoBootstrap runs) leaves alone documents
 * staff changed through the admin API since their file was last imported, unless the file itself changed since.
 */
class ConsoleWinsIntegrationTests extends IntegrationTestSupport {

    static final String HOURS_FILE = "# Tasting Room Hours\n\n- Monday: Closed\n- Tuesday to Sunday: 11 am to 6 pm\n";
    static final String HOURS_EDIT =
            "# Tasting Room Hours\n\n- Monday: 10 am to 4 pm\n- Tuesday to Sunday: 11 am to 6 pm\n";
    static final String ADMIN = "platform-admin";

    @Autowired
    IdentityProperties identity;

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    KnowledgeStore store;

    @Autowired
    ObjectMapper json;

    @TempDir
    Path folder;

    @Test
    void aRestartKeepsStaffEditsDeletionsAndUploadsUntilTheirFileChanges() throws Exception {
        AdminClient api = new AdminClient(identity.issuerUri(), this::uri, json);
        String slug = "wins-" + UUID.randomUUID().toString().substring(0, 8);
        long org = tenants.ensureOrg(slug, "Console wins");
        write("visiting/hours.md", HOURS_FILE);
        write("visiting/directions.md", "# Directions\n\nTake Route 9 north.\n");
        write("events/weddings.md", "# Weddings\n\nUp to 120 guests.\n");
        ImportReport first = importer.importFolder(org, folder, line -> {});
        assertThat(first.added()).isEqualTo(3);

        String hash = store.findSource(org, "visiting/hours.md").orElseThrow().contentHash();
        assertOk(api.putMarkdown(
                ADMIN,
                "/api/v1/admin/documents?path=" + q("visiting/hours.md") + "&expectedHash=" + hash + "&org=" + slug,
                HOURS_EDIT));
        assertThat(api.delete(ADMIN, "/api/v1/admin/documents?path=" + q("events/weddings.md") + "&org=" + slug)
                        .statusCode())
                .isEqualTo(204);
        assertOk(api.upload(
                ADMIN,
                "/api/v1/admin/documents?org=" + slug,
                Map.of("folder", "club"),
                List.of(new AdminClient.Part("tiers.md", "# Club tiers\n\nSilver and Gold.\n".getBytes()))));

        List<String> progress = new ArrayList<>();
        ImportReport restart = importer.importFolder(org, folder, progress::add);

        assertThat(restart.kept())
                .containsExactlyInAnyOrder("visiting/hours.md", "events/weddings.md", "club/tiers.md");
        assertThat(restart.added() + restart.updated() + restart.deleted()).isZero();
        assertThat(restart.summary()).contains("3 kept");
        assertThat(progress).anyMatch(line -> line.startsWith("skipped visiting/hours.md: changed by staff"));
        assertThat(store.findSource(org, "visiting/hours.md").orElseThrow().markdown())
                .isEqualTo(HOURS_EDIT);
        assertThat(store.findSource(org, "events/weddings.md")).isEmpty();
        assertThat(store.findSource(org, "club/tiers.md")).isPresent();

        write("visiting/hours.md", HOURS_FILE.replace("Closed", "Closed in winter")); // the file changed: it wins
        ImportReport changedFile = importer.importFolder(org, folder, line -> {});
        assertThat(changedFile.updated()).isEqualTo(1);
        assertThat(changedFile.kept()).containsExactlyInAnyOrder("events/weddings.md", "club/tiers.md");
        assertThat(store.findSource(org, "visiting/hours.md").orElseThrow().markdown())
                .contains("Closed in winter");
        JsonNode versions = json.readTree(
                api.get(ADMIN, "/api/v1/admin/documents/versions?path=" + q("visiting/hours.md") + "&org=" + slug)
                        .body());
        List<String> history = new ArrayList<>();
        versions.forEach(v -> history.add(
                v.path("kind").asString() + " by " + v.path("author").asString()));
        assertThat(history).containsExactly("IMPORT by import", "SAVE by platform-admin", "IMPORT by import");

        JsonNode audit = json.readTree(api.get(ADMIN, "/api/v1/admin/audit?action=knowledge.imported&org=" + slug)
                .body());
        assertThat(audit).hasSize(3);
        assertThat(audit.get(0).path("actor").asString()).isEqualTo("system");
        assertThat(audit.get(0).path("after").asString()).contains("written: visiting/hours.md", "kept: club/tiers.md");
    }

    @Test
    void aFileRemovedFromTheFolderIsDeletedWhenOnlyImportsWroteIt() throws Exception {
        long org = tenants.ensureOrg("wins-" + UUID.randomUUID().toString().substring(0, 8), "Console wins");
        write("visiting/hours.md", HOURS_FILE);
        write("visiting/old-page.md", "# Old page\n\nGone soon.\n");
        importer.importFolder(org, folder, line -> {});
        Files.delete(folder.resolve("visiting/old-page.md"));

        ImportReport report = importer.importFolder(org, folder, line -> {});

        assertThat(report.deleted()).isEqualTo(1);
        assertThat(report.kept()).isEmpty();
        assertThat(store.findSource(org, "visiting/old-page.md")).isEmpty();
    }

    void write(String path, String text) throws Exception {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static void assertOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellardoor.embedding.Embeddings;
import io.cellardoor.knowledge.DocumentService;
import io.cellardoor.knowledge.ImportReport;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.knowledge.KnowledgeStore;
import io.cellardoor.knowledge.KnowledgeStore.DocumentSource;
import io.cellardoor.knowledge.StaleDocumentException;
import io.cellardoor.retrieval.HybridRetriever;
import io.cellardoor.retrieval.RetrievalQuery;
import io.cellardoor.retrieval.RetrievedChunk;
import io.cellardoor.tenant.TenantService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Editing one document (the console's Save): re-index just it, serve the edit at once, refuse stale edits. */
class KnowledgeEditIntegrationTests extends IntegrationTestSupport {

    static final String HOURS = "visiting/hours.md";
    static final String OLD =
            "# Tasting Room Hours\n\n## Weekly hours\n- Monday: Closed\n- Tuesday to Sunday: 11 am to 6 pm\n";
    static final String NEW =
            "# Tasting Room Hours\n\n## Weekly hours\n- Monday: 10 am to 4 pm\n- Tuesday to Sunday: 11 am to 6 pm\n";

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    KnowledgeStore store;

    @Autowired
    DocumentService documents;

    @Autowired
    HybridRetriever retriever;

    @Autowired
    Embeddings embeddings;

    @TempDir
    Path dir;

    final List<String> progress = new ArrayList<>();

    long orgWithHours() throws Exception {
        long org = tenants.ensureOrg("edit-" + UUID.randomUUID().toString().substring(0, 8), "Edit test");
        Path file = dir.resolve(HOURS);
        Files.createDirectories(file.getParent());
        Files.writeString(file, OLD);
        Files.writeString(dir.resolve("visiting/directions.md"), "# Directions\n\nTake Route 9 north to the winery.\n");
        importer.importFolder(org, dir, progress::add);
        return org;
    }

    @Test
    void savedEditIsRetrievedNextAndOnlyThatDocumentIsReindexed() throws Exception {
        long org = orgWithHours();
        DocumentSource opened = store.findSource(org, HOURS).orElseThrow();

        ImportReport report = documents.save(org, "editor", HOURS, NEW, opened.contentHash(), progress::add);

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.chunksEmbedded()).isEqualTo(1);
        assertThat(progress).anyMatch(line -> line.startsWith("embedding"));
        String question = "Are you open on Monday?";
        List<RetrievedChunk> found = retriever.retrieve(RetrievalQuery.forOrg(org)
                .text(question)
                .embedding(embeddings.embed(question))
                .k(3)
                .build());
        assertThat(found.getFirst().path()).isEqualTo(HOURS);
        assertThat(found.getFirst().text()).contains("Monday: 10 am to 4 pm").doesNotContain("Closed");
        assertThat(store.findSource(org, HOURS).orElseThrow().markdown()).isEqualTo(NEW);
    }

    @Test
    void savingTheSameTextChangesNothing() throws Exception {
        long org = orgWithHours();
        DocumentSource opened = store.findSource(org, HOURS).orElseThrow();

        ImportReport report = documents.save(org, "editor", HOURS, OLD, opened.contentHash(), progress::add);

        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.chunksEmbedded()).isZero();
    }

    @Test
    void editOfAVersionSomeoneElseReplacedIsAConflictAndWritesNothing() throws Exception {
        long org = orgWithHours();
        DocumentSource opened = store.findSource(org, HOURS).orElseThrow();
        documents.save(org, "editor", HOURS, NEW, opened.contentHash(), progress::add); // the other editor saves first

        String mine = OLD.replace("Monday: Closed", "Monday: by appointment");
        assertThatThrownBy(() -> documents.save(org, "editor", HOURS, mine, opened.contentHash(), progress::add))
                .isInstanceOfSatisfying(StaleDocumentException.class, e -> {
                    assertThat(e.path()).isEqualTo(HOURS);
                    assertThat(e.currentHash()).isNotEqualTo(opened.contentHash());
                });
        assertThat(store.findSource(org, HOURS).orElseThrow().markdown()).isEqualTo(NEW);
    }

    @Test
    void chatAnswersWithTheEditRightAfterSave() throws Exception {
        long org = orgWithHours();
        String siteKey = "edit-site-" + UUID.randomUUID();
        tenants.ensureSite(org, siteKey, "Edit test site");
        String body = "{\"message\": \"Are you open on Monday?\"}";
        assertThat(post("/api/v1/chat", siteKey, body).body()).containsIgnoringCase("closed"); // also fills the cache

        DocumentSource opened = store.findSource(org, HOURS).orElseThrow();
        documents.save(org, "editor", HOURS, NEW, opened.contentHash(), progress::add);

        assertThat(post("/api/v1/chat", siteKey, body).body())
                .containsPattern("10(:00)? ?(am|AM)")
                .doesNotContainIgnoringCase("closed");
    }
}

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.embedding.Embeddings;
import io.cellardoor.knowledge.ImportReport;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.retrieval.HybridRetriever;
import io.cellardoor.retrieval.RetrievalMode;
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

/** Incremental import, bad files, and tenant isolation of retrieval, against the real PostgreSQL. */
class KnowledgeImportIntegrationTests extends IntegrationTestSupport {

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    HybridRetriever retriever;

    @Autowired
    Embeddings embeddings;

    @TempDir
    Path dir;

    long freshOrg() {
        return tenants.ensureOrg("it-" + UUID.randomUUID().toString().substring(0, 8), "Import test");
    }

    void write(String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    List<String> log = new ArrayList<>();

    @Test
    void reimportEmbedsOnlyChangedChunksAndRemovesDeletedFiles() throws Exception {
        long org = freshOrg();
        write("visiting/hours.md", "# Hours\n\n## Week\n- Monday: Closed\n\n## Holidays\nClosed on Thanksgiving.\n");
        write("wine/red.md", "# Red Blend\n\n## Notes\nDark fruit and spice.\n");
        write("merchandise/hat.md", "# Hat\n\nA wool hat for $35.\n");
        ImportReport first = importer.importFolder(org, dir, log::add);
        assertThat(first.added()).isEqualTo(3);
        assertThat(first.chunksEmbedded()).isEqualTo(3);

        ImportReport unchanged = importer.importFolder(org, dir, log::add);
        assertThat(unchanged.unchanged()).isEqualTo(3);
        assertThat(unchanged.chunksEmbedded()).isZero();

        write("wine/red.md", "# Red Blend\n\n## Notes\nDark fruit, spice and a long finish.\n");
        Files.delete(dir.resolve("merchandise/hat.md"));
        ImportReport changed = importer.importFolder(org, dir, log::add);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.deleted()).isEqualTo(1);
        assertThat(changed.chunksEmbedded()).isEqualTo(1);
        assertThat(paths(org)).containsExactlyInAnyOrder("visiting/hours.md", "wine/red.md");
        String stored = asOwner()
                .sql("SELECT c.content FROM kb_chunk c JOIN kb_document d ON d.id = c.document_id "
                        + "WHERE d.org_id = ? AND d.path = 'wine/red.md'")
                .param(org)
                .query(String.class)
                .single();
        assertThat(stored).contains("long finish");
    }

    @Test
    void brokenFilesAreReportedByPathAndTheRestIsImported() throws Exception {
        long org = freshOrg();
        write("about/story.md", "# Story\n\nFounded in 1999.\n");
        write("about/notes.md", "# Notes\n\nFirst version.\n");
        importer.importFolder(org, dir, log::add);

        write("about/notes.md", "---\ntitle: [unclosed\n---\n# Notes\n\nSecond version.\n");
        Files.write(dir.resolve("about/latin1.md"), new byte[] {'#', ' ', 'C', 'a', 'f', (byte) 0xE9, '\n'});
        write("about/new.md", "# New\n\nA new page.\n");
        ImportReport report = importer.importFolder(org, dir, log::add);

        assertThat(report.failures())
                .extracting(ImportReport.Failure::path)
                .containsExactlyInAnyOrder("about/notes.md", "about/latin1.md");
        assertThat(report.added()).isEqualTo(1);
        assertThat(log).anyMatch(l -> l.contains("about/notes.md"));
        // The broken edit loses nothing: the previous version keeps serving.
        assertThat(paths(org)).containsExactlyInAnyOrder("about/story.md", "about/notes.md", "about/new.md");
        String notes = asOwner()
                .sql("SELECT plain_text FROM kb_document WHERE org_id = ? AND path = 'about/notes.md'")
                .param(org)
                .query(String.class)
                .single();
        assertThat(notes).contains("First version");
    }

    @Test
    void retrievalNeverCrossesTenants() throws Exception {
        long small = freshOrg();
        long large = freshOrg();
        write("small/only.md", "# Cellar tours\n\nCellar tours run on Sundays at noon.\n");
        importer.importFolder(small, dir, log::add);
        Path other = Files.createTempDirectory("large");
        for (int i = 0; i < 60; i++) {
            Path f = other.resolve("visiting/tour-" + i + ".md");
            Files.createDirectories(f.getParent());
            Files.writeString(
                    f, "# Cellar tour " + i + "\n\nCellar tours run on day " + i + " at noon in the barrel room.\n");
        }
        importer.importFolder(large, other, log::add);

        String question = "when do cellar tours run?";
        for (RetrievalMode mode : RetrievalMode.values()) {
            List<RetrievedChunk> found = retriever.retrieve(RetrievalQuery.forOrg(small)
                    .text(question)
                    .embedding(embeddings.embed(question))
                    .k(5)
                    .mode(mode)
                    .build());
            assertThat(found).as(mode.name()).extracting(RetrievedChunk::path).containsExactly("small/only.md");
        }
        List<RetrievedChunk> largeHits = retriever.retrieve(RetrievalQuery.forOrg(large)
                .text(question)
                .embedding(embeddings.embed(question))
                .k(10)
                .mode(RetrievalMode.VECTOR)
                .build());
        assertThat(largeHits).hasSize(10).noneMatch(c -> c.path().equals("small/only.md"));
    }

    List<String> paths(long org) {
        return asOwner()
                .sql("SELECT path FROM kb_document WHERE org_id = ?")
                .param(org)
                .query(String.class)
                .list();
    }
}

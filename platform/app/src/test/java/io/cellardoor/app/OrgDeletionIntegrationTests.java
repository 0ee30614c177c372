package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operator deletes an org that has knowledge: its documents, chunks and chunk changes go with it in one statement,
 * and another org's change log is untouched.
 */
class OrgDeletionIntegrationTests extends IntegrationTestSupport {

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Test
    void anOrgWithKnowledgeIsDeletedWithItsChunksAndTheirChanges() throws Exception {
        JdbcClient owner = asOwner();
        owner.sql("DELETE FROM org WHERE slug IN ('it-leaving', 'it-staying')").update();
        long leaving = tenants.ensureOrg("it-leaving", "Leaving");
        long staying = tenants.ensureOrg("it-staying", "Staying");
        importer.importFolder(
                leaving, folder("Harvest", "Harvest starts in September at the leaving winery."), l -> {});
        importer.importFolder(staying, folder("Hours", "The staying winery opens at noon."), l -> {});
        long stayingChanges = changes(owner, staying);
        assertThat(changes(owner, leaving)).isPositive();
        assertThat(stayingChanges).isPositive();

        int deleted = owner.sql("DELETE FROM org WHERE id = ?").param(leaving).update();

        assertThat(deleted).isOne();
        assertThat(owner.sql("SELECT count(*) FROM kb_chunk WHERE org_id = ?")
                        .param(leaving)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(changes(owner, leaving)).isZero();
        assertThat(changes(owner, staying)).isEqualTo(stayingChanges);
    }

    private static long changes(JdbcClient owner, long org) {
        return owner.sql("SELECT count(*) FROM kb_chunk_change WHERE org_id = ?")
                .param(org)
                .query(Long.class)
                .single();
    }

    private static Path folder(String title, String text) throws Exception {
        Path root = Files.createTempDirectory("org-deletion");
        Files.createDirectories(root.resolve("visiting"));
        Files.writeString(root.resolve("visiting/page.md"), "# " + title + "\n\n" + text + "\n");
        return root;
    }
}

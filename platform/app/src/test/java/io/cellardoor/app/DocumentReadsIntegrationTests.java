package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.cluster.ClusterEventsLost;
import io.cellardoor.knowledge.Change;
import io.cellardoor.knowledge.DocumentReads;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.knowledge.KnowledgeStore;
import io.cellardoor.knowledge.KnowledgeStore.StoredDocument;
import io.cellardoor.knowledge.VersionKind;
import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.tenant.TenantService;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** The chat turn's view of an org's documents: kept until the org's knowledge changes, never another org's. */
class DocumentReadsIntegrationTests extends IntegrationTestSupport {

    @Autowired
    DocumentReads reads;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeStore store;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aDocumentIsReadOnceAndAgainAfterItsOrgsKnowledgeChanged() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long org = tenants.ensureOrg("it-reads-" + run, "Reads");
        long other = tenants.ensureOrg("it-reads-other-" + run, "Other reads");
        save(org, "# Hours\n\nOpen daily from noon.\n");
        save(other, "# Hours\n\nOpen on Sundays only.\n");

        assertThat(text(org)).contains("noon");
        assertThat(text(other)).contains("Sundays");
        assertThat(reads.listDocuments(org, List.of("visiting")))
                .extracting(DocumentSummary::path)
                .containsExactly("visiting/hours.md");

        // Changed behind the app's back (no event): the kept copy is what a turn reads.
        asOwner()
                .sql("UPDATE kb_document SET plain_text = 'Closed for winter.' WHERE org_id = ? AND path = ?")
                .params(org, "visiting/hours.md")
                .update();
        assertThat(text(org)).contains("noon");

        // An edit through the app tells every instance; the next read is the edited document.
        save(org, "# Hours\n\nOpen daily from one o'clock.\n");
        assertThat(text(org)).contains("one o'clock");
        assertThat(text(other)).as("another org's copy is its own").contains("Sundays");

        asOwner()
                .sql("UPDATE kb_document SET plain_text = 'Closed for winter.' WHERE org_id = ? AND path = ?")
                .params(other, "visiting/hours.md")
                .update();
        events.publishEvent(new ClusterEventsLost(java.time.Duration.ofSeconds(30)));
        assertThat(text(other))
                .as("events may have been lost: everything is read again")
                .contains("winter");
        assertThat(reads.findDocument(org, "visiting/missing.md")).isEmpty();
    }

    private void save(long org, String markdown) {
        String current = store.findSource(org, "visiting/hours.md")
                .map(KnowledgeStore.DocumentSource::contentHash)
                .orElse(null);
        importer.importDocument(
                org, "visiting/hours.md", markdown, current, new Change("editor", VersionKind.SAVE), line -> {});
    }

    private String text(long org) {
        return reads.findDocument(org, "visiting/hours.md")
                .map(StoredDocument::plainText)
                .orElseThrow();
    }
}

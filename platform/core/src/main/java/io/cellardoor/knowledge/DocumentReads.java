package io.cellardoor.knowledge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cellardoor.cluster.ClusterEventsLost;
import io.cellardoor.knowledge.KnowledgeStore.StoredDocument;
import io.cellardoor.plugin.api.DocumentSummary;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The org's documents as a chat turn reads them (plugins' handlers, citations, the follow-up resolver), kept on the
 * instance until the org's knowledge changes on any instance ({@link KnowledgeChanged}, published after the change
 * committed), until cluster events may have been lost ({@link ClusterEventsLost}), or for a minute at most. A turn
 * then reads a document or a folder's list without a transaction. Writers and the console read {@link KnowledgeStore}
 * itself: inside a transaction that changes a document, this view is the state before it.
 *
 * <p>Bounded by weight: about 16 million characters of documents' text (a document weighs its plain text's length)
 * and lists (a listed document weighs 64).
 */
@Component
public class DocumentReads {

    private record DocumentKey(long orgId, String path) {}

    private record ListKey(long orgId, List<String> folders) {}

    private final KnowledgeStore store;
    private final Cache<DocumentKey, Optional<StoredDocument>> documents = Caffeine.newBuilder()
            .maximumWeight(16_000_000)
            .<DocumentKey, Optional<StoredDocument>>weigher(
                    (key, doc) -> 64 + doc.map(d -> d.plainText().length()).orElse(0))
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();
    private final Cache<ListKey, List<DocumentSummary>> lists = Caffeine.newBuilder()
            .maximumWeight(4_000_000)
            .<ListKey, List<DocumentSummary>>weigher((key, list) -> 64 + 64 * list.size())
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    DocumentReads(KnowledgeStore store) {
        this.store = store;
    }

    /** As {@link KnowledgeStore#findDocument}: the org's document at a path, empty when it has none. */
    public Optional<StoredDocument> findDocument(long orgId, String path) {
        return documents.get(new DocumentKey(orgId, path), k -> store.findDocument(orgId, path));
    }

    /** As {@link KnowledgeStore#listDocuments}: paths and titles of the org's documents in the folders, by path. */
    public List<DocumentSummary> listDocuments(long orgId, List<String> folders) {
        return lists.get(new ListKey(orgId, List.copyOf(folders)), k -> store.listDocuments(orgId, k.folders()));
    }

    @EventListener
    void onKnowledgeChanged(KnowledgeChanged event) {
        documents.asMap().keySet().removeIf(k -> k.orgId() == event.orgId());
        lists.asMap().keySet().removeIf(k -> k.orgId() == event.orgId());
    }

    @EventListener
    void onClusterEventsLost(ClusterEventsLost event) {
        documents.invalidateAll();
        lists.invalidateAll();
    }
}

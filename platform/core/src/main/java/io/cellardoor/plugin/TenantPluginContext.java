package io.cellardoor.plugin;

import io.cellardoor.embedding.EmbeddingCall;
import io.cellardoor.embedding.Embeddings;
import io.cellardoor.knowledge.DocumentReads;
import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.KnowledgeDocument;
import io.cellardoor.plugin.api.Passage;
import io.cellardoor.plugin.api.PluginApi;
import io.cellardoor.plugin.api.PluginContext;
import io.cellardoor.retrieval.HybridRetriever;
import io.cellardoor.retrieval.RetrievalQuery;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The narrow view of one tenant's knowledge that a plugin's handler gets for one query. */
public final class TenantPluginContext implements PluginContext {

    private final long orgId;
    private final String tenant;
    private final PluginDomains host;
    private final HybridRetriever retriever;
    private final DocumentReads documents;
    private final Embeddings embeddings;
    private final List<Passage> passages;
    private final Consumer<EmbeddingCall> billed;

    /**
     * @param orgId the tenant's org id; every call is filtered by it
     * @param tenant the tenant's org slug
     * @param passages what the host retrieved for the query, best first ({@link #passages()})
     * @param billed receives the embeddings API's calls the plugin's searches make (the turn's LLM cost)
     */
    public TenantPluginContext(
            long orgId,
            String tenant,
            PluginDomains host,
            HybridRetriever retriever,
            DocumentReads documents,
            Embeddings embeddings,
            List<Passage> passages,
            Consumer<EmbeddingCall> billed) {
        this.billed = billed;
        this.orgId = orgId;
        this.tenant = tenant;
        this.host = host;
        this.retriever = retriever;
        this.documents = documents;
        this.embeddings = embeddings;
        this.passages = List.copyOf(passages);
    }

    /** A context without retrieved passages (a handler called outside a chat turn). */
    public TenantPluginContext(
            long orgId,
            String tenant,
            PluginDomains host,
            HybridRetriever retriever,
            DocumentReads documents,
            Embeddings embeddings) {
        this(orgId, tenant, host, retriever, documents, embeddings, List.of(), call -> {});
    }

    @Override
    public List<Passage> passages() {
        return passages;
    }

    @Override
    public String tenant() {
        return tenant;
    }

    @Override
    public List<Passage> search(String domain, String text, int k) {
        if (text.isBlank()) {
            return List.of();
        }
        List<String> folders = host.foldersOf(domain);
        if (folders.isEmpty() && !PluginApi.GENERAL_DOMAIN.equals(domain)) {
            return List.of();
        }
        var query = RetrievalQuery.forOrg(orgId)
                .text(text)
                // As the turn embeds its question: a plugin searching with the visitor's words reuses that embedding.
                .embedding(embeddings.embedQuestion(text, billed))
                .k(Math.clamp(k, 1, 50))
                .onlyFolders(folders)
                .build();
        return retriever.retrieve(query).stream()
                .map(c -> new Passage(
                        c.path(), c.title(), host.domainOfFolder(c.folder()), c.headingPath(), c.text(), c.score()))
                .toList();
    }

    @Override
    public Optional<KnowledgeDocument> readDocument(String path) {
        return documents.findDocument(orgId, path).map(d -> d.toKnowledgeDocument(host.domainOfFolder(d.folder())));
    }

    @Override
    public List<DocumentSummary> listDocuments(String domain) {
        List<String> folders = host.foldersOf(domain);
        return folders.isEmpty() ? List.of() : documents.listDocuments(orgId, folders);
    }
}

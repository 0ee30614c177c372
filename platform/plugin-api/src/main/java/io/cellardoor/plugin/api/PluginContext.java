package io.cellardoor.plugin.api;

import java.util.List;
import java.util.Optional;

/**
 * The host's narrow view of one tenant's knowledge, handed to a handler for one query.
 *
 * <p>Everything is already filtered to the tenant that asked; a plugin never sees the database,
 * secrets or other tenants. Calls count against the plugin's time budget.
 */
public interface PluginContext {

    /** The tenant's org slug, e.g. {@code demo}. */
    String tenant();

    /**
     * Hybrid search (full text + vector) within one domain.
     *
     * @param domain a domain id, e.g. {@code visiting}
     * @param text the search text; blank returns an empty list
     * @param k at most this many passages, 1 to 50, best first
     */
    List<Passage> search(String domain, String text, int k);

    /** The document at a path relative to the knowledge folder, e.g. {@code visiting/hours.md}. */
    Optional<KnowledgeDocument> readDocument(String path);

    /** Every document of a domain (path and title), in path order. */
    List<DocumentSummary> listDocuments(String domain);

    /**
     * The org's value of one of this plugin's settings ({@link DomainPlugin#configProperties()}), else its default;
     * empty for keys the plugin does not declare, and from hosts older than 1.1.0.
     *
     * @param key a declared {@link ConfigProperty#key()}
     * @since 1.1.0
     */
    default Optional<String> setting(String key) {
        return Optional.empty();
    }

    /**
     * The passages the host retrieved for this query (hybrid full text + vector over the whole tenant, weighted
     * towards this domain and its related domains), best first. A handler shapes its answer from these; it calls
     * {@link #search} only when it needs more from one domain.
     *
     * @return at most the host's k passages (typically 8-12); empty from hosts older than 1.2.0
     * @since 1.2.0
     */
    default List<Passage> passages() {
        return List.of();
    }
}

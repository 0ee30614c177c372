package io.cellardoor.chat.internal;

import io.cellardoor.answer.Citation;
import io.cellardoor.answer.GeneratedAnswer;
import io.cellardoor.chat.ChatProperties;
import io.cellardoor.knowledge.DocumentReads;
import io.cellardoor.plugin.PluginDomains;
import io.cellardoor.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The citations of an answer: the documents the answer used first, then, for answers made from passages (not direct
 * answers from facts), other retrieved documents whose best passage scored at least {@value #RELATED_SOURCE_SHARE} of
 * the top passage's score; at most {@link ChatProperties#maxCitations()}. A declined answer cites nothing.
 */
@Component
public class CitationBuilder {

    static final double RELATED_SOURCE_SHARE = 0.5;

    private final DocumentReads documents;
    private final PluginDomains plugins;
    private final ChatProperties properties;

    CitationBuilder(DocumentReads documents, PluginDomains plugins, ChatProperties properties) {
        this.documents = documents;
        this.plugins = plugins;
        this.properties = properties;
    }

    /**
     * @param passages the passages the answer was made from, best first
     */
    public List<Citation> cite(long orgId, GeneratedAnswer answer, List<RetrievedChunk> passages) {
        if (!answer.answered()) {
            return List.of();
        }
        Map<String, RetrievedChunk> bestByPath = new LinkedHashMap<>();
        passages.forEach(p -> bestByPath.putIfAbsent(p.path(), p));
        List<String> paths = new ArrayList<>(answer.sourcePaths());
        if (!answer.generator().equals("direct") && !passages.isEmpty()) {
            double top = passages.getFirst().score();
            bestByPath.values().stream()
                    .filter(p -> p.score() >= RELATED_SOURCE_SHARE * top)
                    .forEach(p -> paths.add(p.path()));
        }
        Map<String, Citation> byPath = new LinkedHashMap<>();
        for (String path : paths) {
            if (byPath.size() >= properties.maxCitations() || byPath.containsKey(path)) {
                continue;
            }
            RetrievedChunk best = bestByPath.get(path);
            document(orgId, path, best == null ? 0 : best.score()).ifPresent(c -> byPath.put(path, c));
        }
        return List.copyOf(byPath.values());
    }

    /** The citation of one of the org's documents; empty when the org has no document at the path. */
    public Optional<Citation> document(long orgId, String path, double score) {
        return documents.findDocument(orgId, path).map(doc -> {
            String url = doc.metadata().get("source_url");
            return new Citation(
                    path,
                    doc.title(),
                    plugins.domainOfFolder(doc.folder()),
                    score,
                    url == null || !url.startsWith("https://") ? null : url); // links to https only (LLM05)
        });
    }
}

package io.cellardoor.chat.internal;

import io.cellardoor.knowledge.Folders;
import io.cellardoor.plugin.PluginDomains;
import io.cellardoor.plugin.api.RetrievalPlan;
import io.cellardoor.retrieval.HybridRetriever;
import io.cellardoor.retrieval.RetrievalQuery;
import io.cellardoor.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Applies a handler's {@link RetrievalPlan} to the turn's retrieved passages: domain weights multiply the passages'
 * fused scores and re-rank them (a weight never removes a passage); the best passage of each boosted document (at most
 * {@value #MAX_BOOSTED}) comes first, fetched from that document's folder when retrieval missed it; a passage of the
 * same title and text as an earlier one is left out; then the first {@code k} are kept.
 */
@Component
public class PassageRanker {

    static final int MAX_BOOSTED = 3;

    private final PluginDomains plugins;
    private final HybridRetriever retriever;

    PassageRanker(PluginDomains plugins, HybridRetriever retriever) {
        this.plugins = plugins;
        this.retriever = retriever;
    }

    /**
     * @param passages the turn's passages, best first
     * @param keywords the full-text search text of the question, for fetching a boosted document retrieval missed
     * @param embedding the question's embedding, for the same
     */
    public List<RetrievedChunk> rank(
            long orgId,
            List<RetrievedChunk> passages,
            RetrievalPlan plan,
            String keywords,
            float[] embedding,
            String language) {
        List<RetrievedChunk> weighted = new ArrayList<>(passages);
        if (!plan.domainWeights().isEmpty()) {
            Map<String, Double> byFolder = new LinkedHashMap<>();
            plan.domainWeights()
                    .forEach((domain, w) -> plugins.foldersOf(domain).forEach(f -> byFolder.put(f, w)));
            weighted = weighted.stream()
                    .map(p -> reweighted(p, byFolder.getOrDefault(Folders.normalise(p.folder()), 1.0)))
                    .sorted(Comparator.comparingDouble(RetrievedChunk::score).reversed())
                    .toList();
        }
        List<RetrievedChunk> ranked = new ArrayList<>();
        for (String path : plan.boostPaths().stream().limit(MAX_BOOSTED).toList()) {
            Optional<RetrievedChunk> best = weighted.stream()
                    .filter(p -> p.path().equals(path))
                    .findFirst()
                    .or(() -> fetch(orgId, path, keywords, embedding, language));
            best.filter(b -> !ranked.contains(b)).ifPresent(ranked::add);
        }
        weighted.stream().filter(p -> !ranked.contains(p)).forEach(ranked::add);
        // A boosted page stored twice: its fetched copy and the passage retrieval kept are one passage.
        return List.copyOf(HybridRetriever.distinctPassages(ranked, Math.max(plan.k(), ranked.isEmpty() ? 0 : 1)));
    }

    private static RetrievedChunk reweighted(RetrievedChunk p, double weight) {
        return p.withScore(p.score() * weight);
    }

    /** The best passage of a document the retrieval missed: a search of its folder with the document boosted. */
    private Optional<RetrievedChunk> fetch(
            long orgId, String path, String keywords, float[] embedding, String language) {
        String folder = Folders.topFolderOf(path);
        List<String> folders = folder.isEmpty() ? List.of() : List.of(Folders.normalise(folder));
        return retriever
                .retrieve(RetrievalQuery.forOrg(orgId)
                        .text(keywords)
                        .embedding(embedding)
                        .k(5)
                        .onlyFolders(folders)
                        .boostPaths(List.of(path))
                        .language(language)
                        .build())
                .stream()
                .filter(p -> p.path().equals(path))
                .findFirst();
    }
}

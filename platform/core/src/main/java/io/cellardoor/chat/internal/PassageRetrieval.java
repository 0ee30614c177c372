package io.cellardoor.chat.internal;

import io.cellardoor.answer.QuestionParts;
import io.cellardoor.chat.ChatProperties;
import io.cellardoor.observability.RagMetrics;
import io.cellardoor.plugin.Classification;
import io.cellardoor.plugin.PluginDomains;
import io.cellardoor.plugin.api.PluginApi;
import io.cellardoor.retrieval.HybridRetriever;
import io.cellardoor.retrieval.RetrievalQuery;
import io.cellardoor.retrieval.RetrievedChunk;
import io.cellardoor.text.KeywordQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one retrieval of a turn: hybrid full text + vector over the whole tenant, weighted towards the routed domain.
 * When a plugin claimed the question, its folders weigh {@link ChatProperties#primaryWeight()}, its related domains'
 * {@link ChatProperties#relatedWeight()}, other plugins' {@link ChatProperties#otherDomainWeight()} and folders no
 * plugin owns {@link ChatProperties#unownedWeight()} (as much as the routed domain's for a question asking who:
 * {@link QuestionParts#asksWho}); for the general domain every folder weighs 1. Weights rank, they never filter.
 */
@Component
public class PassageRetrieval {

    private final HybridRetriever retriever;
    private final KeywordQuery keywords;
    private final PluginDomains plugins;
    private final ChatProperties properties;
    private final RagMetrics metrics;

    PassageRetrieval(
            HybridRetriever retriever,
            KeywordQuery keywords,
            PluginDomains plugins,
            ChatProperties properties,
            RagMetrics metrics) {
        this.metrics = metrics;
        this.retriever = retriever;
        this.keywords = keywords;
        this.plugins = plugins;
        this.properties = properties;
    }

    /**
     * Retrieves the passages of a question.
     *
     * @param question the standalone question
     * @param language its ISO 639-1 code
     * @param embedding its embedding (the turn's only one)
     * @return at most {@link ChatProperties#retrieveK()} chunks, best first
     */
    public List<RetrievedChunk> retrieve(
            long orgId, String question, String language, float[] embedding, Classification classification) {
        Map<String, Double> weights = new HashMap<>();
        double otherWeight = 1.0;
        boolean asksWho = QuestionParts.asksWho(question);
        if (classification.claimed()) {
            // The people a "who" question asks about are named on pages of the business itself (its team, its story),
            // which no domain owns: those weigh as much as the routed domain's.
            otherWeight = asksWho ? properties.primaryWeight() : properties.unownedWeight();
            for (var d : plugins.descriptors()) {
                plugins.foldersOf(d.id()).forEach(f -> weights.put(f, properties.otherDomainWeight()));
            }
            for (String related : classification.related()) {
                plugins.foldersOf(related).forEach(f -> weights.put(f, properties.relatedWeight()));
            }
            plugins.foldersOf(classification.primary()).forEach(f -> weights.put(f, properties.primaryWeight()));
        }
        RetrievalQuery query = RetrievalQuery.forOrg(orgId)
                .text(keywords.of(orgId, question, language, asksWho))
                .embedding(embedding)
                .k(properties.retrieveK())
                .weights(weights, otherWeight)
                .language(language)
                .build();
        long started = System.nanoTime();
        List<RetrievedChunk> found = retriever.retrieve(query);
        metrics.retrieval(query.mode().name(), java.time.Duration.ofNanos(System.nanoTime() - started));
        return found;
    }

    /**
     * The domain most of the best passages belong to: at least two of the first three passages in one plugin's folders,
     * else empty. Routes a question no classifier claimed by what the knowledge found for it (paraphrases the
     * classifiers' words miss).
     */
    public Optional<String> dominantDomain(List<RetrievedChunk> passages) {
        Map<String, Integer> counts = new HashMap<>();
        passages.stream()
                .limit(3)
                .map(p -> plugins.domainOfFolder(p.folder()))
                .filter(d -> !d.equals(PluginApi.GENERAL_DOMAIN))
                .forEach(d -> counts.merge(d, 1, Integer::sum));
        return counts.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .map(Map.Entry::getKey)
                .findFirst();
    }
}

package io.cellardoor.chat;

import io.cellardoor.answer.AnswerGenerator;
import io.cellardoor.answer.AnswerRequest;
import io.cellardoor.answer.Citation;
import io.cellardoor.answer.GeneratedAnswer;
import io.cellardoor.answer.TokenSink;
import io.cellardoor.cache.SemanticCache;
import io.cellardoor.chat.internal.AnswerLinks;
import io.cellardoor.chat.internal.ConversationStore;
import io.cellardoor.chat.internal.InjectionGuard;
import io.cellardoor.chat.internal.LanguageGuesser;
import io.cellardoor.chat.internal.StageTimers;
import io.cellardoor.curated.CuratedAnswers;
import io.cellardoor.curated.CuratedMatch;
import io.cellardoor.embedding.Embeddings;
import io.cellardoor.knowledge.KnowledgeStore;
import io.cellardoor.plugin.Classification;
import io.cellardoor.plugin.PluginHost;
import io.cellardoor.plugin.QueryRouter;
import io.cellardoor.plugin.TenantPluginContext;
import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.PluginApi;
import io.cellardoor.plugin.api.RetrievalPlan;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.retrieval.HybridRetriever;
import io.cellardoor.retrieval.RetrievalQuery;
import io.cellardoor.retrieval.RetrievedChunk;
import io.cellardoor.tenant.Site;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.text.KeywordQuery;
import io.cellardoor.web.ApiProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The chat pipeline for one turn: site key, validation, prompt-injection guard, classification, curated answers
 * (an editor's answer to a close enough question, ahead of the cache), the semantic cache, the domain's handler, hybrid retrieval weighted by the classification, the answer generator, and
 * persistence of the turn.
 * A failing plugin degrades to the general path; the visitor always gets an answer.
 */
@Service
public class ChatService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChatService.class);

    /** Longest message accepted, in characters. */
    public static final int MAX_MESSAGE_CHARS = 2000;

    private static final int DEFAULT_K = 8;
    private static final int MAX_CITATIONS = 5;
    private static final int MAX_BOOSTED = 3;
    private static final double RELATED_SOURCE_SHARE = 0.5;
    private static final double DIRECT_MIN_CONFIDENCE = 0.5;

    /** Receives a turn's progress: routing first, then answer tokens. */
    public interface Listener extends TokenSink {

        /** Called once, before any token, when the turn has a conversation and a domain. */
        default void routed(UUID conversationId, Classification classification) {}
    }

    private final TenantService tenants;
    private final QueryRouter router;
    private final PluginHost plugins;
    private final HybridRetriever retriever;
    private final KnowledgeStore knowledge;
    private final Embeddings embeddings;
    private final KeywordQuery keywords;
    private final AnswerGenerator generator;
    private final ConversationStore conversations;
    private final SemanticCache cache;
    private final CuratedAnswers curated;
    private final AnswerLinks links;

    private final StageTimers stages;

    ChatService(
            TenantService tenants,
            QueryRouter router,
            PluginHost plugins,
            HybridRetriever retriever,
            KnowledgeStore knowledge,
            Embeddings embeddings,
            KeywordQuery keywords,
            AnswerGenerator generator,
            ConversationStore conversations,
            SemanticCache cache,
            CuratedAnswers curated,
            StageTimers stages,
            AnswerLinks links) {
        this.stages = stages;
        this.links = links;
        this.tenants = tenants;
        this.router = router;
        this.plugins = plugins;
        this.retriever = retriever;
        this.knowledge = knowledge;
        this.embeddings = embeddings;
        this.keywords = keywords;
        this.generator = generator;
        this.conversations = conversations;
        this.cache = cache;
        this.curated = curated;
    }

    /**
     * Checks the site key and the message before any work.
     *
     * @throws ApiProblem 401 for an unknown site key, 400 for a blank message, 413 over 2000 characters
     */
    public Site validate(@Nullable String siteKey, ChatRequest request) {
        Site site = siteKey == null ? null : tenants.findSite(siteKey).orElse(null);
        if (site == null) {
            throw ApiProblem.unknownSiteKey();
        }
        String message = request.message();
        if (message == null || message.isBlank()) {
            throw ApiProblem.blankMessage();
        }
        if (message.length() > MAX_MESSAGE_CHARS) {
            throw ApiProblem.tooLong(message.length(), MAX_MESSAGE_CHARS);
        }
        return site;
    }

    /**
     * Answers one turn.
     *
     * @param site the validated site (see {@link #validate})
     * @param visitorId the anonymous visitor asking (from a verified visitor token), or null
     * @param listener receives routing and tokens as they happen
     */
    public ChatResponse answer(Site site, @Nullable UUID visitorId, ChatRequest request, Listener listener) {
        long started = System.nanoTime();
        String message = request.message().strip();
        UUID conversationId = stages.time(
                "conversation",
                () -> conversations.continueOrStart(site.orgId(), site.id(), visitorId, request.conversationId()));
        UserQuery query = new UserQuery(message, LanguageGuesser.guess(message));

        Classification classification;
        GeneratedAnswer answer;
        List<RetrievedChunk> passages = List.of();
        String contactLine = site.contactLine();
        List<Citation> cachedCitations = null;
        float[] toCache = null;
        if (InjectionGuard.isAttempt(message)) {
            classification = new Classification(PluginApi.GENERAL_DOMAIN, List.of(), List.of(), List.of());
            listener.routed(conversationId, classification);
            String text = "I can only help with questions about our wines, visits, club, events and shop."
                    + (contactLine.isBlank() ? "" : " " + contactLine);
            AnswerGenerator.stream(text, listener);
            answer = new GeneratedAnswer(text, false, List.of(), 1, "guard");
        } else {
            Classification classified =
                    stages.time("classify", () -> router.classify(query, site.orgId(), site.orgSlug()));
            classification = classified;
            float[] questionKey = stages.time("embed", () -> embeddings.embedQuestion(message));
            var curatedHit = stages.time("curated", () -> curated.match(site.orgId(), questionKey));
            var hit = curatedHit.isPresent()
                    ? java.util.Optional.<SemanticCache.Hit<Citation>>empty()
                    : stages.time("cache", () -> cache.find(site.orgId(), questionKey, Citation.class));
            if (curatedHit.isPresent()) {
                CuratedMatch c = curatedHit.get();
                cachedCitations = c.documentPath() == null
                        ? List.of()
                        : documentCitation(site.orgId(), c.documentPath(), c.similarity())
                                .map(List::of)
                                .orElse(List.of());
                String domain = cachedCitations.isEmpty()
                        ? classification.primary()
                        : cachedCitations.get(0).domain();
                classification = new Classification(
                        domain, classification.related(), classification.scores(), classification.skipped());
                listener.routed(conversationId, classification);
                AnswerGenerator.stream(c.answer(), listener);
                answer = new GeneratedAnswer(c.answer(), true, List.of(), c.similarity(), "curated");
            } else if (hit.isPresent()) {
                classification = new Classification(
                        hit.get().domain(),
                        classification.related(),
                        classification.scores(),
                        classification.skipped());
                listener.routed(conversationId, classification);
                AnswerGenerator.stream(hit.get().answer(), listener);
                answer = new GeneratedAnswer(
                        hit.get().answer(), true, List.of(), hit.get().similarity(), "cache");
                cachedCitations = hit.get().citations();
            } else {
                listener.routed(conversationId, classification);
                Computed computed = compute(
                        site.orgId(),
                        site.orgSlug(),
                        contactLine,
                        query,
                        classification,
                        () -> stages.time("embed", () -> embeddings.embed(message)),
                        listener);
                passages = computed.passages();
                answer = computed.answer();
                toCache = questionKey;
            }
        }
        answer = links.sanitize(site, answer); // LLM05: links only to the org's own https URLs, no images
        List<Citation> citations = cachedCitations != null
                ? cachedCitations
                : answer.answered() ? citations(site.orgId(), answer, passages) : List.of();
        if (toCache != null && answer.answered()) {
            cache.put(site.orgId(), message, toCache, answer.text(), classification.primary(), citations);
        }
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        ConversationStore.Turn turn = new ConversationStore.Turn(
                site.orgId(),
                site.id(),
                visitorId,
                conversationId,
                message,
                answer.text(),
                answer.answered(),
                classification.primary(),
                answer.generator(),
                citations,
                classification,
                answer.confidence(),
                latencyMs);
        long messageId = stages.time("save", () -> conversations.save(turn));
        int outputTokens = answer.text().isBlank() ? 0 : answer.text().trim().split("\\s+").length;
        return new ChatResponse(
                conversationId,
                messageId,
                answer.text(),
                answer.answered(),
                classification.primary(),
                citations,
                new ChatResponse.Usage(answer.generator(), 0, outputTokens, latencyMs));
    }

    /** Retrieval and generation of one classified question: the passages retrieved and the answer made of them. */
    private record Computed(List<RetrievedChunk> passages, GeneratedAnswer answer) {}

    private Computed compute(
            long orgId,
            String orgSlug,
            String contactLine,
            UserQuery query,
            Classification classification,
            Supplier<float[]> questionEmbedding,
            TokenSink sink) {
        String message = query.text();
        float[] embedding = questionEmbedding.get();
        var context = new TenantPluginContext(orgId, orgSlug, plugins, retriever, knowledge, embeddings);
        HandlerResult handled = stages.time(
                "handle",
                () -> router.handle(classification, query, context, orgId)
                        .orElse(HandlerResult.retrieve(RetrievalPlan.defaults(DEFAULT_K))));
        List<RetrievedChunk> passages =
                stages.time("retrieve", () -> retrieve(orgId, message, embedding, classification, handled.plan()));
        if (log.isDebugEnabled()) {
            log.debug(
                    "q='{}' domain={} boost={} passages={}",
                    io.cellardoor.privacy.PersonalDataMasker.mask(message),
                    classification.primary(),
                    handled.plan().boostPaths(),
                    passages.stream()
                            .map(p -> "%s[%s f%d v%d %.4f]"
                                    .formatted(
                                            p.path().replaceAll("-[0-9a-f]{8}-.*\\.md$", ""),
                                            p.headingPath(),
                                            p.fullTextRank(),
                                            p.vectorRank(),
                                            p.score()))
                            .toList());
        }
        DirectAnswer direct = handled.directAnswer()
                .filter(d -> d.confidence() >= DIRECT_MIN_CONFIDENCE)
                .orElse(null);
        if (direct != null) {
            AnswerGenerator.stream(direct.text(), sink);
            return new Computed(
                    passages,
                    new GeneratedAnswer(direct.text(), true, direct.sourcePaths(), direct.confidence(), "direct"));
        }
        return new Computed(
                passages,
                stages.time(
                        "generate",
                        () -> generator.generate(
                                new AnswerRequest(
                                        orgId,
                                        message,
                                        query.language(),
                                        passages,
                                        handled.promptContributions(),
                                        contactLine),
                                sink)));
    }

    /**
     * What the pipeline makes of a question, without a conversation, the semantic cache or curated answers (the
     * console's test bench): the guard, the classification, the retrieved passages and the generated answer with its
     * citations. Nothing is stored.
     *
     * @param question the question, 1..2000 characters
     * @throws ApiProblem 400 {@code blank-message}, 413 {@code message-too-long}, 404 for an unknown org
     */
    public DryRun dryRun(long orgId, String question) {
        if (question.isBlank()) {
            throw ApiProblem.blankMessage();
        }
        if (question.length() > MAX_MESSAGE_CHARS) {
            throw ApiProblem.tooLong(question.length(), MAX_MESSAGE_CHARS);
        }
        String slug = tenants.findOrgSlug(orgId).orElseThrow(() -> ApiProblem.notFound("Org " + orgId));
        String message = question.strip();
        UserQuery query = new UserQuery(message, LanguageGuesser.guess(message));
        if (InjectionGuard.isAttempt(message)) {
            return new DryRun(
                    new Classification(PluginApi.GENERAL_DOMAIN, List.of(), List.of(), List.of()),
                    List.of(),
                    new GeneratedAnswer(
                            "I can only help with questions about our wines, visits, club, events and shop.",
                            false,
                            List.of(),
                            1,
                            "guard"),
                    List.of());
        }
        Classification classification = router.classify(query, orgId, slug);
        Computed computed = compute(
                orgId,
                slug,
                tenants.contactLine(orgId),
                query,
                classification,
                () -> embeddings.embed(message),
                token -> {});
        List<Citation> citations =
                computed.answer().answered() ? citations(orgId, computed.answer(), computed.passages()) : List.of();
        return new DryRun(classification, computed.passages(), computed.answer(), citations);
    }

    /**
     * The pipeline's work on one question, see {@link #dryRun}.
     *
     * @param classification every plugin's score and evidence, and the domain chosen
     * @param passages the retrieved chunks, best (fused rank 1) first, with their full-text and vector ranks
     * @param answer the generated answer
     * @param citations the citations the chat would show
     */
    public record DryRun(
            Classification classification,
            List<RetrievedChunk> passages,
            GeneratedAnswer answer,
            List<Citation> citations) {}

    /**
     * Hybrid retrieval weighted by the classification: the primary domain's folders at full weight, related
     * domains' lower by priority, folders of no plugin at half and other domains' lower still.
     */
    List<RetrievedChunk> retrieve(
            long orgId, String message, float[] embedding, Classification classification, RetrievalPlan plan) {
        Map<String, Double> weights = new HashMap<>();
        double otherWeight = 1.0;
        if (classification.claimed()) {
            otherWeight = 0.5;
            for (var d : plugins.descriptors()) {
                plugins.foldersOf(d.id()).forEach(f -> weights.put(f, 0.35));
            }
            List<String> related = classification.related();
            for (int i = related.size() - 1; i >= 0; i--) {
                double w = Math.max(0.5, 0.75 - 0.1 * i);
                plugins.foldersOf(related.get(i)).forEach(f -> weights.put(f, w));
            }
            plugins.foldersOf(classification.primary()).forEach(f -> weights.put(f, 1.0));
        }
        for (var e : plan.domainWeights().entrySet()) {
            plugins.foldersOf(e.getKey()).forEach(f -> weights.put(f, e.getValue()));
        }
        var query = RetrievalQuery.forOrg(orgId)
                .text(keywords.of(orgId, message))
                .embedding(embedding)
                .k(plan.k())
                .weights(weights, otherWeight)
                .boostPaths(plan.boostPaths().stream().limit(MAX_BOOSTED).toList())
                .build();
        return retriever.retrieve(query);
    }

    /**
     * The answer's own sources first; then, for generated answers, other retrieved documents whose best passage
     * scored at least {@value #RELATED_SOURCE_SHARE} of the top passage (a direct answer cites only its facts).
     */
    private List<Citation> citations(long orgId, GeneratedAnswer answer, List<RetrievedChunk> passages) {
        Map<String, Citation> byPath = new LinkedHashMap<>();
        Map<String, RetrievedChunk> bestByPath = new LinkedHashMap<>();
        passages.forEach(p -> bestByPath.putIfAbsent(p.path(), p));
        List<String> paths = new ArrayList<>(answer.sourcePaths());
        if (!answer.generator().equals("direct") && !passages.isEmpty()) {
            double top = passages.get(0).score();
            bestByPath.values().stream()
                    .filter(p -> p.score() >= RELATED_SOURCE_SHARE * top)
                    .forEach(p -> paths.add(p.path()));
        }
        for (String path : paths) {
            if (byPath.size() >= MAX_CITATIONS || byPath.containsKey(path)) {
                continue;
            }
            RetrievedChunk best = bestByPath.get(path);
            documentCitation(orgId, path, best == null ? 0 : best.score()).ifPresent(c -> byPath.put(path, c));
        }
        return List.copyOf(byPath.values());
    }

    /** The citation of one of the org's documents; empty when the org has no document at the path. */
    private java.util.Optional<Citation> documentCitation(long orgId, String path, double score) {
        return knowledge.findDocument(orgId, path).map(doc -> {
            String url = doc.metadata().get("source_url");
            return new Citation(
                    path,
                    doc.title(),
                    plugins.domainOfFolder(doc.folder()),
                    score,
                    url == null || !url.startsWith("https://") ? null : url);
        });
    }
}

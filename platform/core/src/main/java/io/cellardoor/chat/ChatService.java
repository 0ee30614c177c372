package io.cellardoor.chat;

import io.cellardoor.answer.AnswerGenerator;
import io.cellardoor.answer.AnswerRequest;
import io.cellardoor.answer.Citation;
import io.cellardoor.answer.Declines;
import io.cellardoor.answer.GeneratedAnswer;
import io.cellardoor.answer.QuestionCondenser;
import io.cellardoor.answer.TokenSink;
import io.cellardoor.budget.LlmCall;
import io.cellardoor.cache.SemanticCache;
import io.cellardoor.chat.internal.AnswerLinks;
import io.cellardoor.chat.internal.CitationBuilder;
import io.cellardoor.chat.internal.ConversationStore;
import io.cellardoor.chat.internal.ConversationStore.Conversation;
import io.cellardoor.chat.internal.ConversationStore.PastTurn;
import io.cellardoor.chat.internal.FollowUpResolver;
import io.cellardoor.chat.internal.PartAnswers;
import io.cellardoor.chat.internal.PassageRanker;
import io.cellardoor.chat.internal.PassageRetrieval;
import io.cellardoor.chat.internal.QuestionSpelling;
import io.cellardoor.chat.internal.Stages;
import io.cellardoor.chat.internal.TurnAdmission;
import io.cellardoor.curated.CuratedAnswers;
import io.cellardoor.curated.CuratedMatch;
import io.cellardoor.embedding.EmbeddingCall;
import io.cellardoor.embedding.Embeddings;
import io.cellardoor.features.Feature;
import io.cellardoor.guard.GuardVerdict;
import io.cellardoor.guard.QuestionGuard;
import io.cellardoor.knowledge.DocumentReads;
import io.cellardoor.language.LanguageDetector;
import io.cellardoor.language.Phrases;
import io.cellardoor.plugin.Classification;
import io.cellardoor.plugin.DomainScore;
import io.cellardoor.plugin.PluginDomains;
import io.cellardoor.plugin.QueryRouter;
import io.cellardoor.plugin.TenantPluginContext;
import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.Passage;
import io.cellardoor.plugin.api.PluginApi;
import io.cellardoor.plugin.api.RetrievalPlan;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.retrieval.HybridRetriever;
import io.cellardoor.retrieval.RetrievedChunk;
import io.cellardoor.tenant.Site;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.text.ChatShorthand;
import io.cellardoor.text.CorpusStatistics;
import io.cellardoor.web.ApiProblem;
import io.cellardoor.widget.WidgetCaller;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The answer path of one turn, as stages (each a small class with one job, observed by {@link Stages}): load the
 * conversation, guard, detect the language, resolve a follow-up, embed the question once, curated answers and the
 * semantic cache, classify with every plugin, retrieve once, let the routed domain's handler shape the passages (or
 * answer from structured facts), generate, cite, persist. This class only orchestrates. The chat API and the
 * evaluation ({@link #answer}) and the console's test bench ({@link #dryRun}) run the same stages.
 *
 * <p>A stage that fails degrades: a failing plugin leaves the general path, a failing LLM the extractive answer; the
 * visitor always gets an answer.
 */
@Service
public class ChatService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChatService.class);

    /** Longest message accepted, in characters. */
    public static final int MAX_MESSAGE_CHARS = 2000;

    private static final double DIRECT_MIN_CONFIDENCE = 0.5;

    /**
     * The score a domain's classifier gives a rule-resolved follow-up's own words for them to route it away from the
     * conversation's domain: a word the domain is about ("points", "wedding"), not one it shares with others
     * ("bottles", "reserve", "shipping" score 0.25-0.4).
     */
    private static final double OWN_WORDS_CLAIM = 0.5;

    /** Receives a turn's progress: routing first, then answer tokens. */
    public interface Listener extends TokenSink {

        /** Called once, before any token, when the turn has a conversation and a domain. */
        default void routed(UUID conversationId, Classification classification) {}
    }

    private final Stages stages;
    private final ConversationStore conversations;
    private final QuestionGuard guard;
    private final LanguageDetector languages;
    private final FollowUpResolver followUps;
    private final QuestionCondenser condenser;
    private final Embeddings embeddings;
    private final CuratedAnswers curated;
    private final SemanticCache cache;
    private final QueryRouter router;
    private final PassageRetrieval retrieval;
    private final PartAnswers partAnswers;
    private final PassageRanker ranker;
    private final CitationBuilder citations;
    private final TenantService tenants;
    private final PluginContexts contexts;
    private final AnswerLinks links;
    private final TurnAdmission admission;
    private final CorpusStatistics corpus;
    private final QuestionSpelling spelling;

    ChatService(
            Stages stages,
            ConversationStore conversations,
            QuestionGuard guard,
            LanguageDetector languages,
            FollowUpResolver followUps,
            QuestionCondenser condenser,
            Embeddings embeddings,
            CuratedAnswers curated,
            SemanticCache cache,
            QueryRouter router,
            PassageRetrieval retrieval,
            PartAnswers partAnswers,
            PassageRanker ranker,
            CitationBuilder citations,
            TenantService tenants,
            PluginContexts contexts,
            AnswerLinks links,
            TurnAdmission admission,
            CorpusStatistics corpus,
            QuestionSpelling spelling) {
        this.stages = stages;
        this.conversations = conversations;
        this.guard = guard;
        this.languages = languages;
        this.followUps = followUps;
        this.condenser = condenser;
        this.embeddings = embeddings;
        this.curated = curated;
        this.cache = cache;
        this.router = router;
        this.retrieval = retrieval;
        this.partAnswers = partAnswers;
        this.ranker = ranker;
        this.citations = citations;
        this.tenants = tenants;
        this.contexts = contexts;
        this.links = links;
        this.admission = admission;
        this.corpus = corpus;
        this.spelling = spelling;
    }

    /**
     * Checks the message before any work.
     *
     * @throws ApiProblem 400 for a blank message, 413 over 2000 characters
     */
    public static void validate(@Nullable String message) {
        // Blank also when only invisible characters remain (Embeddings.readable).
        if (message == null || !Embeddings.readable(message)) {
            throw ApiProblem.blankMessage();
        }
        if (message.length() > MAX_MESSAGE_CHARS) {
            throw ApiProblem.tooLong(message.length(), MAX_MESSAGE_CHARS);
        }
    }

    /**
     * Answers one turn and stores it.
     *
     * @param site the site the request's key resolved to (once, by the widget API's request filter)
     * @param visitorId the anonymous visitor asking (from a verified visitor token), or null
     * @param listener receives routing and tokens as they happen
     * @throws ApiProblem 400 {@code blank-message}, 413 {@code message-too-long}
     */
    public ChatResponse answer(Site site, @Nullable UUID visitorId, ChatRequest request, Listener listener) {
        validate(request.message());
        return answer(site, visitorId, request, admit(new WidgetCaller(site, visitorId), "en", request), listener);
    }

    /**
     * The stages before a turn's answer path ({@code flags}, {@code quota}, {@code budget}): the features on for the
     * org, its plan and the visitor, economy mode when the org's LLM budget is spent, and the message's count against
     * the plan's quota, which runs meanwhile: the answer path waits for it before it sends, stores or calls a model,
     * and a caller that must refuse before it starts streaming waits for {@link Admission#reservation()}.
     *
     * @param language the visitor's language ({@code en}, {@code es}, {@code fr}) for a refusal's text
     */
    public Admission admit(Site site, @Nullable UUID visitorId, String language) {
        return admit(new WidgetCaller(site, visitorId), language);
    }

    private Admission admit(WidgetCaller caller, String language) {
        Site site = caller.site();
        return admission(
                admission.admit(site.orgId(), site.orgSlug(), caller.visitorId(), true, language, caller.rateLimit()));
    }

    /**
     * As {@link #admit(Site, UUID, String)} for a widget API request, embedding a conversation's first question
     * meanwhile (its text is the turn's question; a later turn may be rewritten against the conversation first): the
     * admission's database round trips, the request's rate limits ({@link WidgetCaller#rateLimit()}, which the count
     * and so the answer wait for) and the embedding overlap instead of adding up before the first token.
     */
    public Admission admit(WidgetCaller caller, String language, ChatRequest request) {
        if (request.conversationId() == null) {
            embeddings.embedQuestionAhead(request.message().strip());
        }
        return admit(caller, language);
    }

    /**
     * Answers one admitted turn and stores it; the admission's message stays counted when the turn is answered and is
     * given back when it is declined or fails.
     *
     * @param admitted what {@link #admit} decided for this turn
     * @throws ApiProblem 400 {@code blank-message}, 413 {@code message-too-long}
     */
    public ChatResponse answer(
            Site site, @Nullable UUID visitorId, ChatRequest request, Admission admitted, Listener listener) {
        validate(request.message());
        try {
            return stages.turn(site, () -> answered(site, visitorId, request, admitted, listener));
        } catch (RuntimeException e) {
            admission.release(admitted.granted());
            throw e;
        }
    }

    private static Admission admission(TurnAdmission.Decision d) {
        return new Admission(
                d.orgId(),
                d.account().plan(),
                d.features(),
                d.reservation(),
                d.budget(),
                d.llm(),
                d.generator(),
                d.condenseModel());
    }

    private ChatResponse answered(
            Site site, @Nullable UUID visitorId, ChatRequest request, Admission admitted, Listener counted) {
        long started = System.nanoTime();
        Listener listener = afterTheCount(admitted, counted);
        String message = request.message().strip();
        Conversation conversation = stages.run(
                "conversation", () -> conversations.open(site.orgId(), site.id(), visitorId, request.conversationId()));
        Turn turn = new Turn(
                site.orgId(),
                site.orgSlug(),
                site.contactLine(),
                message,
                conversation.history(),
                true,
                admitted,
                !Boolean.FALSE.equals(request.cache()));
        SemanticCache.Inputs inputs = cache.inputs(site.orgId()); // before retrieval: what the answer is computed from
        TurnTrace trace = run(turn, conversation.id(), listener);
        GeneratedAnswer answer = links.sanitize(site, trace.answer()); // LLM05: own https links only, no images
        stages.describe(
                trace.classification().primary(),
                answer.generator(),
                answer.model(),
                answer.inputTokens(),
                answer.outputTokens(),
                trace.shortcut().filter("cache"::equals).isPresent());
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        admitted.reservation(); // a turn past the quota stores nothing
        long messageId = stages.run("persist", () -> {
            // A plugin's direct answer is cheap and may depend on the moment ("are you open right now?"): not cached.
            if (trace.shortcut().isEmpty()
                    && answer.answered()
                    && !"direct".equals(answer.generator())
                    && trace.guard().answers()
                    && trace.question().standsAlone()
                    && admitted.has(Feature.SEMANTIC_CACHE)) {
                cache.put(
                        site.orgId(),
                        inputs,
                        trace.question().text(),
                        embeddings.embedQuestion(trace.question().text()),
                        answer.text(),
                        trace.classification().primary(),
                        trace.citations());
            }
            return conversations.save(new ConversationStore.Turn(
                    site.orgId(),
                    site.id(),
                    visitorId,
                    conversation.id(),
                    message,
                    answer.text(),
                    answer.answered(),
                    trace.classification().primary(),
                    answer.generator(),
                    trace.citations(),
                    trace.classification(),
                    answer.confidence(),
                    latencyMs,
                    trace.question().text(),
                    trace.language(),
                    answer.inputTokens(),
                    answer.outputTokens(),
                    answer.model()));
        });
        BigDecimal cost = admission.settle(site.orgId(), admitted.reservation(), admitted.calls(), answer, messageId);
        return new ChatResponse(
                conversation.id(),
                messageId,
                answer.text(),
                answer.answered(),
                trace.classification().primary(),
                trace.citations(),
                new ChatResponse.Usage(
                        answer.generator(), answer.inputTokens(), answer.outputTokens(), latencyMs, cost));
    }

    /**
     * The listener of a turn whose count may still be running: its first event waits for the count, and a turn past the
     * quota fails there (429 {@code quota-exceeded}) before anything reaches the visitor.
     */
    private static Listener afterTheCount(Admission admitted, Listener listener) {
        return new Listener() {
            @Override
            public void routed(UUID conversationId, Classification classification) {
                admitted.reservation(); // once the count is done, a completed future's value
                listener.routed(conversationId, classification);
            }

            @Override
            public void token(String token) {
                admitted.reservation();
                listener.token(token);
            }
        };
    }

    /**
     * What the answer path makes of a question, without a conversation, the semantic cache or curated answers (the
     * console's test bench). Nothing is stored.
     *
     * @param question the question, 1..2000 characters
     * @throws ApiProblem 400 {@code blank-message}, 413 {@code message-too-long}, 404 for an unknown org
     */
    public TurnTrace dryRun(long orgId, String question) {
        validate(question);
        String slug = tenants.findOrgSlug(orgId).orElseThrow(() -> ApiProblem.notFound("Org " + orgId));
        Admission preview =
                admission(admission.admit(orgId, slug, null, false, "en", CompletableFuture.completedFuture(null)));
        Turn turn =
                new Turn(orgId, slug, tenants.contactLine(orgId), question.strip(), List.of(), false, preview, false);
        return run(turn, UUID.randomUUID(), new Listener() {
            @Override
            public void token(String token) {}
        });
    }

    /**
     * One turn's input. {@code live} turns use curated answers and the semantic cache (when the admission's features
     * have them; {@code cache}: false when an admin asked to bypass it).
     */
    private record Turn(
            long orgId,
            String slug,
            String contactLine,
            String message,
            List<PastTurn> history,
            boolean live,
            Admission admission,
            boolean cache) {}

    /** Puts an embeddings API's calls (the question's, a plugin's searches) on the turn's model calls. */
    private static Consumer<EmbeddingCall> embedCalls(Turn turn) {
        return call -> turn.admission()
                .called(new LlmCall(LlmCall.EMBED, call.provider(), call.model(), call.inputTokens(), 0));
    }

    private TurnTrace run(Turn turn, UUID conversationId, Listener listener) {
        GuardVerdict verdict = stages.run("guard", () -> guard.check(turn.message()));
        // Without multilingual retrieval every question is searched and answered as English.
        String language = turn.admission().has(Feature.MULTILINGUAL)
                ? stages.run(
                        "language",
                        () -> languages.detect(
                                verdict.answers() ? verdict.question() : turn.message(),
                                text -> corpus.knownShare(turn.orgId(), text)))
                : "en";
        if (!verdict.answers()) {
            return declined(turn, conversationId, verdict, language, listener);
        }
        // "r u open this wknd?": English chat shorthand spelled out before plugins, shapes and search read the
        // question.
        // "how much for a tastin?": then its misspelt words corrected to the words of the org's pages.
        QuestionSpelling.Corrected spelled = language.equals("en")
                ? stages.run(
                        "spelling", () -> spelling.correct(turn.orgId(), ChatShorthand.spelledOut(verdict.question())))
                : QuestionSpelling.Corrected.asTyped(verdict.question());
        ResolvedQuestion question = stages.run("rewrite", () -> resolve(turn, spelled.text()));
        if (log.isDebugEnabled() && question.followUp()) {
            log.debug("follow-up \"{}\" -> \"{}\" ({})", question.focus(), question.text(), question.rule());
        }
        UserQuery query = new UserQuery(question.text(), language, question.focus());
        // Classifying needs no embedding: the plugins score the question while it is embedded (on a curated or cached
        // answer their scores go unused).
        CompletableFuture<Classification> classifying =
                stages.start("classify", () -> classify(turn, query, question, language));
        // A question asking several things: its parts are classified alone too, meanwhile (a follow-up resolved by the
        // rules is the visitor's words and the earlier turn's: not split).
        CompletableFuture<List<PartAnswers.Asked>> classifyingParts = question.followUp()
                ? CompletableFuture.completedFuture(List.of())
                : stages.start(
                        "split", () -> partAnswers.classify(turn.orgId(), turn.slug(), question.text(), language));
        // An embeddings API's call (not a cache hit, not a model run in process) is one of the turn's model calls.
        float[] embedding = stages.run("embed", () -> embeddings.embedQuestion(question.text(), embedCalls(turn)));
        if (turn.live() && question.standsAlone()) {
            Optional<TurnTrace> shortcut = shortcut(
                    turn, conversationId, verdict, language, spelled.corrections(), question, embedding, listener);
            if (shortcut.isPresent()) {
                return shortcut.get();
            }
        }
        Classification classified = Stages.join(classifying);
        List<RetrievedChunk> retrieved = stages.run(
                "retrieve", () -> retrieval.retrieve(turn.orgId(), question.text(), language, embedding, classified));
        // A question no classifier claimed goes to the domain its best passages come from, when they agree.
        Classification classification = classified.claimed()
                ? classified
                : retrieval
                        .dominantDomain(retrieved)
                        .map(d -> router.routedTo(classified, d))
                        .orElse(classified);
        listener.routed(conversationId, classification);
        // The turn's passages as the plugins see them: the whole question's handler and each part's read the same.
        TenantPluginContext context = contexts.of(turn.orgId(), turn.slug(), retrieved, embedCalls(turn));
        Optional<HandlerResult> handled =
                stages.run("handle", () -> router.handle(classification, query, context, turn.orgId()));
        // A part a handler answers directly alone is answered so, the other parts by the generator.
        List<PartAnswers.Asked> asked = Stages.join(classifyingParts);
        List<PartAnswers.Part> parts = asked.isEmpty()
                ? List.of()
                : stages.run("parts", () -> partAnswers.answer(asked, turn.orgId(), context, DIRECT_MIN_CONFIDENCE));
        RetrievalPlan plan = handled.map(HandlerResult::plan).orElse(RetrievalPlan.defaults(retrieved.size() + 1));
        List<RetrievedChunk> passages = stages.run(
                "rank",
                () -> contexts.withoutInstructions(
                        ranker.rank(turn.orgId(), retrieved, plan, question.text(), embedding, language)));
        GeneratedAnswer answer = stages.run(
                "generate",
                () -> parts.isEmpty()
                        ? generate(turn, question, language, classification, handled, passages, listener)
                        : generateByParts(turn, question, language, classification, passages, parts, listener));
        List<Citation> cited = stages.run("cite", () -> citations.cite(turn.orgId(), answer, passages));
        return new TurnTrace(
                verdict,
                language,
                spelled.corrections(),
                question,
                Optional.empty(),
                classification,
                retrieved,
                handled,
                parts.stream()
                        .filter(p -> p.direct().isPresent())
                        .map(PartAnswers.Part::text)
                        .toList(),
                passages,
                answer,
                cited);
    }

    /**
     * The question's domain: what the plugins' classifiers make of it, else the domain the conversation was in. A
     * follow-up the rules resolved is also classified by the visitor's own words: when another domain claims those
     * clearly ({@value #OWN_WORDS_CLAIM}) and more strongly than the domain the carried words give, it goes there
     * ("can I book it with points?" after the Staatsburg House asks the loyalty program, though the carried words are
     * the house's).
     */
    private Classification classify(Turn turn, UserQuery query, ResolvedQuestion question, String language) {
        Optional<String> carried = question.carriedDomain();
        if (!question.followUp() || question.standsAlone()) {
            Classification c = router.classify(query, turn.orgId(), turn.slug());
            return !c.claimed() && carried.isPresent() ? router.routedTo(c, carried.get()) : c;
        }
        List<Classification> both = router.classifyAll(
                List.of(query, new UserQuery(question.focus(), language, question.focus())), turn.orgId(), turn.slug());
        Classification c = both.get(0);
        Classification own = both.get(1);
        String routed = c.claimed() ? c.primary() : carried.orElse(PluginApi.GENERAL_DOMAIN);
        if (own.claimed()
                && !own.primary().equals(routed)
                && score(own, own.primary()) >= OWN_WORDS_CLAIM
                && score(own, own.primary()) > score(own, routed)) {
            return router.routedTo(c, own.primary());
        }
        return !c.claimed() && carried.isPresent() ? router.routedTo(c, carried.get()) : c;
    }

    private static double score(Classification c, String domain) {
        return c.scores().stream()
                .filter(s -> s.domain().equals(domain))
                .mapToDouble(DomainScore::score)
                .findFirst()
                .orElse(0);
    }

    /** A follow-up resolved by the model when one is configured, else (and when it fails) by the rules. */
    private ResolvedQuestion resolve(Turn turn, String question) {
        if (turn.history().isEmpty()) {
            return followUps.resolve(turn.orgId(), question, turn.history());
        }
        List<AnswerRequest.Exchange> history = exchanges(turn.history());
        if (turn.admission().llm()) {
            turn.admission().reservation(); // no model call for a turn past the quota
        }
        Optional<QuestionCondenser.Condensed> condensed = turn.admission().llm()
                ? condenser.condense(question, history)
                : Optional.empty(); // no model calls for this turn (plan, flag or economy mode): the rules decide
        condensed.ifPresent(c -> turn.admission().condensed(c.inputTokens(), c.outputTokens()));
        return condensed
                .map(c -> c.question().equalsIgnoreCase(question)
                        ? ResolvedQuestion.standalone(question, "the model kept it as it is")
                        : new ResolvedQuestion(
                                c.question(),
                                question,
                                c.question(),
                                ResolvedQuestion.CONDENSED,
                                Optional.of(turn.history().getLast().domain())))
                .orElseGet(() -> followUps.resolve(turn.orgId(), question, turn.history()));
    }

    /** A curated answer, else a cached one, when the question is close enough to one. */
    private Optional<TurnTrace> shortcut(
            Turn turn,
            UUID conversationId,
            GuardVerdict verdict,
            String language,
            List<String> corrections,
            ResolvedQuestion question,
            float[] embedding,
            Listener listener) {
        Optional<CuratedMatch> curatedHit = turn.admission().has(Feature.CURATED_ANSWERS)
                ? stages.run("curated", () -> curated.match(turn.orgId(), question.text(), embedding))
                : Optional.empty();
        if (curatedHit.isPresent()) {
            CuratedMatch c = curatedHit.get();
            List<Citation> cited = c.documentPath() == null
                    ? List.of()
                    : citations
                            .document(turn.orgId(), c.documentPath(), c.similarity())
                            .map(List::of)
                            .orElse(List.of());
            String domain = cited.isEmpty()
                    ? PluginApi.GENERAL_DOMAIN
                    : cited.getFirst().domain();
            GeneratedAnswer answer = new GeneratedAnswer(c.answer(), true, List.of(), c.similarity(), "curated");
            return Optional.of(served(
                    conversationId,
                    verdict,
                    language,
                    corrections,
                    question,
                    "curated",
                    domain,
                    answer,
                    cited,
                    listener));
        }
        Optional<SemanticCache.Hit<Citation>> hit = !turn.admission().has(Feature.SEMANTIC_CACHE)
                ? Optional.empty()
                : turn.cache()
                        ? stages.run(
                                "cache", () -> cache.find(turn.orgId(), question.text(), embedding, Citation.class))
                        : cache.bypassed();
        return hit.map(h -> served(
                conversationId,
                verdict,
                language,
                corrections,
                question,
                "cache",
                h.domain(),
                new GeneratedAnswer(h.answer(), true, List.of(), h.similarity(), "cache"),
                h.citations(),
                listener));
    }

    private TurnTrace served(
            UUID conversationId,
            GuardVerdict verdict,
            String language,
            List<String> corrections,
            ResolvedQuestion question,
            String shortcut,
            String domain,
            GeneratedAnswer answer,
            List<Citation> cited,
            Listener listener) {
        Classification classification = new Classification(domain, List.of(), List.of(), List.of());
        listener.routed(conversationId, classification);
        AnswerGenerator.stream(answer.text(), listener);
        return new TurnTrace(
                verdict,
                language,
                corrections,
                question,
                Optional.of(shortcut),
                classification,
                List.of(),
                Optional.empty(),
                List.of(),
                List.of(),
                answer,
                cited);
    }

    /** The guard's refusal: why, what the org's domains can help with, and how to reach a person. */
    private TurnTrace declined(
            Turn turn, UUID conversationId, GuardVerdict verdict, String language, Listener listener) {
        Classification general = new Classification(PluginApi.GENERAL_DOMAIN, List.of(), List.of(), List.of());
        listener.routed(conversationId, general);
        List<String> scopes = router.scopes(turn.orgId(), turn.slug());
        String help = scopes.isEmpty()
                ? ""
                : " " + Phrases.of(Phrases.Key.CAN_HELP_WITH, language).formatted(joined(scopes));
        String text = Phrases.of(verdict.decline().orElseThrow(), language) + help + " "
                + Declines.contact(language, turn.contactLine());
        AnswerGenerator.stream(text, listener);
        return new TurnTrace(
                verdict,
                language,
                List.of(),
                ResolvedQuestion.standalone(turn.message(), "declined by the guard"),
                Optional.empty(),
                general,
                List.of(),
                Optional.empty(),
                List.of(),
                List.of(),
                new GeneratedAnswer(text, false, List.of(), 1, "guard"),
                List.of());
    }

    private GeneratedAnswer generate(
            Turn turn,
            ResolvedQuestion question,
            String language,
            Classification classification,
            Optional<HandlerResult> handled,
            List<RetrievedChunk> passages,
            Listener listener) {
        Optional<DirectAnswer> direct =
                handled.flatMap(HandlerResult::directAnswer).filter(d -> d.confidence() >= DIRECT_MIN_CONFIDENCE);
        if (direct.isPresent()) {
            DirectAnswer d = direct.get();
            String note = Phrases.of(Phrases.Key.QUOTING_ENGLISH, language);
            String text = note.isEmpty() ? d.text() : note + "\n\n" + d.text();
            AnswerGenerator.stream(text, listener);
            return new GeneratedAnswer(text, true, d.sourcePaths(), d.confidence(), "direct");
        }
        return turn.admission()
                .generator()
                .generate(
                        new AnswerRequest(
                                turn.orgId(),
                                question.text(),
                                question.focus(),
                                language,
                                passages,
                                handled.map(HandlerResult::promptContributions).orElse(List.of()),
                                turn.contactLine(),
                                exchanges(turn.history()),
                                router.displayName(classification.primary()),
                                classification.related().stream()
                                        .map(router::displayName)
                                        .filter(n -> !n.isBlank())
                                        .toList()),
                        listener);
    }

    /**
     * The answer to a question some of whose parts a handler answered directly: those answers first, in the order
     * asked, then the generator's answer to the other parts (carrying the answered ones when one of those refers to
     * them), unless it declines.
     */
    private GeneratedAnswer generateByParts(
            Turn turn,
            ResolvedQuestion question,
            String language,
            Classification classification,
            List<RetrievedChunk> passages,
            List<PartAnswers.Part> parts,
            Listener listener) {
        String note = Phrases.of(Phrases.Key.QUOTING_ENGLISH, language);
        List<DirectAnswer> direct =
                parts.stream().flatMap(p -> p.direct().stream()).distinct().toList();
        StringBuilder text = new StringBuilder(note.isEmpty() ? "" : note + "\n\n");
        text.append(direct.stream().map(DirectAnswer::text).distinct().collect(Collectors.joining("\n\n")));
        AnswerGenerator.stream(text.toString(), listener);
        Set<String> sources = new LinkedHashSet<>();
        direct.forEach(d -> sources.addAll(d.sourcePaths()));
        double confidence =
                direct.stream().mapToDouble(DirectAnswer::confidence).min().orElse(1);
        String unanswered = PartAnswers.unanswered(parts);
        if (unanswered.isBlank()) {
            return new GeneratedAnswer(text.toString(), true, List.copyOf(sources), confidence, "direct");
        }
        // The rest is held back until it is known to answer: a decline of the other parts is no part of the answer.
        StringBuilder rest = new StringBuilder();
        String carried = PartAnswers.carried(parts);
        GeneratedAnswer more = generate(
                turn,
                new ResolvedQuestion(
                        carried.isEmpty() ? unanswered : unanswered + " " + carried,
                        unanswered,
                        carried,
                        question.rule(),
                        question.carriedDomain()),
                language,
                classification,
                Optional.empty(),
                passages,
                new Listener() {
                    @Override
                    public void token(String token) {
                        rest.append(token);
                    }
                });
        String added = more.text().startsWith(note)
                ? more.text().substring(note.length()).strip()
                : more.text();
        // "who's the Vincenza named after and what grapes go into it?": the lines quoted for one part can be those a
        // direct answer to another already gave
        if (!more.answered() || PartAnswers.onlyRepeats(added, text.toString())) {
            return new GeneratedAnswer(
                    text.toString(),
                    true,
                    List.copyOf(sources),
                    confidence,
                    "direct",
                    more.inputTokens(),
                    more.outputTokens(),
                    more.model());
        }
        AnswerGenerator.stream("\n\n" + added, listener);
        text.append("\n\n").append(added);
        sources.addAll(more.sourcePaths());
        return new GeneratedAnswer(
                text.toString(),
                true,
                List.copyOf(sources),
                Math.min(confidence, more.confidence()),
                more.generator(),
                more.inputTokens(),
                more.outputTokens(),
                more.model());
    }

    private static List<AnswerRequest.Exchange> exchanges(List<PastTurn> history) {
        return history.stream()
                .map(t -> new AnswerRequest.Exchange(t.question(), t.answer()))
                .toList();
    }

    private static String joined(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    /**
     * The plugin contexts of a turn and the passages' instruction filter: the two places where retrieved text crosses
     * into plugins and generators.
     */
    @org.springframework.stereotype.Component
    static class PluginContexts {

        private final PluginDomains plugins;
        private final HybridRetriever retriever;
        private final DocumentReads documents;
        private final Embeddings embeddings;
        private final QuestionGuard guard;

        PluginContexts(
                PluginDomains plugins,
                HybridRetriever retriever,
                DocumentReads documents,
                Embeddings embeddings,
                QuestionGuard guard) {
            this.plugins = plugins;
            this.retriever = retriever;
            this.documents = documents;
            this.embeddings = embeddings;
            this.guard = guard;
        }

        /** The narrow context a handler gets for one turn, with the turn's retrieved passages. */
        TenantPluginContext of(
                long orgId, String slug, List<RetrievedChunk> retrieved, Consumer<EmbeddingCall> billed) {
            List<Passage> passages = retrieved.stream()
                    .map(c -> new Passage(
                            c.path(),
                            c.title(),
                            plugins.domainOfFolder(c.folder()),
                            c.headingPath(),
                            c.text(),
                            c.score()))
                    .toList();
            return new TenantPluginContext(orgId, slug, plugins, retriever, documents, embeddings, passages, billed);
        }

        /**
         * The passages without sentences that try to instruct the assistant (a poisoned document changes nothing but
         * its own content).
         */
        List<RetrievedChunk> withoutInstructions(List<RetrievedChunk> passages) {
            return passages.stream().map(this::withoutInstructions).toList();
        }

        private RetrievedChunk withoutInstructions(RetrievedChunk p) {
            String[] lines = p.text().split("\n", -1);
            StringBuilder kept = new StringBuilder();
            boolean changed = false;
            for (String line : lines) {
                StringBuilder keptLine = new StringBuilder();
                for (String sentence : line.split("(?<=[.!?])\\s+")) {
                    if (guard.isInstruction(sentence)) {
                        changed = true;
                    } else {
                        keptLine.append(keptLine.isEmpty() ? "" : " ").append(sentence);
                    }
                }
                kept.append(kept.isEmpty() ? "" : "\n").append(keptLine);
            }
            return changed ? p.withText(kept.toString()) : p;
        }
    }
}

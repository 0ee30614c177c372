package io.cellardoor.curated;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cellardoor.answer.Citation;
import io.cellardoor.audit.AuditLog;
import io.cellardoor.cluster.ClusterEvents;
import io.cellardoor.cluster.ClusterEventsLost;
import io.cellardoor.conversations.ConversationReader;
import io.cellardoor.conversations.TranscriptMessage;
import io.cellardoor.embedding.Embeddings;
import io.cellardoor.embedding.EmbeddingsBilled;
import io.cellardoor.knowledge.KnowledgeStore;
import io.cellardoor.text.DecisiveWords;
import io.cellardoor.web.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The org's curated answers: editors write, edit and delete them (each change recorded in the audit log with the state
 * before and after, in the same transaction); the chat asks {@link #match} first for every question.
 *
 * <p>A chat question matches when the cosine similarity of its embedding (lower-cased, without sentence punctuation:
 * {@link Embeddings#embedQuestion}) with a curated question's is at least {@code cellardoor.curated.min-similarity}
 * (default {@value #DEFAULT_MIN_SIMILARITY}). Measured with all-MiniLM-L6-v2 on questions as embedded: close
 * rewordings score 0.9-0.94 ("when does the tasting room open on Saturday" / "what time does the tasting room open on
 * Saturdays" 0.94, "do you ship wine to Texas" / "can you deliver wine to Texas" 0.90), looser ones 0.67-0.84 ("what
 * time do you open on Saturday" 0.67, "can I buy a gift card" / "do you sell gift cards" 0.82), unrelated questions
 * below 0.5, but a question differing in one decisive word can score as high as a rewording ("... open on Saturday" /
 * "... close on Saturday" 0.94; "... open on Sunday" 0.87). So the default is high: it serves close rewordings only,
 * and an editor covers other phrasings by adding them as curated questions. A question naming another day of the week,
 * month or number than the curated question is no match however close ({@link DecisiveWords}: "... on Sunday" is not
 * "... on Saturday"). The model cannot tell "open" from "close" at this level; a curated answer should therefore answer
 * the whole topic (opening and closing times) when it can.
 */
@Service
public class CuratedAnswers {

    /** Default of {@code cellardoor.curated.min-similarity}. */
    public static final double DEFAULT_MIN_SIMILARITY = 0.9;
    /** Longest question accepted, in characters (as the chat). */
    public static final int MAX_QUESTION_CHARS = 2000;
    /** Longest answer accepted, in characters. */
    public static final int MAX_ANSWER_CHARS = 20_000;

    private final CuratedAnswerStore store;
    private final Embeddings embeddings;
    private final KnowledgeStore knowledge;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final ConversationReader conversations;
    private final ClusterEvents cluster;
    private final double minSimilarity;
    private final ApplicationEventPublisher events;

    /**
     * Whether an org has any curated answer, so that the chat of the many orgs without one skips the look-up:
     * forgotten on every create and delete on any instance ({@link CuratedAnswersChanged}), and after 30 s at the
     * latest (should an instance miss the event).
     */
    private final Cache<Long, Boolean> orgsWithAnswers = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(java.time.Duration.ofSeconds(30))
            .build();

    CuratedAnswers(
            CuratedAnswerStore store,
            Embeddings embeddings,
            KnowledgeStore knowledge,
            AuditLog audit,
            TransactionTemplate tx,
            ObjectMapper json,
            ConversationReader conversations,
            ClusterEvents cluster,
            @Value("${cellardoor.curated.min-similarity:" + DEFAULT_MIN_SIMILARITY + "}") double minSimilarity,
            ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.embeddings = embeddings;
        this.knowledge = knowledge;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
        this.conversations = conversations;
        this.cluster = cluster;
        this.minSimilarity = minSimilarity;
    }

    /** The similarity a chat question needs to get a curated answer, in [-1, 1]. */
    public double minSimilarity() {
        return minSimilarity;
    }

    /** The org's curated answers, most recently changed first. */
    public List<CuratedAnswer> list(long orgId) {
        return store.list(orgId);
    }

    /** One of the org's curated answers. */
    public Optional<CuratedAnswer> find(long orgId, long id) {
        return store.find(orgId, id);
    }

    /**
     * Creates a curated answer.
     *
     * @param actor the editor's username, recorded as approver and in the audit log
     * @throws ApiProblem 400 {@code invalid-curated-answer} for a blank question or answer, 400 {@code unknown-document}
     *     when the cited path is not one of the org's documents, 413 {@code message-too-long} for a question over 2000
     *     or an answer over 20000 characters; nothing is stored
     */
    public CuratedAnswer create(long orgId, String actor, CuratedAnswerInput input) {
        Valid v = validate(orgId, input);
        float[] embedding =
                embeddings.embedQuestion(v.question(), call -> events.publishEvent(new EmbeddingsBilled(orgId, call)));
        CuratedAnswer created = tx.execute(status -> {
            long id = store.insert(orgId, v.question(), embedding, v.answer(), v.documentPath(), actor);
            CuratedAnswer stored = store.find(orgId, id).orElseThrow();
            audit.record(orgId, actor, "curated-answer.created", target(id), null, state(stored));
            return stored;
        });
        cluster.publish(new CuratedAnswersChanged(orgId));
        return created;
    }

    /**
     * Approves the answer a visitor got: a curated answer with the message's question, answer and first citation.
     *
     * @throws ApiProblem 404 when the org has no such message, 400 {@code unanswered-message} when the platform declined
     *     it (write the answer instead), else as {@link #create}
     */
    public CuratedAnswer approveMessage(long orgId, String actor, long messageId) {
        TranscriptMessage message =
                conversations.message(orgId, messageId).orElseThrow(() -> ApiProblem.notFound("Message " + messageId));
        if (!message.answered()) {
            throw ApiProblem.invalid(
                    "unanswered-message",
                    "Message was not answered",
                    "The platform declined this question; write the answer instead of approving it.");
        }
        String path =
                message.citations().stream().map(Citation::path).findFirst().orElse(null);
        return create(orgId, actor, new CuratedAnswerInput(message.question(), message.answer(), path));
    }

    /**
     * Replaces a curated answer's question, answer and citation; the editor becomes its approver; hits are kept.
     *
     * @return the answer as stored, empty when the org has none with this id
     * @throws ApiProblem as {@link #create}
     */
    public Optional<CuratedAnswer> update(long orgId, String actor, long id, CuratedAnswerInput input) {
        Valid v = validate(orgId, input);
        float[] embedding =
                embeddings.embedQuestion(v.question(), call -> events.publishEvent(new EmbeddingsBilled(orgId, call)));
        return tx.execute(status -> {
            Optional<CuratedAnswer> before = store.find(orgId, id);
            if (before.isEmpty()
                    || !store.update(orgId, id, v.question(), embedding, v.answer(), v.documentPath(), actor)) {
                return Optional.<CuratedAnswer>empty();
            }
            CuratedAnswer after = store.find(orgId, id).orElseThrow();
            audit.record(orgId, actor, "curated-answer.updated", target(id), state(before.get()), state(after));
            return Optional.of(after);
        });
    }

    /**
     * Deletes a curated answer.
     *
     * @return false when the org has none with this id
     */
    public boolean delete(long orgId, String actor, long id) {
        try {
            return deleteInTransaction(orgId, actor, id);
        } finally {
            cluster.publish(new CuratedAnswersChanged(orgId));
        }
    }

    private boolean deleteInTransaction(long orgId, String actor, long id) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Optional<CuratedAnswer> before = store.find(orgId, id);
            if (before.isEmpty() || !store.delete(orgId, id)) {
                return false;
            }
            audit.record(orgId, actor, "curated-answer.deleted", target(id), state(before.get()), null);
            return true;
        }));
    }

    /**
     * The curated answer for a chat question, when one is close enough and names no other day, month or number
     * ({@link DecisiveWords}); counts the hit.
     *
     * @param question the question as embedded
     * @param questionEmbedding from {@link Embeddings#embedQuestion}
     */
    public Optional<CuratedMatch> match(long orgId, String question, float[] questionEmbedding) {
        Optional<CuratedMatch> match = peek(orgId, question, questionEmbedding);
        match.ifPresent(m -> store.countHit(orgId, m.id()));
        return match;
    }

    @EventListener
    void onCuratedAnswersChanged(CuratedAnswersChanged event) {
        orgsWithAnswers.invalidate(event.orgId());
    }

    @EventListener
    void onClusterEventsLost(ClusterEventsLost event) {
        orgsWithAnswers.invalidateAll();
    }

    /** As {@link #match}, without counting a hit (the test bench's dry run). */
    public Optional<CuratedMatch> peek(long orgId, String question, float[] questionEmbedding) {
        if (!orgsWithAnswers.get(orgId, store::any)) {
            return Optional.empty();
        }
        return store.closest(orgId, questionEmbedding)
                .filter(m -> m.similarity() >= minSimilarity)
                .filter(m -> !DecisiveWords.contrast(question, m.question()));
    }

    private record Valid(
            String question, String answer, @Nullable String documentPath) {}

    private Valid validate(long orgId, CuratedAnswerInput input) {
        String question = input.question() == null ? "" : input.question().strip();
        String answer = input.answer() == null ? "" : input.answer().strip();
        if (question.isEmpty()
                || answer.isEmpty()
                || question.replaceAll("[?!.,;:\\s]+", "").isEmpty()
                || !Embeddings.readable(question)
                || !Embeddings.readable(answer)) {
            throw ApiProblem.invalid(
                    "invalid-curated-answer",
                    "Invalid curated answer",
                    "A curated answer needs a question and an answer.");
        }
        if (question.length() > MAX_QUESTION_CHARS) {
            throw ApiProblem.tooLong(question.length(), MAX_QUESTION_CHARS);
        }
        if (answer.length() > MAX_ANSWER_CHARS) {
            throw ApiProblem.tooLong(answer.length(), MAX_ANSWER_CHARS);
        }
        String path = input.documentPath() == null || input.documentPath().isBlank()
                ? null
                : input.documentPath().strip();
        if (path != null && knowledge.findDocument(orgId, path).isEmpty()) {
            throw ApiProblem.invalid(
                    "unknown-document", "Unknown document", "The org has no document at '" + path + "' to cite.");
        }
        return new Valid(question, answer, path);
    }

    private static String target(long id) {
        return "curated-answer/" + id;
    }

    private String state(CuratedAnswer a) {
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("question", a.question());
        state.put("answer", a.answer());
        state.put("documentPath", a.documentPath());
        state.put("approvedBy", a.approvedBy());
        return json.writeValueAsString(state);
    }
}

package io.cellardoor.chat.internal;

import io.cellardoor.answer.Citation;
import io.cellardoor.plugin.Classification;
import io.cellardoor.tenant.TenantTransactions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** Conversations and their turns; every statement is filtered by org and runs as that org. */
@Repository
public class ConversationStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TenantTransactions tenant;

    ConversationStore(JdbcClient jdbc, ObjectMapper json, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.json = json;
        this.tenant = tenant;
    }

    /**
     * An earlier turn of a conversation, as the follow-up resolver reads it.
     *
     * @param question the visitor's words
     * @param resolvedQuestion the standalone question the turn was answered as (the question itself when it was not a
     *     follow-up)
     * @param answer the answer given
     * @param answered false when the turn was declined
     * @param domain the domain it was routed to
     * @param citations its citations, best first
     */
    public record PastTurn(
            String question,
            String resolvedQuestion,
            String answer,
            boolean answered,
            String domain,
            List<Citation> citations) {}

    /**
     * A conversation a turn belongs to.
     *
     * @param id its id (new conversations are written with their first turn)
     * @param history its latest turns, oldest first, at most {@link #HISTORY_TURNS}; empty for a new conversation
     */
    public record Conversation(UUID id, List<PastTurn> history) {}

    /** How many earlier turns a turn reads back. */
    public static final int HISTORY_TURNS = 4;

    /**
     * The given conversation with its latest turns when it belongs to the org and site (and, when it has a visitor, to
     * this visitor), else a new conversation for the visitor. Reads only: a new conversation is written with its first
     * turn ({@link #save}), so nothing is committed before the answer starts. Turns are read from the database, so any
     * instance can continue a conversation another started.
     */
    public Conversation open(long orgId, long siteId, @Nullable UUID visitorId, @Nullable UUID requested) {
        if (requested == null) {
            return new Conversation(UUID.randomUUID(), List.of());
        }
        return tenant.inOrg(orgId, () -> {
            boolean exists = jdbc.sql("""
                            SELECT count(*) FROM conversation
                            WHERE id = ? AND org_id = ? AND site_id = ? AND (visitor_id IS NULL OR visitor_id = ?)""")
                            .params(requested, orgId, siteId, visitorId)
                            .query(Integer.class)
                            .single()
                    > 0;
            if (!exists) {
                return new Conversation(UUID.randomUUID(), List.of());
            }
            List<PastTurn> turns = new ArrayList<>(jdbc.sql("""
                            SELECT question, coalesce(resolved_question, question), answer, answered, domain,
                                   citations::text
                            FROM message WHERE conversation_id = ? AND org_id = ?
                            ORDER BY id DESC LIMIT ?""")
                    .params(requested, orgId, HISTORY_TURNS)
                    .query((rs, n) -> new PastTurn(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getBoolean(4),
                            rs.getString(5),
                            citations(rs.getString(6))))
                    .list());
            Collections.reverse(turns);
            return new Conversation(requested, List.copyOf(turns));
        });
    }

    private List<Citation> citations(String array) {
        return List.of(json.readValue(array, Citation[].class));
    }

    /**
     * Stores a visitor's rating of an answer.
     *
     * @return false when no such message exists for the org (or it belongs to another visitor's conversation)
     */
    public boolean rate(long orgId, long messageId, @Nullable UUID visitorId, String rating, @Nullable String comment) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("""
                        UPDATE message m SET feedback = ?, feedback_comment = ?, feedback_at = now()
                        FROM conversation c
                        WHERE m.id = ? AND m.org_id = ? AND c.id = m.conversation_id AND c.org_id = ?
                          AND (c.visitor_id IS NULL OR c.visitor_id = ?)""")
                                .params(rating, comment, messageId, orgId, orgId, visitorId)
                                .update()
                        == 1);
    }

    /**
     * A finished turn to store.
     *
     * @param siteId the site asked, and {@code visitorId} the visitor asking (or null): the conversation's when this
     *     turn starts it
     */
    public record Turn(
            long orgId,
            long siteId,
            @Nullable UUID visitorId,
            UUID conversationId,
            String question,
            String answer,
            boolean answered,
            String domain,
            String generator,
            List<Citation> citations,
            Classification classification,
            double confidence,
            long latencyMs,
            String resolvedQuestion,
            String language,
            int inputTokens,
            int outputTokens,
            @Nullable String model) {}

    /**
     * Stores a turn (and its conversation when the turn starts one) and returns its message id. Committed without
     * waiting for the disk ({@link TenantTransactions#inOrgAsyncCommit}): a crash may lose the last moments of chat
     * history, never an answer's delivery.
     */
    public long save(Turn t) {
        return tenant.inOrgAsyncCommit(t.orgId(), () -> {
            jdbc.sql(
                            "INSERT INTO conversation (id, org_id, site_id, visitor_id) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")
                    .params(t.conversationId(), t.orgId(), t.siteId(), t.visitorId())
                    .update();
            return jdbc.sql("""
                INSERT INTO message (org_id, conversation_id, question, answer, answered, domain, generator, citations,
                                     classification, confidence, latency_ms, resolved_question, language,
                                     input_tokens, output_tokens, model)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(
                            t.orgId(),
                            t.conversationId(),
                            io.cellardoor.privacy.PersonalDataMasker.mask(t.question()),
                            t.answer(),
                            t.answered(),
                            t.domain(),
                            t.generator(),
                            json.writeValueAsString(t.citations()),
                            json.writeValueAsString(t.classification()),
                            t.confidence(),
                            (int) Math.min(Integer.MAX_VALUE, t.latencyMs()),
                            t.resolvedQuestion().equals(t.question())
                                    ? null
                                    : io.cellardoor.privacy.PersonalDataMasker.mask(t.resolvedQuestion()),
                            t.language(),
                            t.inputTokens(),
                            t.outputTokens(),
                            t.model())
                    .query(Long.class)
                    .single();
        });
    }
}

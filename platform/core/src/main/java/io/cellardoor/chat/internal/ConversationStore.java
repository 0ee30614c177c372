package io.cellardoor.chat.internal;

import io.cellardoor.answer.Citation;
import io.cellardoor.plugin.Classification;
import io.cellardoor.tenant.TenantTransactions;
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
     * The given conversation when it belongs to the org and site (and, when it has a visitor, to this visitor), else
     * a new conversation id for the visitor. Reads only: a new conversation is written with its first turn
     * ({@link #save}), so nothing is committed before the answer starts.
     */
    public UUID continueOrStart(long orgId, long siteId, @Nullable UUID visitorId, @Nullable UUID requested) {
        if (requested != null
                && tenant.inOrg(
                                orgId,
                                () -> jdbc.sql("""
                        SELECT count(*) FROM conversation
                        WHERE id = ? AND org_id = ? AND site_id = ? AND (visitor_id IS NULL OR visitor_id = ?)""")
                                        .params(requested, orgId, siteId, visitorId)
                                        .query(Integer.class)
                                        .single())
                        > 0) {
            return requested;
        }
        return UUID.randomUUID();
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
            long latencyMs) {}

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
                                     classification, confidence, latency_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?) RETURNING id""")
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
                            (int) Math.min(Integer.MAX_VALUE, t.latencyMs()))
                    .query(Long.class)
                    .single();
        });
    }
}

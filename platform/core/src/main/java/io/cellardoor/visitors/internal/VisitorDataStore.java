package io.cellardoor.visitors.internal;

import io.cellardoor.tenant.TenantTransactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A visitor's conversations (with messages and feedback) and their erasure; every statement runs as the org. */
@Repository
public class VisitorDataStore {

    /** A stored turn as exported. */
    public record ExportedMessage(
            long id,
            String question,
            String answer,
            boolean answered,
            String domain,
            String generator,
            @Nullable String feedback,
            @Nullable String feedbackComment,
            @Nullable Instant feedbackAt,
            Instant createdAt) {}

    /** A conversation as exported. */
    public record ExportedConversation(
            UUID id, long siteId, @Nullable UUID visitorId, Instant createdAt, List<ExportedMessage> messages) {}

    /** The visitor record (from the widget's session call). */
    public record ExportedVisitor(UUID id, long siteId, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;

    VisitorDataStore(JdbcClient jdbc, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /** The visitors with these ids that the org has. */
    public List<ExportedVisitor> visitors(long orgId, Collection<UUID> visitorIds) {
        if (visitorIds.isEmpty()) {
            return List.of();
        }
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT id, site_id, created_at FROM visitor WHERE org_id = ? AND id = ANY(?)")
                        .params(orgId, visitorIds.toArray(UUID[]::new))
                        .query((rs, n) -> new ExportedVisitor(
                                rs.getObject(1, UUID.class),
                                rs.getLong(2),
                                rs.getTimestamp(3).toInstant()))
                        .list());
    }

    /** The org's conversations of these visitors or with these ids, oldest first, each with its turns. */
    public List<ExportedConversation> conversations(
            long orgId, Collection<UUID> visitorIds, Collection<UUID> conversationIds) {
        return tenant.inOrg(orgId, () -> {
            Map<UUID, ExportedConversation> byId = new LinkedHashMap<>();
            jdbc.sql("""
                            SELECT id, site_id, visitor_id, created_at FROM conversation
                            WHERE org_id = ? AND (visitor_id = ANY(?) OR id = ANY(?)) ORDER BY created_at, id""")
                    .params(orgId, visitorIds.toArray(UUID[]::new), conversationIds.toArray(UUID[]::new))
                    .query((rs, n) -> new ExportedConversation(
                            rs.getObject(1, UUID.class),
                            rs.getLong(2),
                            rs.getObject(3, UUID.class),
                            rs.getTimestamp(4).toInstant(),
                            new ArrayList<>()))
                    .list()
                    .forEach(c -> byId.put(c.id(), c));
            if (byId.isEmpty()) {
                return List.of();
            }
            jdbc.sql("""
                            SELECT conversation_id, id, question, answer, answered, domain, generator, feedback,
                                   feedback_comment, feedback_at, created_at
                            FROM message WHERE org_id = ? AND conversation_id = ANY(?) ORDER BY created_at, id""").params(orgId, byId.keySet().toArray(UUID[]::new)).query(rs -> {
                Timestamp feedbackAt = rs.getTimestamp(10);
                byId.get(rs.getObject(1, UUID.class))
                        .messages()
                        .add(new ExportedMessage(
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getBoolean(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9),
                                feedbackAt == null ? null : feedbackAt.toInstant(),
                                rs.getTimestamp(11).toInstant()));
            });
            return List.copyOf(byId.values());
        });
    }

    /**
     * Erases conversations (their messages and feedback go with them) and visitor records, in one transaction.
     *
     * @return the number of conversations, messages and visitors deleted
     */
    public Erased erase(long orgId, Collection<UUID> conversationIds, Collection<UUID> visitorIds) {
        return tenant.inOrg(orgId, () -> {
            UUID[] conversations = conversationIds.toArray(UUID[]::new);
            int messages = jdbc.sql("DELETE FROM message WHERE org_id = ? AND conversation_id = ANY(?)")
                    .params(orgId, conversations)
                    .update();
            int gone = jdbc.sql("DELETE FROM conversation WHERE org_id = ? AND id = ANY(?)")
                    .params(orgId, conversations)
                    .update();
            int visitors = jdbc.sql("DELETE FROM visitor WHERE org_id = ? AND id = ANY(?)")
                    .params(orgId, visitorIds.toArray(UUID[]::new))
                    .update();
            return new Erased(gone, messages, visitors);
        });
    }

    /** What an erasure deleted. */
    public record Erased(int conversations, int messages, int visitors) {}
}

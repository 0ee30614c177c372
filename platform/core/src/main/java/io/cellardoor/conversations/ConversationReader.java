package io.cellardoor.conversations;

import io.cellardoor.answer.Citation;
import io.cellardoor.plugin.Classification;
import io.cellardoor.plugin.api.PluginApi;
import io.cellardoor.tenant.TenantTransactions;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** Reads the org's conversations and messages (tables {@code conversation}, {@code message}); filtered by org. */
@Repository
public class ConversationReader {

    private static final String MATCHING = """
            SELECT DISTINCT m.conversation_id FROM message m
            WHERE m.org_id = :org AND m.created_at >= :from AND m.created_at < :to
              AND (CAST(:domain AS text) IS NULL OR m.domain = CAST(:domain AS text))
              AND (CAST(:feedback AS text) IS NULL
                   OR (CAST(:feedback AS text) = 'none' AND m.feedback IS NULL)
                   OR m.feedback = CAST(:feedback AS text))
              AND (NOT :unanswered OR NOT m.answered)""";

    private static final String MESSAGE_COLUMNS = """
            id, conversation_id, question, answer, answered, domain, generator, citations::text, classification::text,
            confidence, latency_ms, feedback, feedback_comment, created_at""";

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;
    private final ObjectMapper json;

    ConversationReader(JdbcClient jdbc, ObjectMapper json, TenantTransactions tenant) {
        this.tenant = tenant;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The org's conversations with a message matching the filter, latest activity first. */
    public ConversationPage list(long orgId, ConversationFilter filter) {
        return tenant.inOrg(orgId, () -> {
            long total = bind(jdbc.sql("SELECT count(*) FROM (" + MATCHING + ") x"), orgId, filter)
                    .query(Long.class)
                    .single();
            List<ConversationSummary> items = bind(jdbc.sql("""
                    WITH matching AS (%s)
                    SELECT c.id, c.created_at, max(m.created_at) AS last_at, count(*) AS messages,
                           (array_agg(m.question ORDER BY m.id))[1] AS first_question,
                           array_agg(DISTINCT m.domain) AS domains,
                           count(*) FILTER (WHERE NOT m.answered) AS unanswered,
                           count(*) FILTER (WHERE m.feedback = 'up') AS up,
                           count(*) FILTER (WHERE m.feedback = 'down') AS down
                    FROM matching x
                    JOIN conversation c ON c.id = x.conversation_id AND c.org_id = :org
                    JOIN message m ON m.conversation_id = c.id AND m.org_id = :org
                    GROUP BY c.id, c.created_at
                    ORDER BY last_at DESC, c.id
                    LIMIT :size OFFSET :offset""".formatted(MATCHING)), orgId, filter)
                    .param("size", filter.size())
                    .param("offset", (long) filter.page() * filter.size())
                    .query((rs, n) -> new ConversationSummary(
                            rs.getObject("id", UUID.class),
                            rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("last_at").toInstant(),
                            rs.getInt("messages"),
                            rs.getString("first_question"),
                            strings(rs.getArray("domains")),
                            rs.getInt("unanswered"),
                            rs.getInt("up"),
                            rs.getInt("down")))
                    .list();
            return new ConversationPage(items, filter.page(), filter.size(), total);
        });
    }

    /** One of the org's conversations with its turns, oldest first; empty when the org has none with this id. */
    public Optional<Transcript> transcript(long orgId, UUID id) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("SELECT created_at FROM conversation WHERE org_id = ? AND id = ?")
                    .params(orgId, id)
                    .query(Timestamp.class)
                    .optional()
                    .map(started -> new Transcript(
                            id,
                            started.toInstant(),
                            jdbc.sql(
                                            "SELECT " + MESSAGE_COLUMNS
                                                    + " FROM message WHERE org_id = ? AND conversation_id = ? ORDER BY created_at, id")
                                    .params(orgId, id)
                                    .query((rs, n) -> message(rs))
                                    .list()));
        });
    }

    /** One of the org's messages; empty when the org has none with this id. */
    public Optional<TranscriptMessage> message(long orgId, long messageId) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM message WHERE org_id = ? AND id = ?")
                    .params(orgId, messageId)
                    .query((rs, n) -> message(rs))
                    .optional();
        });
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, long orgId, ConversationFilter f) {
        return sql.param("org", orgId)
                .param("from", Timestamp.from(f.from()))
                .param("to", Timestamp.from(f.to()))
                .param("domain", f.domain())
                .param("feedback", f.feedback())
                .param("unanswered", f.unanswered());
    }

    private TranscriptMessage message(ResultSet rs) throws SQLException {
        return new TranscriptMessage(
                rs.getLong("id"),
                rs.getObject("conversation_id", UUID.class),
                rs.getString("question"),
                rs.getString("answer"),
                rs.getBoolean("answered"),
                rs.getString("domain"),
                rs.getString("generator"),
                citations(rs.getString("citations")),
                classification(rs.getString("classification")),
                rs.getDouble("confidence"),
                rs.getInt("latency_ms"),
                rs.getString("feedback"),
                rs.getString("feedback_comment"),
                rs.getTimestamp("created_at").toInstant());
    }

    private List<Citation> citations(String text) {
        return json.readValue(text, json.getTypeFactory().constructCollectionType(List.class, Citation.class));
    }

    private Classification classification(String text) {
        Classification c = "{}".equals(text.replace(" ", "")) ? null : json.readValue(text, Classification.class);
        return c == null || c.primary() == null
                ? new Classification(PluginApi.GENERAL_DOMAIN, List.of(), List.of(), List.of())
                : c;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(String::valueOf)
                .sorted()
                .toList();
    }
}

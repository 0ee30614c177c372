package io.cellardoor.handoff;

import io.cellardoor.tenant.TenantTransactions;
import io.cellardoor.web.ApiProblem;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Questions visitors leave for a person (from the widget), and the team's inbox of them; filtered by and run as the org. */
@Service
public class HandoffService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int MAX_QUESTION_CHARS = 2000;

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;

    HandoffService(JdbcClient jdbc, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /**
     * Stores a request.
     *
     * @param conversationId the chat it came from; ignored unless it belongs to the org
     * @return the new request's id
     * @throws ApiProblem 400 {@code invalid-email} or {@code blank-message}, 413 for a question over 2000 characters
     */
    public long leave(
            long orgId,
            long siteId,
            @Nullable UUID visitorId,
            @Nullable UUID conversationId,
            @Nullable String question,
            @Nullable String email,
            @Nullable String name) {
        if (email == null
                || email.length() > 254
                || !EMAIL.matcher(email.strip()).matches()) {
            throw ApiProblem.invalid(
                    "invalid-email", "Invalid email address", "Give an email address like name@example.com.");
        }
        if (question == null || question.isBlank()) {
            throw ApiProblem.blankMessage();
        }
        if (question.length() > MAX_QUESTION_CHARS) {
            throw ApiProblem.tooLong(question.length(), MAX_QUESTION_CHARS);
        }
        String cleanName = name == null || name.isBlank()
                ? null
                : name.strip().substring(0, Math.min(200, name.strip().length()));
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("""
                INSERT INTO handoff_request (org_id, site_id, visitor_id, conversation_id, question, email, name)
                VALUES (?, ?, ?, (SELECT id FROM conversation WHERE id = ? AND org_id = ?), ?, ?, ?) RETURNING id""")
                        .params(
                                orgId,
                                siteId,
                                visitorId,
                                conversationId,
                                orgId,
                                question.strip(),
                                email.strip(),
                                cleanName)
                        .query(Long.class)
                        .single());
    }

    /** The org's requests with the given status, newest first, at most {@code limit}. */
    public List<HandoffRequest> inbox(long orgId, String status, int limit) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("""
                SELECT id, conversation_id, question, email, name, status, created_at FROM handoff_request
                WHERE org_id = ? AND status = ? ORDER BY created_at DESC LIMIT ?""")
                        .params(orgId, status, limit)
                        .query((rs, n) -> new HandoffRequest(
                                rs.getLong(1),
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getTimestamp(7).toInstant()))
                        .list());
    }

    /**
     * Marks one of the org's requests resolved (already resolved ones keep their time).
     *
     * @return false when the org has no request with this id
     */
    public boolean resolve(long orgId, long id) {
        return tenant.inOrg(orgId, () -> jdbc.sql("""
                UPDATE handoff_request SET status = 'resolved', resolved_at = coalesce(resolved_at, now())
                WHERE id = ? AND org_id = ?""").params(id, orgId).update() == 1);
    }
}

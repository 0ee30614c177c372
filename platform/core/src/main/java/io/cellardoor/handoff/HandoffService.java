package io.cellardoor.handoff;

import io.cellardoor.privacy.ContactCipher;
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
    private final ContactCipher cipher;

    HandoffService(JdbcClient jdbc, TenantTransactions tenant, ContactCipher cipher) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.cipher = cipher;
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
        ContactCipher.Sealed sealedEmail = cipher.seal(orgId, "email", email.strip());
        String sealedName = cipher.sealNullable(orgId, "name", cleanName);
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("""
                INSERT INTO handoff_request (org_id, site_id, visitor_id, conversation_id, question, email, name,
                                             contact_key_id)
                VALUES (?, ?, ?, (SELECT id FROM conversation WHERE id = ? AND org_id = ?), ?, ?, ?, ?) RETURNING id""")
                        .params(
                                orgId,
                                siteId,
                                visitorId,
                                conversationId,
                                orgId,
                                question.strip(),
                                sealedEmail.value(),
                                sealedName,
                                sealedEmail.keyId())
                        .query(Long.class)
                        .single());
    }

    /** The org's requests with the given status, newest first, at most {@code limit}. */
    public List<HandoffRequest> inbox(long orgId, String status, int limit) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("""
                SELECT id, conversation_id, question, email, name, status, created_at, contact_key_id, visitor_id
                FROM handoff_request
                WHERE org_id = ? AND status = ? ORDER BY created_at DESC LIMIT ?""")
                        .params(orgId, status, limit)
                        .query((rs, n) -> read(orgId, rs))
                        .list());
    }

    /**
     * Every request a visitor left, by visitor id or by email address (compared case-insensitively after opening the
     * sealed addresses), newest first; for data subject requests.
     */
    public List<HandoffRequest> ofVisitor(long orgId, @Nullable UUID visitorId, @Nullable String email) {
        String wanted = email == null ? null : email.strip();
        List<HandoffRequest> all = tenant.inOrg(
                orgId,
                () -> jdbc.sql("""
                SELECT id, conversation_id, question, email, name, status, created_at, contact_key_id, visitor_id
                FROM handoff_request WHERE org_id = ? ORDER BY created_at DESC""")
                        .param(orgId)
                        .query((rs, n) -> read(orgId, rs))
                        .list());
        return all.stream()
                .filter(r -> (visitorId != null && visitorId.equals(r.visitorId()))
                        || (wanted != null && r.email().equalsIgnoreCase(wanted)))
                .toList();
    }

    /**
     * Deletes requests by id (a data subject's erasure).
     *
     * @return how many were deleted
     */
    public int delete(long orgId, List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("DELETE FROM handoff_request WHERE org_id = ? AND id = ANY(?)")
                        .params(orgId, ids.toArray(Long[]::new))
                        .update());
    }

    private HandoffRequest read(long orgId, java.sql.ResultSet rs) throws java.sql.SQLException {
        String keyId = rs.getString(8);
        return new HandoffRequest(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                cipher.openForDisplay(orgId, "email", keyId, rs.getString(4)),
                rs.getString(5) == null ? null : cipher.openForDisplay(orgId, "name", keyId, rs.getString(5)),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                rs.getObject(9, UUID.class));
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

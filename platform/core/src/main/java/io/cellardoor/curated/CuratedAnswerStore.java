package io.cellardoor.curated;

import com.pgvector.PGvector;
import io.cellardoor.tenant.TenantTransactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of table {@code curated_answer}; every statement is filtered by the org it is given. */
@Repository
class CuratedAnswerStore {

    private static final String COLUMNS =
            "id, question, answer, document_path, approved_by, hits, last_hit_at, created_at, updated_at";

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;

    CuratedAnswerStore(JdbcClient jdbc, TenantTransactions tenant) {
        this.tenant = tenant;
        this.jdbc = jdbc;
    }

    List<CuratedAnswer> list(long orgId) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("SELECT " + COLUMNS
                            + " FROM curated_answer WHERE org_id = ? ORDER BY updated_at DESC, id DESC")
                    .param(orgId)
                    .query((rs, n) -> read(rs))
                    .list();
        });
    }

    Optional<CuratedAnswer> find(long orgId, long id) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("SELECT " + COLUMNS + " FROM curated_answer WHERE org_id = ? AND id = ?")
                    .params(orgId, id)
                    .query((rs, n) -> read(rs))
                    .optional();
        });
    }

    long insert(
            long orgId,
            String question,
            float[] embedding,
            String answer,
            @Nullable String documentPath,
            String approvedBy) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("""
                    INSERT INTO curated_answer (org_id, question, embedding, answer, document_path, approved_by)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(orgId, question, new PGvector(embedding), answer, documentPath, approvedBy)
                    .query(Long.class)
                    .single();
        });
    }

    boolean update(
            long orgId,
            long id,
            String question,
            float[] embedding,
            String answer,
            @Nullable String documentPath,
            String approvedBy) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("""
                    UPDATE curated_answer SET question = ?, embedding = ?, answer = ?, document_path = ?, approved_by = ?,
                                              updated_at = now()
                    WHERE org_id = ? AND id = ?""")
                            .params(question, new PGvector(embedding), answer, documentPath, approvedBy, orgId, id)
                            .update()
                    == 1;
        });
    }

    boolean delete(long orgId, long id) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("DELETE FROM curated_answer WHERE org_id = ? AND id = ?")
                            .params(orgId, id)
                            .update()
                    == 1;
        });
    }

    /** Whether the org has at least one curated answer. */
    boolean any(long orgId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT EXISTS (SELECT FROM curated_answer WHERE org_id = ?)")
                        .param(orgId)
                        .query(Boolean.class)
                        .single());
    }

    /** The org's curated answer closest to the embedding, with its cosine similarity; empty when the org has none. */
    Optional<CuratedMatch> closest(long orgId, float[] embedding) {
        return tenant.inOrg(orgId, () -> {
            PGvector vector = new PGvector(embedding);
            return jdbc.sql("""
                            SELECT id, question, answer, document_path, 1 - (embedding <=> ?) AS similarity
                            FROM curated_answer WHERE org_id = ?
                            ORDER BY embedding <=> ?, id LIMIT 1""")
                    .params(vector, orgId, vector)
                    .query((rs, n) -> new CuratedMatch(
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5)))
                    .optional();
        });
    }

    void countHit(long orgId, long id) {
        tenant.runInOrg(orgId, () -> {
            jdbc.sql("UPDATE curated_answer SET hits = hits + 1, last_hit_at = now() WHERE org_id = ? AND id = ?")
                    .params(orgId, id)
                    .update();
        });
    }

    private static CuratedAnswer read(ResultSet rs) throws SQLException {
        Timestamp lastHit = rs.getTimestamp("last_hit_at");
        return new CuratedAnswer(
                rs.getLong("id"),
                rs.getString("question"),
                rs.getString("answer"),
                rs.getString("document_path"),
                rs.getString("approved_by"),
                rs.getLong("hits"),
                lastHit == null ? null : lastHit.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}

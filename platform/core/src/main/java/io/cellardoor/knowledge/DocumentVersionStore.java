package io.cellardoor.knowledge;

import io.cellardoor.tenant.TenantTransactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code kb_document_version}; every statement is filtered by org and runs as that org
 * ({@link TenantTransactions}). Writes join the caller's transaction.
 */
@Repository
class DocumentVersionStore {

    /** The newest version of a path: who wrote it and how. */
    record Head(String author, VersionKind kind) {

        boolean byStaff() {
            return !Change.IMPORT_AUTHOR.equals(author);
        }
    }

    private static final String COLUMNS = "id, path, title, content_hash, author, kind, created_at";

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;

    DocumentVersionStore(JdbcClient jdbc, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    void append(long orgId, String path, String title, String markdown, String hash, Change change) {
        tenant.runInOrg(orgId, () -> {
            jdbc.sql("INSERT INTO kb_document_version (org_id, path, title, content, content_hash, author, kind) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            orgId,
                            path,
                            title,
                            markdown,
                            hash,
                            change.author(),
                            change.kind().code())
                    .update();
        });
    }

    /** Appends a {@code delete} version with the current text of each stored document at these paths. */
    void appendDeletions(long orgId, List<String> paths, String author) {
        tenant.runInOrg(orgId, () -> {
            if (paths.isEmpty()) {
                return;
            }
            jdbc.sql("""
                    INSERT INTO kb_document_version (org_id, path, title, content, content_hash, author, kind)
                    SELECT org_id, path, title, content, content_hash, ?, 'delete' FROM kb_document
                    WHERE org_id = ? AND path = ANY(?)""").params(author, orgId, paths.toArray(String[]::new)).update();
        });
    }

    /** The versions of a path, newest first. */
    List<DocumentVersion> list(long orgId, String path) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("SELECT " + COLUMNS
                            + " FROM kb_document_version WHERE org_id = ? AND path = ? ORDER BY id DESC")
                    .params(orgId, path)
                    .query((rs, n) -> version(rs))
                    .list();
        });
    }

    Optional<DocumentVersion.WithText> find(long orgId, long id) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("SELECT " + COLUMNS + ", content FROM kb_document_version WHERE org_id = ? AND id = ?")
                    .params(orgId, id)
                    .query((rs, n) -> new DocumentVersion.WithText(version(rs), rs.getString("content")))
                    .optional();
        });
    }

    /** The newest version of every path the org has versions of. */
    Map<String, Head> heads(long orgId) {
        return tenant.inOrg(orgId, () -> {
            Map<String, Head> out = new HashMap<>();
            jdbc.sql("SELECT DISTINCT ON (path) path, author, kind FROM kb_document_version WHERE org_id = ? "
                            + "ORDER BY path, id DESC")
                    .param(orgId)
                    .query(rs -> {
                        out.put(rs.getString(1), new Head(rs.getString(2), VersionKind.of(rs.getString(3))));
                    });
            return out;
        });
    }

    /** For every path a folder import wrote: the content hash of the file as last imported. */
    Map<String, String> lastImportedHashes(long orgId) {
        return tenant.inOrg(orgId, () -> {
            Map<String, String> out = new HashMap<>();
            jdbc.sql("SELECT DISTINCT ON (path) path, content_hash FROM kb_document_version "
                            + "WHERE org_id = ? AND kind = 'import' ORDER BY path, id DESC")
                    .param(orgId)
                    .query(rs -> {
                        out.put(rs.getString(1), rs.getString(2));
                    });
            return out;
        });
    }

    /** Documents that are deleted now (newest version a delete, no stored document), newest deletion first. */
    List<DocumentVersion> deleted(long orgId) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("""
                    SELECT * FROM (
                        SELECT DISTINCT ON (v.path) v.id, v.path, v.title, v.content_hash, v.author, v.kind, v.created_at
                        FROM kb_document_version v WHERE v.org_id = ? ORDER BY v.path, v.id DESC) head
                    WHERE head.kind = 'delete'
                      AND NOT EXISTS (SELECT 1 FROM kb_document d WHERE d.org_id = ? AND d.path = head.path)
                    ORDER BY head.id DESC""")
                    .params(orgId, orgId)
                    .query((rs, n) -> version(rs))
                    .list();
        });
    }

    private static DocumentVersion version(ResultSet rs) throws SQLException {
        return new DocumentVersion(
                rs.getLong("id"),
                rs.getString("path"),
                rs.getString("title"),
                rs.getString("content_hash"),
                rs.getString("author"),
                VersionKind.of(rs.getString("kind")),
                rs.getTimestamp("created_at").toInstant());
    }
}

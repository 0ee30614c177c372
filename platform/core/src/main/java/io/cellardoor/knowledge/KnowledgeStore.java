package io.cellardoor.knowledge;

import com.pgvector.PGvector;
import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.KnowledgeDocument;
import io.cellardoor.tenant.TenantTransactions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * SQL for documents and chunks; every statement is filtered by org and runs as that org ({@link TenantTransactions}).
 */
@Repository
public class KnowledgeStore {

    /** A chunk about to be stored: its document path, content, text hash and embedded text. */
    record NewChunk(String path, ParsedDocument.Chunk chunk, String hash, String embeddingText) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ObjectMapper json;
    private final TenantTransactions tenant;

    KnowledgeStore(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.tenant = tenant;
    }

    Map<String, String> documentHashes(long orgId) {
        Map<String, String> out = new HashMap<>();
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("SELECT path, content_hash FROM kb_document WHERE org_id = ?")
                        .param(orgId)
                        .query(rs -> {
                            out.put(rs.getString(1), rs.getString(2));
                        }));
        return out;
    }

    /**
     * Whether some of the org's chunks were embedded by another model than {@code modelId} (chunk hashes carry the
     * model's id; the default model's hashes have none).
     */
    boolean hasChunksOfAnotherModel(long orgId, String modelId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("""
                                SELECT EXISTS (SELECT 1 FROM kb_chunk WHERE org_id = ? AND
                                  CASE WHEN ? = '' THEN position(':' IN content_hash) > 0
                                       ELSE NOT starts_with(content_hash, ? || ':') END)""")
                        .params(orgId, modelId, modelId)
                        .query(Boolean.class)
                        .single());
    }

    Map<String, PGvector> embeddingsByHash(long orgId, List<String> hashes) {
        Map<String, PGvector> out = new HashMap<>();
        if (hashes.isEmpty()) {
            return out;
        }
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("SELECT DISTINCT ON (content_hash) content_hash, embedding::text FROM kb_chunk "
                                + "WHERE org_id = ? AND content_hash = ANY(?)")
                        .params(orgId, hashes.toArray(String[]::new))
                        .query(rs -> {
                            out.put(rs.getString(1), new PGvector(rs.getString(2)));
                        }));
        return out;
    }

    long upsertDocument(long orgId, ParsedDocument doc, String hash) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("""
                INSERT INTO kb_document (org_id, path, title, folder, content, plain_text, metadata, content_hash, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, now())
                ON CONFLICT (org_id, path) DO UPDATE SET title = excluded.title, folder = excluded.folder,
                    content = excluded.content, plain_text = excluded.plain_text, metadata = excluded.metadata,
                    content_hash = excluded.content_hash, updated_at = now()
                RETURNING id""")
                        .params(
                                orgId,
                                doc.path(),
                                doc.title(),
                                doc.folder(),
                                doc.markdown(),
                                doc.plainText(),
                                json.writeValueAsString(doc.metadata()),
                                hash)
                        .query(Long.class)
                        .single());
    }

    void replaceChunks(
            long orgId, long documentId, ParsedDocument doc, List<NewChunk> chunks, Map<String, PGvector> vectors) {
        tenant.runInOrg(orgId, () -> {
            jdbc.sql("DELETE FROM kb_chunk WHERE org_id = ? AND document_id = ?")
                    .params(orgId, documentId)
                    .update();
            insertChunks(orgId, documentId, doc, chunks, vectors);
        });
    }

    private void insertChunks(
            long orgId, long documentId, ParsedDocument doc, List<NewChunk> chunks, Map<String, PGvector> vectors) {
        template.batchUpdate("""
                INSERT INTO kb_chunk (org_id, document_id, folder, ordinal, heading_path, content, content_hash, embedding, tsv)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?,
                        setweight(to_tsvector('english', ? || ' ' || ?), 'A') || setweight(to_tsvector('english', ?), 'B'))""", chunks, 256, (ps, c) -> {
            ps.setLong(1, orgId);
            ps.setLong(2, documentId);
            ps.setString(3, doc.folder());
            ps.setInt(4, c.chunk().ordinal());
            ps.setString(5, c.chunk().headingPath());
            ps.setString(6, c.chunk().text());
            ps.setString(7, c.hash());
            ps.setObject(8, vectors.get(c.hash()));
            ps.setString(9, doc.title());
            ps.setString(10, c.chunk().headingPath());
            ps.setString(11, c.chunk().text());
        });
    }

    void deleteDocuments(long orgId, List<String> paths) {
        if (!paths.isEmpty()) {
            tenant.runInOrg(
                    orgId,
                    () -> jdbc.sql("DELETE FROM kb_document WHERE org_id = ? AND path = ANY(?)")
                            .params(orgId, paths.toArray(String[]::new))
                            .update());
        }
    }

    /** The document at a path in the org, with its folder (not yet mapped to a domain). */
    public Optional<StoredDocument> findDocument(long orgId, String path) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql(
                                "SELECT path, title, folder, plain_text, metadata::text FROM kb_document WHERE org_id = ? AND path = ?")
                        .params(orgId, path)
                        .query((rs, n) -> new StoredDocument(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                readMap(rs.getString(5))))
                        .optional());
    }

    /** Paths and titles of the org's documents in the given folders, in path order. */
    public List<DocumentSummary> listDocuments(long orgId, List<String> folders) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT path, title FROM kb_document WHERE org_id = ? AND folder = ANY(?) ORDER BY path")
                        .params(orgId, folders.toArray(String[]::new))
                        .query((rs, n) -> new DocumentSummary(rs.getString(1), rs.getString(2)))
                        .list());
    }

    /** Plain text of every chunk of the org (for corpus statistics), one string per chunk. */
    public List<String> chunkTexts(long orgId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT d.title || ' ' || c.heading_path || ' ' || c.content FROM kb_chunk c "
                                + "JOIN kb_document d ON d.id = c.document_id WHERE c.org_id = ?")
                        .param(orgId)
                        .query(String.class)
                        .list());
    }

    /** Every document of the org with what an editor's list shows, in path order. */
    public List<DocumentInfo> listAllDocuments(long orgId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT path, title, folder, updated_at FROM kb_document WHERE org_id = ? ORDER BY path")
                        .param(orgId)
                        .query((rs, n) -> new DocumentInfo(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant()))
                        .list());
    }

    /** The markdown of the document at a path in the org as imported, with its content hash. */
    public Optional<DocumentSource> findSource(long orgId, String path) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql(
                                "SELECT path, title, content, content_hash FROM kb_document WHERE org_id = ? AND path = ?")
                        .params(orgId, path)
                        .query((rs, n) ->
                                new DocumentSource(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        .optional());
    }

    /** The stored document, locking its row until the transaction ends; empty when absent. */
    Optional<DocumentSource> lockDocument(long orgId, String path) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql(
                                "SELECT path, title, content, content_hash FROM kb_document WHERE org_id = ? AND path = ? FOR UPDATE")
                        .params(orgId, path)
                        .query((rs, n) ->
                                new DocumentSource(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        .optional());
    }

    /** Deletes one document and (by cascade) its chunks. */
    void deleteDocument(long orgId, String path) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("DELETE FROM kb_document WHERE org_id = ? AND path = ?")
                        .params(orgId, path)
                        .update());
    }

    /** Plain text of every document of the org, documents whose path mentions "contact" first. */
    List<String> plainTextsContactFirst(long orgId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT plain_text FROM kb_document WHERE org_id = ? "
                                + "ORDER BY (path ILIKE '%contact%') DESC, path")
                        .param(orgId)
                        .query(String.class)
                        .list());
    }

    /** Number of documents the org has. */
    public int documentCount(long orgId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT count(*) FROM kb_document WHERE org_id = ?")
                        .param(orgId)
                        .query(Integer.class)
                        .single());
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> readMap(String text) {
        return json.readValue(text, Map.class);
    }

    /**
     * A document in an editor's list.
     *
     * @param path path relative to the knowledge folder
     * @param title title
     * @param folder normalised top folder (mapped to a domain by the plugins)
     * @param updatedAt when its content last changed
     */
    public record DocumentInfo(String path, String title, String folder, java.time.Instant updatedAt) {}

    /**
     * A document's markdown as imported.
     *
     * @param path path relative to the knowledge folder
     * @param title title
     * @param markdown the markdown
     * @param contentHash sha-256 of the markdown; an edit names it to detect concurrent changes
     */
    public record DocumentSource(String path, String title, String markdown, String contentHash) {}

    /**
     * A stored document.
     *
     * @param path path relative to the knowledge folder
     * @param title title
     * @param folder normalised top folder
     * @param plainText plain text
     * @param metadata front-matter fields
     */
    public record StoredDocument(
            String path, String title, String folder, String plainText, Map<String, String> metadata) {

        /** As the plugin API's document, with the domain its folder maps to. */
        public KnowledgeDocument toKnowledgeDocument(String domain) {
            return new KnowledgeDocument(path, title, domain, plainText, metadata);
        }
    }
}

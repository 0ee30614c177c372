package io.cellardoor.retrieval;

import com.pgvector.PGvector;
import io.cellardoor.tenant.TenantTransactions;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SQL the keyword index is derived by: an org's position in the chunk change outbox (migration V26), the changes
 * after a position with the changed chunks as they are now, and every chunk of the org for a rebuild. Every statement
 * runs as the org, under row-level security: a chunk that moved to another org reads as gone.
 */
@Repository
class ChunkChanges {

    /** Where an org's outbox stands: its last change id and the epoch of its counter. */
    record Head(long lastChange, String epoch) {}

    /** A change and the chunk it names as it is now; {@code chunk} is null when the chunk is gone from the org. */
    record Change(long changeId, long chunkId, @Nullable IndexedChunk chunk) {}

    /**
     * What the keyword index holds of a chunk.
     *
     * @param embedding the chunk's embedding when the index holds embeddings (small tenants), else null
     */
    record IndexedChunk(
            long id,
            long documentId,
            String path,
            String folder,
            String title,
            String headingPath,
            String content,
            float @Nullable [] embedding) {}

    /** The columns an {@link IndexedChunk} is read from, starting with the chunk id; the embedding only when asked. */
    private static final String COLUMNS = "c.id, c.document_id, d.path, c.folder, d.title, c.heading_path, c.content, "
            + "CASE WHEN ? THEN c.embedding::text END";

    private static IndexedChunk chunk(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
        String embedding = rs.getString(first + 7);
        return new IndexedChunk(
                rs.getLong(first),
                rs.getLong(first + 1),
                rs.getString(first + 2),
                rs.getString(first + 3),
                rs.getString(first + 4),
                rs.getString(first + 5),
                rs.getString(first + 6),
                embedding == null ? null : new PGvector(embedding).toArray());
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TenantTransactions tenant;
    private final TransactionTemplate snapshot;

    ChunkChanges(
            JdbcClient jdbc,
            DataSource dataSource,
            TenantTransactions tenant,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(2000);
        this.tenant = tenant;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /**
     * The org's outbox position. The counter row is created (at 0) when the org never changed a chunk, so that the
     * epoch an index is built against stays the same when the first change comes.
     */
    Head head(long orgId) {
        return tenant.inOrg(orgId, () -> {
            Head head = currentHead(orgId);
            if (head != null) {
                return head;
            }
            jdbc.sql("INSERT INTO kb_chunk_change_seq (org_id, last_change) VALUES (?, 0) ON CONFLICT DO NOTHING")
                    .param(orgId)
                    .update();
            return java.util.Objects.requireNonNull(currentHead(orgId));
        });
    }

    private @Nullable Head currentHead(long orgId) {
        return jdbc.sql("SELECT last_change, epoch::text FROM kb_chunk_change_seq WHERE org_id = ?")
                .param(orgId)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElse(null);
    }

    /** The chunk id a change named, when the outbox still holds it. */
    @Nullable
    Long chunkOf(long orgId, long changeId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT chunk_id FROM kb_chunk_change WHERE org_id = ? AND change_id = ?")
                        .params(orgId, changeId)
                        .query(Long.class)
                        .optional()
                        .orElse(null));
    }

    /**
     * Up to {@code limit} changes after {@code after}, in order, each with its chunk as it is now.
     *
     * @param embeddings whether the chunks carry their embeddings
     */
    List<Change> since(long orgId, long after, int limit, boolean embeddings) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT ch.change_id, ch.chunk_id, " + COLUMNS + """

                        FROM kb_chunk_change ch
                        LEFT JOIN kb_chunk c ON c.id = ch.chunk_id AND c.org_id = ch.org_id
                        LEFT JOIN kb_document d ON d.id = c.document_id AND d.org_id = ch.org_id
                        WHERE ch.org_id = ? AND ch.change_id > ?
                        ORDER BY ch.change_id
                        LIMIT ?""")
                        .params(embeddings, orgId, after, limit)
                        .query((rs, n) -> {
                            rs.getLong(3);
                            IndexedChunk chunk = rs.wasNull() || rs.getString(7) == null ? null : chunk(rs, 3);
                            return new Change(rs.getLong(1), rs.getLong(2), chunk);
                        })
                        .list());
    }

    /**
     * Every chunk of the org, streamed from one snapshot, and the outbox position of that snapshot: a rebuild from
     * these chunks has applied every change up to the returned head.
     *
     * @param embeddings whether the chunks carry their embeddings
     */
    Head everyChunk(long orgId, boolean embeddings, Consumer<IndexedChunk> sink) {
        Head[] at = {head(orgId)}; // creates the counter row outside the snapshot
        snapshot.executeWithoutResult(status -> tenant.runInOrg(orgId, () -> {
            at[0] = java.util.Objects.requireNonNull(currentHead(orgId));
            streaming.query(
                    "SELECT " + COLUMNS + """

                    FROM kb_chunk c JOIN kb_document d ON d.id = c.document_id AND d.org_id = c.org_id
                    WHERE c.org_id = ?""",
                    rs -> {
                        sink.accept(chunk(rs, 1));
                    },
                    embeddings,
                    orgId);
        }));
        return at[0];
    }

    /** Deletes the org's applied changes older than {@code retention}, always keeping the last one. */
    int prune(long orgId, Duration retention) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("""
                        DELETE FROM kb_chunk_change
                        WHERE org_id = ? AND changed_at < now() - make_interval(secs => ?)
                          AND change_id < (SELECT last_change FROM kb_chunk_change_seq WHERE org_id = ?)""")
                        .params(orgId, (double) retention.toSeconds(), orgId)
                        .update());
    }

    /** Counts the org's chunks. */
    int chunkCount(long orgId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT count(*) FROM kb_chunk WHERE org_id = ?")
                        .param(orgId)
                        .query(Integer.class)
                        .single());
    }
}

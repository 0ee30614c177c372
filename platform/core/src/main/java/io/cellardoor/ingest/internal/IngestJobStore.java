package io.cellardoor.ingest.internal;

import io.cellardoor.ingest.IngestJob;
import io.cellardoor.knowledge.ImportReport;
import io.cellardoor.tenant.TenantTransactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** The {@code ingest_job} rows of an org (row-level security), and the cross-org sweep of stalled jobs. */
@Component
public class IngestJobStore {

    private static final String COLUMNS = """
            id, source, requested_by, status, files_total, files_done, added, updated, unchanged, failures::text,
            error, created_at, started_at, finished_at""";

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;
    private final ObjectMapper json;

    IngestJobStore(JdbcClient jdbc, TenantTransactions tenant, ObjectMapper json) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.json = json;
    }

    public void insert(long orgId, UUID id, String source, String requestedBy) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql(
                                "INSERT INTO ingest_job (id, org_id, source, requested_by, status) VALUES (?, ?, ?, ?, 'queued')")
                        .params(id, orgId, source, requestedBy)
                        .update());
    }

    public void started(long orgId, UUID id) {
        update(
                orgId,
                id,
                "UPDATE ingest_job SET status = 'running', started_at = now(), heartbeat_at = now() WHERE id = ?");
    }

    public void progress(long orgId, UUID id, int done, int total) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql(
                                "UPDATE ingest_job SET files_done = ?, files_total = ?, heartbeat_at = now() WHERE id = ?")
                        .params(done, total, id)
                        .update());
    }

    public void heartbeat(long orgId, UUID id) {
        update(orgId, id, "UPDATE ingest_job SET heartbeat_at = now() WHERE id = ? AND status = 'running'");
    }

    public void succeeded(
            long orgId,
            UUID id,
            int total,
            int added,
            int updated,
            int unchanged,
            List<ImportReport.Failure> failures) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("""
                                UPDATE ingest_job SET status = 'succeeded', finished_at = now(), files_total = ?,
                                    files_done = ?, added = ?, updated = ?, unchanged = ?, failures = ?::jsonb
                                WHERE id = ?""")
                        .params(total, total, added, updated, unchanged, json.writeValueAsString(failures), id)
                        .update());
    }

    public void failed(long orgId, UUID id, String error) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("UPDATE ingest_job SET status = 'failed', finished_at = now(), error = ? WHERE id = ?")
                        .params(error, id)
                        .update());
    }

    public Optional<IngestJob> find(long orgId, UUID id) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT " + COLUMNS + " FROM ingest_job WHERE id = ?")
                        .param(id)
                        .query(this::job)
                        .optional());
    }

    public List<IngestJob> recent(long orgId, int limit) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT " + COLUMNS
                                + " FROM ingest_job WHERE org_id = ? ORDER BY created_at DESC LIMIT ?")
                        .params(orgId, limit)
                        .query(this::job)
                        .list());
    }

    /** Marks every org's jobs whose heartbeat stopped this many seconds ago as failed; returns how many. */
    public long failStalled(long seconds) {
        return jdbc.sql("SELECT cellardoor_fail_stalled_ingest_jobs(make_interval(secs => ?))")
                .param((double) seconds)
                .query(Long.class)
                .single();
    }

    private void update(long orgId, UUID id, String sql) {
        tenant.runInOrg(orgId, () -> jdbc.sql(sql).param(id).update());
    }

    private IngestJob job(ResultSet rs, int n) throws SQLException {
        return new IngestJob(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getInt(7),
                rs.getInt(8),
                rs.getInt(9),
                json.readValue(
                        rs.getString(10),
                        json.getTypeFactory().constructCollectionType(List.class, ImportReport.Failure.class)),
                rs.getString(11),
                instant(rs.getTimestamp(12)),
                instant(rs.getTimestamp(13)),
                instant(rs.getTimestamp(14)));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

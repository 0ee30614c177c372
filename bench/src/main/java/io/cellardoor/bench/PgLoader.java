package io.cellardoor.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Bulk-loads documents and chunks into the real schema ({@code kb_document}, {@code kb_chunk}, as created by the
 * app's migrations) the way a bulk import would: secondary indexes of {@code kb_chunk} dropped, rows COPYed (chunks
 * through an unlogged staging table, so {@code tsv} is computed by the same expression as {@code KnowledgeStore}),
 * then every dropped index re-created from its own definition, each timed, and {@code VACUUM ANALYZE}.
 */
final class PgLoader implements AutoCloseable {

    /** Index names and definitions, in build order: btree, then GIN, then HNSW. */
    record IndexDef(String name, String definition, String method) {}

    /** Seconds per step, and sizes in bytes afterwards. */
    record Result(
            double copySeconds,
            double tsvInsertSeconds,
            Map<String, Double> indexSeconds,
            double vacuumSeconds,
            long tableBytes,
            long tableWithToastBytes,
            Map<String, Long> indexBytes,
            long documentTableBytes,
            String maintenanceWorkMem,
            int parallelWorkers,
            double prewarmSeconds) {

        double totalSeconds() {
            return copySeconds
                    + tsvInsertSeconds
                    + indexSeconds.values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum()
                    + vacuumSeconds
                    + prewarmSeconds;
        }

        double hnswSeconds() {
            return indexSeconds.getOrDefault("kb_chunk_embedding_idx", 0.0);
        }

        long hnswBytes() {
            return indexBytes.getOrDefault("kb_chunk_embedding_idx", 0L);
        }

        long totalBytes() {
            return tableWithToastBytes
                    + indexBytes.values().stream().mapToLong(Long::longValue).sum()
                    + documentTableBytes;
        }
    }

    private final Db config;
    private final Connection db;
    private final List<IndexDef> indexes;

    PgLoader(Db config) throws SQLException {
        this.config = config;
        this.db = config.connect();
        this.indexes = secondaryIndexes(db);
        if (indexes.stream().noneMatch(i -> i.method().equals("hnsw"))) {
            throw new IllegalStateException("kb_chunk has no HNSW index; recreate the benchmark database "
                    + "(bash deploy/local/postgres.sh recreate-db " + "cellardoor_bench) and run again");
        }
    }

    /** The HNSW index definition, for the report. */
    String hnswDefinition() {
        return indexes.stream()
                .filter(i -> i.method().equals("hnsw"))
                .map(IndexDef::definition)
                .findFirst()
                .orElse("");
    }

    /** Creates an org and returns its id. */
    long createOrg(String slug) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("INSERT INTO org (slug, name) VALUES ('" + slug + "', 'Benchmark " + slug
                        + "') ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Highest document and chunk ids in use, so new rows can take ids after them. */
    long[] maxIds() throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT (SELECT coalesce(max(id), 0) FROM kb_document), (SELECT coalesce(max(id), 0) FROM kb_chunk)")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /**
     * Loads what the producer emits ({@code (orgId, doc)} pairs) and rebuilds the indexes.
     *
     * @param maintenanceWorkMem session {@code maintenance_work_mem} for the index builds, e.g. {@code 1GB}
     */
    Result load(Consumer<Sink> producer, String maintenanceWorkMem) throws Exception {
        db.setAutoCommit(true);
        try (Statement st = db.createStatement()) {
            // A bulk load like a restore: the chunk change outbox (V26) is not written; the keyword indexes are
            // rebuilt from the loaded rows afterwards.
            st.execute("ALTER TABLE kb_chunk DISABLE TRIGGER USER");
            for (IndexDef i : indexes) {
                st.execute("DROP INDEX IF EXISTS " + i.name());
            }
            st.execute("DROP TABLE IF EXISTS bench_chunk_stage");
            st.execute("""
                    CREATE UNLOGGED TABLE bench_chunk_stage (id bigint, org_id bigint, document_id bigint, folder text,
                        ordinal int, heading_path text, content text, content_hash text, embedding vector(384), title text)""");
        }
        long t0 = System.nanoTime();
        try (CopyStream docs = new CopyStream(
                        db,
                        "COPY kb_document (id, org_id, path, title, folder, content, plain_text, "
                                + "content_hash) FROM STDIN");
                Connection second = secondConnection();
                CopyStream chunks = new CopyStream(second, "COPY bench_chunk_stage FROM STDIN")) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            producer.accept((orgId, d) -> {
                String content = d.content();
                docs.row(d.id(), orgId, d.path(), d.title(), d.folder(), content, content, hex(sha, content));
                for (SyntheticCorpus.Chunk c : d.chunks()) {
                    chunks.row(
                            c.id(),
                            orgId,
                            d.id(),
                            d.folder(),
                            c.ordinal(),
                            c.headingPath(),
                            c.text(),
                            hex(sha, c.text()),
                            vector(c.embedding()),
                            d.title());
                }
            });
            docs.end();
            chunks.end();
        }
        double copy = seconds(t0);
        t0 = System.nanoTime();
        try (Statement st = db.createStatement()) {
            st.execute("""
                    INSERT INTO kb_chunk (id, org_id, document_id, folder, ordinal, heading_path, content, content_hash, embedding,
                                          tsv, tsv_simple)
                    OVERRIDING SYSTEM VALUE
                    SELECT id, org_id, document_id, folder, ordinal, heading_path, content, content_hash, embedding,
                           setweight(to_tsvector('english', title || ' ' || heading_path), 'A')
                           || setweight(to_tsvector('english', content), 'B'),
                           setweight(to_tsvector('cellardoor_simple', title || ' ' || heading_path), 'A')
                           || setweight(to_tsvector('cellardoor_simple', content), 'B')
                    FROM bench_chunk_stage""");
            st.execute("DROP TABLE bench_chunk_stage");
            st.execute("ALTER TABLE kb_chunk ENABLE TRIGGER USER");
            // What a bulk load that bypasses the outbox must do (docs/decisions/0027): a new epoch for every org, so
            // each instance's keyword index is rebuilt instead of trusting its position.
            st.execute("UPDATE kb_chunk_change_seq SET epoch = gen_random_uuid()");
            for (String table : List.of("org", "kb_document", "kb_chunk")) {
                st.execute("SELECT setval(pg_get_serial_sequence('" + table
                        + "', 'id'), (SELECT greatest(coalesce(max(id), 0), 1) FROM " + table + "))");
            }
        }
        double insert = seconds(t0);
        Map<String, Double> indexSeconds = new LinkedHashMap<>();
        int workers;
        try (Statement st = db.createStatement()) {
            st.execute("SET maintenance_work_mem = '" + maintenanceWorkMem + "'");
            workers = Integer.parseInt(scalar(st, "SHOW max_parallel_maintenance_workers"));
            for (IndexDef i : indexes) {
                long t = System.nanoTime();
                st.execute(i.definition());
                indexSeconds.put(i.name(), seconds(t));
            }
            st.execute("RESET maintenance_work_mem");
        }
        t0 = System.nanoTime();
        try (Statement st = db.createStatement()) {
            st.execute("VACUUM ANALYZE kb_document");
            st.execute("VACUUM ANALYZE kb_chunk");
        }
        double vacuum = seconds(t0);
        t0 = System.nanoTime();
        try (Statement st = db.createStatement()) {
            // As deploy/local/postgres.sh does at start: the HNSW and text indexes in shared_buffers.
            if ("t".equals(scalar(st, "SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'pg_prewarm')"))) {
                st.execute("""
                        SELECT pg_prewarm(c.oid) FROM pg_class c
                        WHERE c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'kb_chunk'::regclass)
                           OR c.oid = 'kb_chunk'::regclass""");
            }
        }
        double prewarm = seconds(t0);
        Map<String, Long> indexBytes = new LinkedHashMap<>();
        long table;
        long tableToast;
        long docTable;
        try (Statement st = db.createStatement()) {
            table = Long.parseLong(scalar(st, "SELECT pg_relation_size('kb_chunk')"));
            tableToast = Long.parseLong(scalar(st, "SELECT pg_table_size('kb_chunk')"));
            docTable = Long.parseLong(scalar(st, "SELECT pg_total_relation_size('kb_document')"));
            try (ResultSet rs = st.executeQuery("""
                    SELECT i.relname, pg_relation_size(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                    WHERE x.indrelid = 'kb_chunk'::regclass ORDER BY i.relname""")) {
                while (rs.next()) {
                    indexBytes.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return new Result(
                copy,
                insert,
                indexSeconds,
                vacuum,
                table,
                tableToast,
                indexBytes,
                docTable,
                maintenanceWorkMem,
                workers,
                prewarm);
    }

    /** Receives documents to load. */
    interface Sink {
        void doc(long orgId, SyntheticCorpus.Doc doc);
    }

    /** A second session for the concurrent COPY of chunks. */
    private Connection secondConnection() throws SQLException {
        return config.connect();
    }

    Connection connection() {
        return db;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }

    private static List<IndexDef> secondaryIndexes(Connection db) throws SQLException {
        List<IndexDef> out = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("""
                SELECT i.relname, pg_get_indexdef(i.oid), am.amname
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam
                WHERE x.indrelid = 'kb_chunk'::regclass
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
                ORDER BY CASE am.amname WHEN 'btree' THEN 0 WHEN 'gin' THEN 1 ELSE 2 END, i.relname""")) {
            while (rs.next()) {
                out.add(new IndexDef(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return List.copyOf(out);
    }

    static String vector(float[] v) {
        StringBuilder sb = new StringBuilder(v.length * 11);
        sb.append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(v[i]);
        }
        return sb.append(']').toString();
    }

    private static String hex(MessageDigest sha, String text) {
        return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** A COPY ... FROM STDIN in text format, fed row by row and sent in 1 MiB pieces. */
    private static final class CopyStream implements AutoCloseable {
        private final CopyIn copy;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 21);
        private final StringBuilder line = new StringBuilder(8192);

        CopyStream(Connection c, String sql) throws SQLException {
            this.copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        }

        void row(Object... cells) {
            line.setLength(0);
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    line.append('\t');
                }
                escape(String.valueOf(cells[i]), line);
            }
            line.append('\n');
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            buffer.write(bytes, 0, bytes.length);
            if (buffer.size() >= 1 << 20) {
                flush();
            }
        }

        private void flush() {
            try {
                byte[] b = buffer.toByteArray();
                copy.writeToCopy(b, 0, b.length);
                buffer.reset();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void end() throws SQLException {
            flush();
            copy.endCopy();
        }

        @Override
        public void close() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }

        private static void escape(String s, StringBuilder out) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
    }
}

package io.cellardoor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The benchmark database: {@code CELLARDOOR_DB_URL} (default the local cluster's {@code cellardoor_bench}),
 * {@code CELLARDOOR_DB_USER} and {@code CELLARDOOR_DB_PASSWORD}. The benchmarks delete every org in it, so the
 * database name must contain "bench".
 */
record Db(String url, String user, String password) {

    static Db fromEnvironment() {
        String url = env("CELLARDOOR_DB_URL", "jdbc:postgresql://127.0.0.1:55432/cellardoor_bench");
        Db db = new Db(url, env("CELLARDOOR_DB_USER", "cellardoor"), env("CELLARDOOR_DB_PASSWORD", "cellardoor"));
        String name = db.name();
        if (!name.contains("bench")) {
            throw new IllegalArgumentException("the benchmarks wipe their database; CELLARDOOR_DB_URL must name a database "
                    + "whose name contains 'bench' (got '" + name + "'); create one with: bash deploy/local/postgres.sh "
                    + "recreate-db cellardoor_bench");
        }
        return db;
    }

    /** The database name from the JDBC URL. */
    String name() {
        String rest = url.replaceFirst("^jdbc:postgresql://[^/]*/?", "");
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Spring properties for the benchmark's own context: the app's datasource settings. */
    Map<String, Object> springProperties() {
        return Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", user,
                "spring.datasource.password", password,
                "spring.datasource.hikari.maximum-pool-size", "10",
                // As in platform/app's application.yml: complete filtered HNSW scans, ef_search 400.
                "spring.datasource.hikari.connection-init-sql", "SET hnsw.iterative_scan = relaxed_order; SET hnsw.ef_search = " + ScaleBench.EF,
                "spring.flyway.locations", "classpath:db/migration",
                "spring.main.banner-mode", "off",
                "logging.level.root", "warn",
                "logging.level.ai.djl", "error");
    }

    /**
     * Removes every org and, by cascade, all knowledge, conversations and caches, then analyzes, so the planner does
     * not keep the statistics of a previous run's million rows (which can switch on JIT compilation for every query).
     */
    static void wipe(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN IF to_regclass('public.org') IS NOT NULL THEN EXECUTE 'TRUNCATE org CASCADE'; END IF; END $$");
            analyze(c);
        }
    }

    /** {@code ANALYZE} of the whole database, as autovacuum would do soon after an import. */
    static void analyze(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE");
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}

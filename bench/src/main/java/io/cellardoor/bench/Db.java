package io.cellardoor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The benchmark database: {@code CELLARDOOR_DB_URL} (default the local cluster's {@code cellardoor_bench}), the owner
 * {@code CELLARDOOR_DB_USER} / {@code _PASSWORD} (migrations, bulk loading with COPY, wiping, ANALYZE) and the runtime
 * role {@code CELLARDOOR_DB_APP_USER} / {@code _PASSWORD} (the app's own queries, under row-level security as in
 * production). The benchmarks delete every org in it, so the database name must contain "bench".
 */
record Db(String url, String user, String password, String appUser, String appPassword) {

    static Db fromEnvironment() {
        String url = env("CELLARDOOR_DB_URL", "jdbc:postgresql://127.0.0.1:55432/cellardoor_bench");
        Db db = new Db(
                url,
                env("CELLARDOOR_DB_USER", "cellardoor"),
                env("CELLARDOOR_DB_PASSWORD", "cellardoor"),
                env("CELLARDOOR_DB_APP_USER", "cellardoor_app"),
                env("CELLARDOOR_DB_APP_PASSWORD", "cellardoor_app"));
        String name = db.name();
        if (!name.contains("bench")) {
            throw new IllegalArgumentException(
                    "the benchmarks wipe their database; CELLARDOOR_DB_URL must name a database "
                            + "whose name contains 'bench' (got '" + name
                            + "'); create one with: bash deploy/local/postgres.sh "
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

    /** A connection as the owner (not subject to row-level security). */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * Spring properties for the benchmark's own context: the app's datasource settings, so the measured queries run as
     * the runtime role with the org set per transaction, as in production; Flyway migrates as the owner.
     */
    Map<String, Object> springProperties() {
        return Map.ofEntries(
                Map.entry("spring.datasource.url", url),
                Map.entry("spring.datasource.username", appUser),
                Map.entry("spring.datasource.password", appPassword),
                Map.entry("spring.flyway.user", user),
                Map.entry("spring.flyway.password", password),
                Map.entry("spring.flyway.placeholders.app_role", appUser),
                Map.entry("spring.datasource.hikari.maximum-pool-size", "10"),
                // As in platform/app's application.yml: complete filtered HNSW scans, ef_search 400, custom plans.
                Map.entry(
                        "spring.datasource.hikari.connection-init-sql",
                        "SET hnsw.iterative_scan = relaxed_order; SET hnsw.ef_search = " + ScaleBench.EF
                                + "; SET hnsw.max_scan_tuples = 20000; SET plan_cache_mode = force_custom_plan"),
                Map.entry("spring.flyway.locations", "classpath:db/migration"),
                Map.entry("spring.main.banner-mode", "off"),
                Map.entry("logging.level.root", "warn"),
                // As in platform/app: metrics are not pushed over OTLP (no collector listens on localhost:4318).
                Map.entry("management.otlp.metrics.export.enabled", "false"),
                Map.entry("logging.level.ai.djl", "error"));
    }

    /**
     * Removes every org and, by cascade, all knowledge, conversations and caches, then analyzes, so the planner does
     * not keep the statistics of a previous run's million rows (which can switch on JIT compilation for every query).
     */
    static void wipe(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(
                    "DO $$ BEGIN IF to_regclass('public.org') IS NOT NULL THEN EXECUTE 'TRUNCATE org CASCADE'; END IF; END $$");
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

package io.cellardoor.app;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own next to the test database (same server, name {@code <test database>_<tag>_<random>}), for
 * tests that need an empty or a restored one. Dropped on {@link #close()}. Statements run as the tables' owner
 * ({@code CELLARDOOR_DB_USER}, which may create databases on the local cluster; template1 carries the extensions).
 */
final class ScratchDatabase implements AutoCloseable {

    static final String URL = env("CELLARDOOR_DB_URL", "jdbc:postgresql://127.0.0.1:55432/cellardoor");
    static final String OWNER = env("CELLARDOOR_DB_USER", "cellardoor");
    static final String OWNER_PASSWORD = env("CELLARDOOR_DB_PASSWORD", "cellardoor");

    final String name;
    final String url;

    private ScratchDatabase(String name) {
        this.name = name;
        this.url = URL.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    /** A name for a database that does not exist yet (for tools that create it themselves). */
    static ScratchDatabase named(String tag) {
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return new ScratchDatabase(
                testDatabase() + "_" + tag + "_" + HexFormat.of().formatHex(random));
    }

    /** A new empty database (from template1) owned by the owner. */
    static ScratchDatabase create(String tag) {
        ScratchDatabase db = named(tag);
        owner(URL).sql("CREATE DATABASE " + db.name).update();
        return db;
    }

    /** The test database's name, from {@code CELLARDOOR_DB_URL}. */
    static String testDatabase() {
        return URL.replaceFirst("^jdbc:postgresql://[^/]+/", "").replaceFirst("\\?.*$", "");
    }

    /** SQL as the owner in this database. */
    JdbcClient asOwner() {
        return owner(url);
    }

    /**
     * Drops the database. The owner may end only its own sessions, so a session of another role that is still closing
     * (an application context's pool just shut down) is waited for, up to ten seconds.
     */
    @Override
    public void close() {
        for (int attempt = 1; ; attempt++) {
            try {
                owner(URL)
                        .sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
                        .update();
                return;
            } catch (org.springframework.dao.DataAccessException e) {
                if (attempt >= 20) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static JdbcClient owner(String url) {
        return JdbcClient.create(new DriverManagerDataSource(url, OWNER, OWNER_PASSWORD));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

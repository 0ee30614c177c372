package io.cellardoor.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own for a test that stops and starts its database: initdb into a temporary folder with
 * the machine's PostgreSQL binaries (the newest under {@code /usr/lib/postgresql}, as {@code deploy/local/postgres.sh}
 * installs them, with pgvector), on a free port, with the project's owner and runtime roles and one database with
 * {@code vector} and {@code pg_trgm}. Never the team's shared cluster. Run as root, the server runs as the OS user
 * {@code postgres}.
 */
final class ThrowawayPostgres implements AutoCloseable {

    final int port;
    private final Path bin;
    private final Path root;
    private final Path data;
    private final boolean root_user = "root".equals(System.getProperty("user.name"));

    private ThrowawayPostgres(Path bin, Path root, int port) {
        this.bin = bin;
        this.root = root;
        this.data = root.resolve("data");
        this.port = port;
    }

    /** Creates, starts and prepares the cluster. */
    static ThrowawayPostgres start() {
        try {
            Path bin = newestBin();
            Path root = Files.createTempDirectory("cellardoor-outage-pg");
            ThrowawayPostgres pg = new ThrowawayPostgres(bin, root, freePort());
            if (pg.root_user) {
                pg.run(List.of("chown", "postgres:postgres", root.toString()), false);
                pg.run(List.of("chmod", "755", root.toString()), false);
            }
            pg.runAsPg(List.of(
                    bin.resolve("initdb").toString(),
                    "-D",
                    pg.data.toString(),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8"));
            pg.startServer();
            pg.psql("postgres", """
                    CREATE ROLE cellardoor LOGIN PASSWORD 'cellardoor';
                    CREATE ROLE cellardoor_app LOGIN PASSWORD 'cellardoor_app' NOSUPERUSER NOBYPASSRLS;
                    CREATE DATABASE cellardoor OWNER cellardoor;""");
            pg.psql("cellardoor", """
                    CREATE EXTENSION IF NOT EXISTS vector;
                    CREATE EXTENSION IF NOT EXISTS pg_trgm;
                    GRANT CREATE ON SCHEMA public TO cellardoor;""");
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL of its database. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/cellardoor";
    }

    /** Starts the server (again) and waits until it accepts connections. */
    void startServer() {
        runAsPg(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                root.resolve("postgres.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p " + port + " -k " + root + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start"));
    }

    /** Stops the server at once (fast shutdown: open transactions roll back, sessions are cut). */
    void stopServer() {
        runAsPg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
    }

    /** Runs each line of {@code sql} as its own statement (CREATE DATABASE may not run in a transaction block). */
    void psql(String database, String sql) {
        List<String> command = new ArrayList<>(List.of(
                bin.resolve("psql").toString(),
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                root.toString(),
                "-p",
                Integer.toString(port),
                "-U",
                "postgres",
                "-d",
                database));
        sql.lines().filter(l -> !l.isBlank()).forEach(l -> {
            command.add("-c");
            command.add(l);
        });
        runAsPg(command);
    }

    @Override
    public void close() {
        try {
            stopServer();
        } catch (RuntimeException e) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the OS cleans it
        }
    }

    private void runAsPg(List<String> command) {
        List<String> full = new ArrayList<>();
        if (root_user) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, true);
    }

    private void run(List<String> command, boolean inRoot) {
        try {
            Process p = new ProcessBuilder(command)
                    .directory(inRoot ? root.toFile() : null)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path newestBin() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(
                            b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException(
                            "no PostgreSQL under /usr/lib/postgresql (deploy/local/postgres.sh start installs it)"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

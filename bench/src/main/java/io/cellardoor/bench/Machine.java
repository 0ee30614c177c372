package io.cellardoor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Facts about the machine a benchmark ran on, for the report's header. */
record Machine(
        int cores,
        String cpu,
        long memoryMiB,
        String os,
        String jdk,
        String postgres,
        String pgvector,
        String postgresSettings,
        String commit) {

    /** The load average (1, 5, 15 minutes) right now, as /proc/loadavg prints it. */
    static String loadAverage() {
        return read("/proc/loadavg")
                .map(s -> String.join(" ", List.of(s.trim().split("\\s+")).subList(0, 3)))
                .orElse("n/a");
    }

    /** The 1-minute load average, or -1 when unknown. */
    static double loadAverage1() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static Machine describe(Connection db, Path root) {
        String cpu = read("/proc/cpuinfo")
                .flatMap(s -> s.lines().filter(l -> l.startsWith("model name")).findFirst())
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse(System.getProperty("os.arch"));
        long mem = read("/proc/meminfo")
                .flatMap(s -> s.lines().filter(l -> l.startsWith("MemTotal:")).findFirst())
                .map(l -> Long.parseLong(l.replaceAll("\\D+", "")) / 1024)
                .orElse(-1L);
        String os = read("/etc/os-release")
                .flatMap(
                        s -> s.lines().filter(l -> l.startsWith("PRETTY_NAME=")).findFirst())
                .map(l -> l.substring(12).replace("\"", ""))
                .orElse(System.getProperty("os.name"));
        String jdk = System.getProperty("java.vm.vendor", "") + " " + System.getProperty("java.runtime.version", "");
        String pg = "n/a";
        String vector = "n/a";
        List<String> settings = new ArrayList<>();
        if (db != null) {
            try (Statement st = db.createStatement()) {
                pg = scalar(st, "SHOW server_version");
                vector = scalar(
                        st, "SELECT coalesce((SELECT extversion FROM pg_extension WHERE extname = 'vector'), 'n/a')");
                for (String s : List.of("shared_buffers", "work_mem", "max_parallel_maintenance_workers", "jit")) {
                    settings.add(s + "=" + scalar(st, "SHOW " + s));
                }
            } catch (Exception e) {
                pg = "unknown (" + e.getMessage() + ")";
            }
        }
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                cpu,
                mem,
                os,
                jdk.trim(),
                pg,
                vector,
                String.join(", ", settings),
                commit(root));
    }

    /** One line for the report. */
    String line() {
        return "%d cores (%s), %.1f GiB RAM, %s; %s; PostgreSQL %s + pgvector %s on the same machine (%s); commit %s"
                .formatted(cores, cpu, memoryMiB / 1024.0, os, jdk, postgres, pgvector, postgresSettings, commit);
    }

    private static String scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String commit(Path root) {
        try {
            Process p = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() != 0 || out.isEmpty()) {
                return "n/a";
            }
            Process dirty = new ProcessBuilder(
                            "git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true)
                    .start();
            boolean modified = !new String(dirty.getInputStream().readAllBytes()).isBlank();
            dirty.waitFor();
            return out + (modified ? " (with local changes)" : "");
        } catch (IOException | InterruptedException e) {
            return "n/a";
        }
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Resident set size of a process in MiB (VmRSS), or -1 when it cannot be read. */
    static long rssMiB(long pid) {
        return read("/proc/" + pid + "/status")
                .flatMap(s -> s.lines().filter(l -> l.startsWith("VmRSS:")).findFirst())
                .map(l -> Long.parseLong(l.replaceAll("\\D+", "")) / 1024)
                .orElse(-1L);
    }
}

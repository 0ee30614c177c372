package io.cellardoor.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code COMMAND [--name value]...}; unknown options are refused. */
record Options(String command, Map<String, String> values, List<String> args) {

    static final Set<String> COMMON = Set.of("root", "out", "plots", "knowledge", "questions");

    static Options parse(String[] args, Map<String, Set<String>> allowedByCommand) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing command");
        }
        String command = args[0];
        Set<String> allowed = allowedByCommand.get(command);
        if (allowed == null) {
            throw new IllegalArgumentException("unknown command '" + command + "'");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + a + "'");
            }
            String name = a.substring(2);
            if (!allowed.contains(name) && !COMMON.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " for " + command);
            }
            values.put(name, args[++i]);
        }
        return new Options(command, values, List.of(args));
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int getInt(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name).replace("_", "")) : fallback;
    }

    List<Integer> getInts(String name, List<Integer> fallback) {
        if (!values.containsKey(name)) {
            return fallback;
        }
        List<Integer> out = new ArrayList<>();
        Arrays.stream(values.get(name).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .forEach(s -> out.add(Integer.parseInt(
                        s.replace("_", "").toLowerCase().replace("k", "000").replace("m", "000000"))));
        return out;
    }

    Path root() {
        return Path.of(get("root", ".")).toAbsolutePath().normalize();
    }

    Path out() {
        return values.containsKey("out")
                ? Path.of(values.get("out")).toAbsolutePath()
                : root().resolve("docs/benchmarks.md");
    }

    Path plots() {
        return values.containsKey("plots")
                ? Path.of(values.get("plots")).toAbsolutePath()
                : root().resolve("docs/bench");
    }

    Path knowledge() {
        return values.containsKey("knowledge")
                ? Path.of(values.get("knowledge")).toAbsolutePath().normalize()
                : sharedData().resolve("milea-knowledge").normalize();
    }

    Path questions() {
        return values.containsKey("questions")
                ? Path.of(values.get("questions")).toAbsolutePath().normalize()
                : sharedData().resolve("vineyard-qa-dev.jsonl").normalize();
    }

    /** The shared real data: CELLARDOOR_SHARED_DATA (set by the launcher), else ../shared/data beside the root. */
    private Path sharedData() {
        String env = System.getenv("CELLARDOOR_SHARED_DATA");
        return env == null || env.isBlank() ? root().resolve("../shared/data") : Path.of(env);
    }

    /** Where the bench keeps caches and logs: bench/target under the root. */
    Path work() {
        return root().resolve("bench/target/bench-work");
    }
}

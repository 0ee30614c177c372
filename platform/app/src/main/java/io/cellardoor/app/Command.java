package io.cellardoor.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: a sub-command and its options, turned into Spring properties.
 *
 * @param name {@code serve}, {@code ingest}, {@code eval} or {@code migrate}
 * @param properties properties the options set
 * @param web whether the command runs the HTTP server
 * @param springArgs remaining arguments passed to Spring ({@code --key=value} overrides)
 */
record Command(String name, Map<String, Object> properties, boolean web, String[] springArgs) {

    static final String USAGE = """
            usage: cellardoor serve  [--knowledge DIR] [--port N]
                   cellardoor ingest --dir DIR [--org SLUG]
                   cellardoor eval   --knowledge DIR --questions FILE.jsonl[,FILE.jsonl] [--conversations FILE.jsonl]
                                     [--split tune|report|all] [--out FILE.jsonl]
                   cellardoor migrate   (apply the database migrations, then exit)""";

    /** Throws IllegalArgumentException on an unknown command or a missing required option. */
    static Command parse(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        String name = !rest.isEmpty() && !rest.get(0).startsWith("--") ? rest.remove(0) : "serve";
        Map<String, Object> props = new HashMap<>();
        List<String> spring = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (a.startsWith("--") && a.contains("=")) {
                spring.add(a);
            } else if (a.startsWith("--") && i + 1 < rest.size()) {
                options.put(a.substring(2), rest.get(++i));
            } else {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
        }
        props.put("cellardoor.command", name);
        switch (name) {
            case "serve" -> {
                take(options, "knowledge", "cellardoor.bootstrap.knowledge", props, false);
                take(options, "port", "server.port", props, false);
            }
            case "ingest" -> {
                take(options, "dir", "cellardoor.ingest.dir", props, true);
                props.put("cellardoor.ingest.org", options.getOrDefault("org", "demo"));
                options.remove("org");
            }
            case "eval" -> {
                take(options, "knowledge", "cellardoor.eval.knowledge", props, true);
                if (!options.containsKey("questions") && !options.containsKey("conversations")) {
                    throw new IllegalArgumentException("--questions or --conversations is required");
                }
                take(options, "questions", "cellardoor.eval.questions", props, false);
                take(options, "conversations", "cellardoor.eval.conversations", props, false);
                take(options, "out", "cellardoor.eval.out", props, false);
                String split = options.getOrDefault("split", "all");
                io.cellardoor.app.eval.EvalSplit.parse(split);
                options.remove("split");
                props.put("cellardoor.eval.split", split);
                props.put("server.port", "0");
                // One client asks every question: the per-visitor rate limit would throttle the run, not a visitor.
                props.put("cellardoor.widget.visitor-requests-per-minute", "100000");
                props.put("logging.level.root", "warn");
            }
            case "migrate" -> {
                // Runs even where replicas are told not to migrate (CELLARDOOR_DB_MIGRATE=false shares their env).
                props.put("spring.flyway.enabled", "true");
            }
            default -> throw new IllegalArgumentException("unknown command '" + name + "'");
        }
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) for " + name + ": " + options.keySet());
        }
        return new Command(
                name, props, !name.equals("ingest") && !name.equals("migrate"), spring.toArray(String[]::new));
    }

    private static void take(
            Map<String, String> options, String option, String property, Map<String, Object> props, boolean required) {
        String value = options.remove(option);
        if (value != null) {
            boolean path = !option.equals("port");
            props.put(property, path ? absolutePaths(value) : value);
        } else if (required) {
            throw new IllegalArgumentException("--" + option + " is required");
        }
    }

    /** Each of a comma-separated list of paths made absolute (the command may run from another folder). */
    private static String absolutePaths(String value) {
        return java.util.Arrays.stream(value.split(","))
                .map(p -> java.nio.file.Path.of(p.strip())
                        .toAbsolutePath()
                        .normalize()
                        .toString())
                .collect(java.util.stream.Collectors.joining(","));
    }
}

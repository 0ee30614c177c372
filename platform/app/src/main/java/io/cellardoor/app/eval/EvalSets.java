package io.cellardoor.app.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads evaluation sets: JSON lines of single questions ({@code id, kind, question, answerable, domain, sources,
 * must_contain, tags}) and of conversations ({@code id, turns: [{user, sources, must_contain, answerable}], tags}).
 */
final class EvalSets {

    /** A multi-turn conversation; its turns are asked in order in one chat conversation. */
    record Conversation(String id, List<EvalCase> turns) {}

    private final ObjectMapper json;

    EvalSets(ObjectMapper json) {
        this.json = json;
    }

    /** The single questions of a file in the split, in file order. */
    List<EvalCase> questions(Path file, EvalSplit split) throws IOException {
        List<EvalCase> cases = new ArrayList<>();
        for (JsonNode n : lines(file)) {
            String id = n.path("id").asString();
            if (split.contains(id)) {
                cases.add(new EvalCase(
                        id,
                        n.path("kind").asString(n.path("answerable").asBoolean() ? "answerable" : "unanswerable"),
                        n.path("question").asString(),
                        n.path("answerable").asBoolean(),
                        n.path("domain").asString("about"),
                        strings(n.path("sources")),
                        patterns(n.path("must_contain")),
                        language(strings(n.path("tags"))),
                        0));
            }
        }
        return cases;
    }

    /** The conversations of a file in the split, in file order. */
    List<Conversation> conversations(Path file, EvalSplit split) throws IOException {
        List<Conversation> conversations = new ArrayList<>();
        for (JsonNode n : lines(file)) {
            String id = n.path("id").asString();
            if (!split.contains(id)) {
                continue;
            }
            String language = language(strings(n.path("tags")));
            List<EvalCase> turns = new ArrayList<>();
            int i = 0;
            for (JsonNode t : n.path("turns")) {
                boolean answerable = t.path("answerable").asBoolean(true);
                turns.add(new EvalCase(
                        id + "#" + (i + 1),
                        answerable ? "answerable" : "unanswerable",
                        t.path("user").asString(),
                        answerable,
                        t.path("domain").asString(""),
                        strings(t.path("sources")),
                        patterns(t.path("must_contain")),
                        language,
                        i));
                i++;
            }
            conversations.add(new Conversation(id, turns));
        }
        return conversations;
    }

    private List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                nodes.add(json.readTree(line));
            }
        }
        return nodes;
    }

    /** {@code es} for a {@code lang-es} tag, {@code fr} for {@code lang-fr} or {@code french}, else {@code en}. */
    static String language(List<String> tags) {
        for (String tag : tags) {
            String t = tag.toLowerCase(Locale.ROOT);
            if (t.startsWith("lang-")) {
                return t.substring(5);
            }
            if (t.equals("french")) {
                return "fr";
            }
            if (t.equals("spanish")) {
                return "es";
            }
        }
        return "en";
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(s -> out.add(s.asString()));
        return out;
    }

    private static List<Pattern> patterns(JsonNode array) {
        List<Pattern> out = new ArrayList<>();
        array.forEach(s -> out.add(Pattern.compile(s.asString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        return out;
    }
}

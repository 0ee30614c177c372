package io.cellardoor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The dev questions ({@code vineyard-qa-dev.jsonl}): id, question, whether answerable, the files that answer it. */
record Questions(List<Case> cases) {

    /**
     * @param language ISO 639-1 code from the case's tags ({@code lang-es}, {@code french}...), {@code en} otherwise
     */
    record Case(String id, String question, boolean answerable, List<String> sources, String language) {}

    static Questions read(Path file) throws Exception {
        ObjectMapper json = JsonMapper.builder().build();
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            List<String> sources = new ArrayList<>();
            n.path("sources").forEach(s -> sources.add(s.asString()));
            String language = "en";
            for (JsonNode tag : n.path("tags")) {
                String t = tag.asString();
                if (t.startsWith("lang-")) {
                    language = t.substring(5);
                } else if (t.equals("french")) {
                    language = "fr";
                } else if (t.equals("spanish")) {
                    language = "es";
                }
            }
            cases.add(new Case(
                    n.path("id").asString(),
                    n.path("question").asString(),
                    n.path("answerable").asBoolean(),
                    List.copyOf(sources),
                    language));
        }
        return new Questions(List.copyOf(cases));
    }

    /** The cases that name the files answering them: the ones retrieval quality is measured on. */
    List<Case> withSources() {
        return cases.stream().filter(c -> !c.sources().isEmpty()).toList();
    }

    List<String> texts() {
        return cases.stream().map(Case::question).toList();
    }
}

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

    record Case(String id, String question, boolean answerable, List<String> sources) {}

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
            cases.add(new Case(
                    n.path("id").asString(),
                    n.path("question").asString(),
                    n.path("answerable").asBoolean(),
                    List.copyOf(sources)));
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

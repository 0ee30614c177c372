package io.cellardoor.plugin.api.testing;

import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.KnowledgeDocument;
import io.cellardoor.plugin.api.Passage;
import io.cellardoor.plugin.api.PluginContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An in-memory {@link PluginContext} for plugin unit tests (shipped in the plugin API's test jar): documents are
 * split into passages at {@code ## } headings, and search ranks passages by how many of the search words (longer
 * than two letters) they contain. Records the paths handlers read.
 */
public final class InMemoryPluginContext implements PluginContext {

    private final Map<String, KnowledgeDocument> documents = new TreeMap<>();
    /** Paths read through {@link #readDocument(String)}, in order. */
    public final List<String> reads = new ArrayList<>();

    /** Adds a document; returns this context for chaining. */
    public InMemoryPluginContext add(String domain, String path, String title, String text) {
        documents.put(path, new KnowledgeDocument(path, title, domain, text, Map.of()));
        return this;
    }

    @Override
    public String tenant() {
        return "test";
    }

    @Override
    public List<Passage> search(String domain, String text, int k) {
        List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\W+"))
                .filter(w -> w.length() > 2)
                .toList();
        List<Passage> passages = new ArrayList<>();
        for (KnowledgeDocument d : documents.values()) {
            if (!d.domain().equals(domain)) {
                continue;
            }
            for (String section : d.text().split("(?m)^(?=## )")) {
                String heading = section.startsWith("## ")
                        ? section.lines().findFirst().orElse("").substring(3).strip()
                        : "";
                String lower = section.toLowerCase(Locale.ROOT);
                long score = words.stream().filter(lower::contains).count();
                if (score > 0) {
                    passages.add(new Passage(d.path(), d.title(), d.domain(), heading, section, score));
                }
            }
        }
        return passages.stream()
                .sorted(Comparator.comparingDouble(Passage::score).reversed())
                .limit(k)
                .toList();
    }

    @Override
    public Optional<KnowledgeDocument> readDocument(String path) {
        reads.add(path);
        return Optional.ofNullable(documents.get(path));
    }

    @Override
    public List<DocumentSummary> listDocuments(String domain) {
        return documents.values().stream()
                .filter(d -> d.domain().equals(domain))
                .map(d -> new DocumentSummary(d.path(), d.title()))
                .toList();
    }
}

package io.cellardoor.plugin.api.testing;

import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.KnowledgeDocument;
import io.cellardoor.plugin.api.Passage;
import io.cellardoor.plugin.api.PluginContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An in-memory {@link PluginContext} for plugin unit tests (shipped in the plugin API's test jar): documents are
 * split into passages at {@code ## } headings, and search ranks passages by how many of the search words (longer
 * than two letters) they contain. Records the paths handlers read and the searches they make.
 *
 * <p>Plugin API 1.2.0: the host retrieves once per question before the handler runs and hands the result over as
 * {@link #passages()}. Give a test those passages with {@link #retrieved(List)}, or let {@link #retrieve(String, int)}
 * rank every domain's passages for a question as a stand-in for the host's retrieval.
 */
public final class InMemoryPluginContext implements PluginContext {

    private final Map<String, KnowledgeDocument> documents = new TreeMap<>();
    private final Map<String, String> settings = new HashMap<>();
    private List<Passage> passages = List.of();

    /** Paths read through {@link #readDocument(String)}, in order. */
    public final List<String> reads = new ArrayList<>();

    /** Searches made through {@link #search(String, String, int)}, as {@code domain: text}, in order. */
    public final List<String> searches = new ArrayList<>();

    /** Adds a document; returns this context for chaining. */
    public InMemoryPluginContext add(String domain, String path, String title, String text) {
        documents.put(path, new KnowledgeDocument(path, title, domain, text, Map.of()));
        return this;
    }

    /** Sets what {@link #passages()} returns, as the host's retrieval would have found them; returns this context. */
    public InMemoryPluginContext retrieved(List<Passage> passages) {
        this.passages = List.copyOf(passages);
        return this;
    }

    /**
     * Sets {@link #passages()} to the best {@code k} passages of every domain for a question (ranked as
     * {@link #search} ranks them), a stand-in for the host's retrieval before the handler; returns this context.
     */
    public InMemoryPluginContext retrieve(String question, int k) {
        this.passages = rank(question, d -> true, k);
        return this;
    }

    /** Sets the org's value of one of the plugin's settings, read through {@link #setting(String)}. */
    public InMemoryPluginContext setting(String key, String value) {
        settings.put(key, value);
        return this;
    }

    @Override
    public String tenant() {
        return "test";
    }

    @Override
    public List<Passage> passages() {
        return passages;
    }

    @Override
    public List<Passage> search(String domain, String text, int k) {
        searches.add(domain + ": " + text);
        return rank(text, d -> d.domain().equals(domain), k);
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

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    private List<Passage> rank(String text, Predicate<KnowledgeDocument> which, int k) {
        List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\W+"))
                .filter(w -> w.length() > 2)
                .toList();
        List<Passage> found = new ArrayList<>();
        for (KnowledgeDocument d : documents.values()) {
            if (!which.test(d)) {
                continue;
            }
            for (String section : d.text().split("(?m)^(?=## )")) {
                String heading = section.startsWith("## ")
                        ? section.lines().findFirst().orElse("").substring(3).strip()
                        : "";
                String lower = section.toLowerCase(Locale.ROOT);
                long score = words.stream().filter(lower::contains).count();
                if (score > 0) {
                    found.add(new Passage(d.path(), d.title(), d.domain(), heading, section, score));
                }
            }
        }
        return found.stream()
                .sorted(Comparator.comparingDouble(Passage::score).reversed())
                .limit(k)
                .toList();
    }
}

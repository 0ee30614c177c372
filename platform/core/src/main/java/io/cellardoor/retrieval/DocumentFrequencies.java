package io.cellardoor.retrieval;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A live, read-only view of an org's document frequencies in its keyword index, as the map
 * {@link io.cellardoor.text.CorpusStatistics.Stats} looks terms up in: {@code get}, {@code getOrDefault} and
 * {@code containsKey} ask the index for one term; iterating (the extractive answer's nearest known word for a
 * misspelt one) reads the index's whole term dictionary at that moment.
 */
final class DocumentFrequencies extends AbstractMap<String, Integer> {

    private final KeywordIndex index;
    private final long orgId;

    DocumentFrequencies(KeywordIndex index, long orgId) {
        this.index = index;
        this.orgId = orgId;
    }

    @Override
    public @Nullable Integer get(Object key) {
        if (!(key instanceof String term)) {
            return null;
        }
        int df = index.documentFrequency(orgId, term);
        return df > 0 ? df : null;
    }

    @Override
    public Integer getOrDefault(Object key, Integer fallback) {
        Integer df = get(key);
        return df == null ? fallback : df;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "document frequencies of org " + orgId + " in its keyword index";
    }

    @Override
    public Set<Map.Entry<String, Integer>> entrySet() {
        return index.documentFrequencies(orgId).entrySet();
    }
}

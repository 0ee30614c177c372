package io.cellardoor.retrieval;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the in-process keyword index ({@code cellardoor.retrieval.keyword-index.*}, docs/decisions/0027).
 *
 * @param enabled whether the keyword branch of the hybrid query reads each tenant's Lucene index (PostgreSQL full text
 *     serves a tenant whose index is being built, and every tenant when off)
 * @param dir where this instance keeps its indexes, one folder per org; a cache: deleting it costs a rebuild
 * @param pollInterval how often open indexes check PostgreSQL for changes they were not notified of
 * @param retention how long applied changes stay in the outbox (an instance that was away longer rebuilds)
 * @param maxOpen indexes kept open at once; the least recently used beyond that are closed (and reopened on demand)
 * @param rebuildThreads tenants rebuilt at the same time
 */
@ConfigurationProperties("cellardoor.retrieval.keyword-index")
public record KeywordIndexProperties(
        @Nullable Boolean enabled,
        @Nullable Path dir,
        @Nullable Duration pollInterval,
        @Nullable Duration retention,
        int maxOpen,
        int rebuildThreads) {

    public KeywordIndexProperties {
        enabled = enabled == null || enabled;
        dir = dir == null ? Path.of(System.getProperty("java.io.tmpdir"), "cellardoor-keyword-index") : dir;
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        retention = retention == null ? Duration.ofDays(7) : retention;
        maxOpen = maxOpen <= 0 ? 256 : maxOpen;
        rebuildThreads = rebuildThreads <= 0 ? 1 : rebuildThreads;
    }

    /** Whether the keyword branch reads Lucene. */
    public boolean on() {
        return Boolean.TRUE.equals(enabled);
    }
}

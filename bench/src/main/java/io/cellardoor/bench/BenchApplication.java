package io.cellardoor.bench;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The benchmark's own Spring context: the production knowledge import, retrieval, embeddings, tenants and text
 * services, the configured embedding model (embedding.EmbeddingConfiguration) and the audit log they write (no web layer, no plugin host, no answer generators) against the benchmark database, migrated by the
 * app's Flyway migrations.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
        basePackages = {
            "io.cellardoor.knowledge",
            "io.cellardoor.retrieval",
            "io.cellardoor.embedding",
            "io.cellardoor.tenant",
            "io.cellardoor.text",
            "io.cellardoor.audit"
        },
        excludeFilters = @ComponentScan.Filter(org.springframework.web.bind.annotation.RestController.class))
class BenchApplication {}

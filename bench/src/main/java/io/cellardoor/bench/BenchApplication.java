package io.cellardoor.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The benchmark's own Spring context: the production knowledge import, retrieval, embeddings, tenants and text
 * services and the audit log they write (no web layer, no plugin host, no answer generators) against the benchmark database, migrated by the
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
            "io.cellardoor.audit",
            "io.cellardoor.cluster"
        },
        excludeFilters = @ComponentScan.Filter(org.springframework.web.bind.annotation.RestController.class))
class BenchApplication {

    /** The same model as the app's AiConfiguration: all-MiniLM-L6-v2 in process. */
    @Bean
    EmbeddingModel embeddingModel() {
        return new AllMiniLmL6V2EmbeddingModel();
    }
}

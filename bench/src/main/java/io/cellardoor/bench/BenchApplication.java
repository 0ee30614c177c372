package io.cellardoor.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.cellardoor.embedding.EmbeddingProperties;
import io.cellardoor.plugins.club.ClubPlugin;
import io.cellardoor.plugins.events.EventsPlugin;
import io.cellardoor.plugins.merchandise.MerchandisePlugin;
import io.cellardoor.plugins.visiting.VisitingPlugin;
import io.cellardoor.plugins.wine.WinePlugin;
import io.cellardoor.text.Vocabulary;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The benchmark's own Spring context: the production knowledge import, retrieval, embeddings, tenants and text
 * services and the audit log they write (no web layer, no plugin host, no answer generators) against the benchmark
 * database, migrated by the app's Flyway migrations; the bundled plugins' synonyms are given to the keyword text.
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
// The app registers EmbeddingProperties in the answer feature's AiConfiguration, which the benchmark leaves out.
@EnableConfigurationProperties(EmbeddingProperties.class)
class BenchApplication {

    /** The same model as the app's AiConfiguration: all-MiniLM-L6-v2 in process. */
    @Bean
    EmbeddingModel embeddingModel() {
        return new AllMiniLmL6V2EmbeddingModel();
    }

    /**
     * The bundled domain plugins' synonyms in the keyword text, as the app's plugin host contributes them when the
     * plugins load (the benchmark has no plugin host), so the keyword branches see the question the chat sees.
     */
    @Bean
    InitializingBean pluginSynonyms(Vocabulary vocabulary) {
        return () -> vocabulary.replace(List.of(
                new WinePlugin().synonyms(),
                new VisitingPlugin().synonyms(),
                new ClubPlugin().synonyms(),
                new EventsPlugin().synonyms(),
                new MerchandisePlugin().synonyms()));
    }
}

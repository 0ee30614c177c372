package io.cellardoor.bench;

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The benchmark's own Spring context: the production knowledge import, retrieval, embeddings, tenants and text
 * services, the configured embedding model (embedding.EmbeddingConfiguration) and the audit log they write (no web
 * layer, no editors' document service, no plugin host, no answer generators) against the benchmark database, migrated by the app's Flyway
 * migrations; the bundled plugins' synonyms are given to the keyword text.
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
        excludeFilters = {
            @ComponentScan.Filter(org.springframework.web.bind.annotation.RestController.class),
            // the editors' document service checks the plan's limits (billing), which the benchmark has no use for
            @ComponentScan.Filter(
                    type = org.springframework.context.annotation.FilterType.ASSIGNABLE_TYPE,
                    classes = io.cellardoor.knowledge.DocumentService.class)
        })
class BenchApplication {

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

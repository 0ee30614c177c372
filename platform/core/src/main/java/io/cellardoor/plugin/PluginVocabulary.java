package io.cellardoor.plugin;

import io.cellardoor.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link Vocabulary} in step with the loaded plugins: at start-up and whenever plugins load or unload, the
 * synonyms of every enabled plugin ({@code DomainPlugin.synonyms()}, each call guarded) replace the previous ones.
 */
@Component
class PluginVocabulary {

    private static final Logger log = LoggerFactory.getLogger(PluginVocabulary.class);

    private final PluginDomains domains;
    private final PluginCalls calls;
    private final PluginProperties properties;
    private final Vocabulary vocabulary;

    PluginVocabulary(PluginDomains domains, PluginCalls calls, PluginProperties properties, Vocabulary vocabulary) {
        this.domains = domains;
        this.calls = calls;
        this.properties = properties;
        this.vocabulary = vocabulary;
    }

    @EventListener({ContextRefreshedEvent.class, DomainPluginsChanged.class})
    void refresh() {
        List<Map<String, List<String>>> all = new ArrayList<>();
        for (LoadedDomain d : domains.all()) {
            if (d.enabled()) {
                calls.call(d, "synonyms", properties.handlerBudget(), () -> d.plugin.synonyms())
                        .ifPresent(all::add);
            }
        }
        vocabulary.replace(all);
        log.info("Vocabulary: {} visitor words from {} plugins", vocabulary.size(), all.size());
    }
}

package io.cellardoor.plugins.events;

import io.cellardoor.plugin.api.DomainDescriptor;
import io.cellardoor.plugin.api.DomainHandler;
import io.cellardoor.plugin.api.DomainPlugin;
import io.cellardoor.plugin.api.QueryClassifier;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** The events domain: dinners, parties, concerts, weddings and private events. Stateless and thread-safe. */
@Extension
public final class EventsPlugin implements DomainPlugin {

    private static final DomainDescriptor DESCRIPTOR = new DomainDescriptor(
            "events", "Events", List.of("events", "event", "weddings"), List.of("visiting", "club"));

    private final QueryClassifier classifier = new EventsQueryClassifier();
    private final DomainHandler handler = new EventsHandler();

    /** Creates the plugin; PF4J calls this when it loads the extension. */
    public EventsPlugin() {}

    @Override
    public DomainDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public QueryClassifier classifier() {
        return classifier;
    }

    @Override
    public DomainHandler handler() {
        return handler;
    }

    @Override
    public Map<String, List<String>> synonyms() {
        return EventsVocabulary.SYNONYMS;
    }

    @Override
    public String scope() {
        return "events, private parties and weddings";
    }
}

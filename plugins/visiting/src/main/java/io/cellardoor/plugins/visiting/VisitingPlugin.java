package io.cellardoor.plugins.visiting;

import io.cellardoor.plugin.api.ConfigProperty;
import io.cellardoor.plugin.api.DomainDescriptor;
import io.cellardoor.plugin.api.DomainHandler;
import io.cellardoor.plugin.api.DomainPlugin;
import io.cellardoor.plugin.api.QueryClassifier;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** The visiting domain: hours, directions, tastings, reservations and stays. Stateless and thread-safe. */
@Extension
public final class VisitingPlugin implements DomainPlugin {

    private static final DomainDescriptor DESCRIPTOR = new DomainDescriptor(
            "visiting",
            "Visiting",
            List.of("visiting", "tasting", "tastings", "accommodations", "directions"),
            List.of("events", "wine"));

    private final QueryClassifier classifier = new VisitingQueryClassifier();
    private final DomainHandler handler = new VisitingHandler();

    /** Creates the plugin; PF4J calls this when it loads the extension. */
    public VisitingPlugin() {}

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
    public List<ConfigProperty> configProperties() {
        return List.of(new ConfigProperty(
                VisitingHandler.TIME_ZONE,
                "Time zone",
                "The tasting room's time zone (IANA, e.g. America/New_York): \"are you open today?\" is answered for "
                        + "that day. Blank: the server's zone.",
                ""));
    }

    @Override
    public Map<String, List<String>> synonyms() {
        return VisitingVocabulary.SYNONYMS;
    }

    @Override
    public String scope() {
        return "visiting us: hours, tastings, reservations, directions and places to stay";
    }
}

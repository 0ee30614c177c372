package io.cellardoor.plugins.wine;

import io.cellardoor.plugin.api.DomainDescriptor;
import io.cellardoor.plugin.api.DomainHandler;
import io.cellardoor.plugin.api.DomainPlugin;
import io.cellardoor.plugin.api.QueryClassifier;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** The wines domain: wine pages, varietals, vintages, prices and pairings. Stateless and thread-safe. */
@Extension
public final class WinePlugin implements DomainPlugin {

    private static final DomainDescriptor DESCRIPTOR = new DomainDescriptor(
            "wine",
            "Wines",
            List.of("wine", "wines", "wine_red", "wine_white"),
            List.of("club", "merchandise", "visiting"));

    private final QueryClassifier classifier = new WineQueryClassifier();
    private final DomainHandler handler = new WineHandler();

    /** Creates the plugin; PF4J calls this when it loads the extension. */
    public WinePlugin() {}

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
        return WineVocabulary.SYNONYMS;
    }

    @Override
    public String scope() {
        return "our wines, their prices and food pairings";
    }
}

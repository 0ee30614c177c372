package io.cellardoor.plugins.merchandise;

import io.cellardoor.plugin.api.DomainDescriptor;
import io.cellardoor.plugin.api.DomainHandler;
import io.cellardoor.plugin.api.DomainPlugin;
import io.cellardoor.plugin.api.QueryClassifier;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** The shop and menu domain: merchandise, gifts and food-menu items with prices. Stateless and thread-safe. */
@Extension
public final class MerchandisePlugin implements DomainPlugin {

    /** The domains whose pages the shop's items go with: wine. */
    static final List<String> RELATED = List.of("wine");

    private static final DomainDescriptor DESCRIPTOR =
            new DomainDescriptor("merchandise", "Shop and menu", List.of("merchandise", "shop", "menu"), RELATED);

    private final QueryClassifier classifier = new MerchandiseQueryClassifier();
    private final DomainHandler handler = new MerchandiseHandler();

    /** Creates the plugin; PF4J calls this when it loads the extension. */
    public MerchandisePlugin() {}

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
        return MerchandiseVocabulary.SYNONYMS;
    }

    @Override
    public String scope() {
        return "our shop and our food and drink menu";
    }
}

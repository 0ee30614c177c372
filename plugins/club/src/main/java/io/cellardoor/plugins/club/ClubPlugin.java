package io.cellardoor.plugins.club;

import io.cellardoor.plugin.api.DomainDescriptor;
import io.cellardoor.plugin.api.DomainHandler;
import io.cellardoor.plugin.api.DomainPlugin;
import io.cellardoor.plugin.api.QueryClassifier;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** The wine club domain: membership tiers, shipments, loyalty points and referrals. Stateless and thread-safe. */
@Extension
public final class ClubPlugin implements DomainPlugin {

    private static final DomainDescriptor DESCRIPTOR = new DomainDescriptor(
            "club",
            "Wine club",
            List.of("wine club", "wine_club", "club", "milea_miles", "loyalty"),
            List.of("wine", "events"));

    private final QueryClassifier classifier = new ClubQueryClassifier();
    private final DomainHandler handler = new ClubHandler();

    /** Creates the plugin; PF4J calls this when it loads the extension. */
    public ClubPlugin() {}

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
        return ClubVocabulary.SYNONYMS;
    }

    @Override
    public String scope() {
        return "the wine club, its levels and its rewards";
    }
}

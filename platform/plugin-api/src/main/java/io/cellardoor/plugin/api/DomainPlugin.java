package io.cellardoor.plugin.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A knowledge domain (wines, visiting, club...) contributed by a plugin jar.
 *
 * <p>Implementations are PF4J {@code @Extension}s with a public no-argument constructor. The host calls
 * every method under a time budget and records failures; a plugin that keeps failing is disabled for
 * the process and the chat continues without it. Implementations must be thread-safe.
 */
public interface DomainPlugin extends ExtensionPoint {

    /** Who this domain is: id, display name, the knowledge folders it owns and its related domains. */
    DomainDescriptor descriptor();

    /** Scores how strongly a visitor's query belongs to this domain. */
    QueryClassifier classifier();

    /** Shapes retrieval and the prompt for queries routed to this domain, or answers them directly. */
    DomainHandler handler();

    /** Tie-breaker when two plugins score a query equally: lower runs first. Default 100. */
    default int order() {
        return 100;
    }

    /**
     * Whether this domain serves the given tenant (org slug). Default: every tenant.
     *
     * @param tenant the org's slug, e.g. {@code demo}
     */
    default boolean isEnabled(String tenant) {
        return true;
    }

    /** Settings this plugin reads, for the console to render as a form. Default: none. */
    default List<ConfigProperty> configProperties() {
        return List.of();
    }
}

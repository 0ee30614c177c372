package io.cellardoor.plugin.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * Words visitors use for this domain's things, mapped to the words its knowledge pages use, e.g.
     * {@code "cab" -> ["cabernet"]}, {@code "bubbly" -> ["sparkling"]}. The host adds the page words to the keyword
     * search and to the extractive answerer's matching whenever the visitor's word appears in a question, whatever
     * domain the question is routed to. Keys are single lower-case words without accents; values are one or more
     * words. Keep it to the domain's own vocabulary: paraphrases are the embedding model's job. Default: none.
     *
     * @since 1.2.0
     */
    default Map<String, List<String>> synonyms() {
        return Map.of();
    }

    /**
     * What this domain answers, as a short lower-case noun phrase that completes "I can help with questions about
     * ...", e.g. {@code "our wines and their prices"}. The host joins the scopes of the tenant's enabled domains when
     * it declines an out-of-scope question. Default: the descriptor's display name, lower-cased.
     *
     * @since 1.2.0
     */
    default String scope() {
        return descriptor().name().toLowerCase(Locale.ROOT);
    }
}

package io.cellardoor.plugin.api;

/** Handles a query routed to its domain. */
@FunctionalInterface
public interface DomainHandler {

    /**
     * Plans retrieval and prompt contributions for the query, and may answer directly from structured
     * facts it read through the context (opening hours, prices).
     *
     * @param query the visitor's query
     * @param context the host's narrow view of this tenant's knowledge
     * @return the plan; never null
     */
    HandlerResult handle(UserQuery query, PluginContext context);
}

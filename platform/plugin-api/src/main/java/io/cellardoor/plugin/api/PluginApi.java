package io.cellardoor.plugin.api;

/** Facts about this version of the plugin API. */
public final class PluginApi {

    /** Semantic version of the API; a plugin's {@code Plugin-Requires} range must include it. */
    public static final String VERSION = "1.5.0";

    /** Id of the host's fallback domain, used when no plugin claims a query. */
    public static final String GENERAL_DOMAIN = "general";

    private PluginApi() {}
}

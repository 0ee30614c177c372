package io.cellardoor.plugin;

import org.jspecify.annotations.Nullable;

/**
 * A setting a plugin declares ({@link io.cellardoor.plugin.api.ConfigProperty}) with one org's value.
 *
 * @param key stable key, e.g. {@code wine.shop-url}
 * @param label short label for the form
 * @param description one sentence of help
 * @param defaultValue used when the org has set none
 * @param value the org's value, or null when it uses the default
 */
public record PluginSetting(
        String key,
        String label,
        String description,
        String defaultValue,
        @Nullable String value) {

    /** The value in effect for the org. */
    public String effective() {
        return value == null ? defaultValue : value;
    }
}

package io.cellardoor.plugin.api;

/**
 * A setting a plugin reads, rendered by the console as a form field.
 *
 * @param key stable key, e.g. {@code wine.shop-url}
 * @param label short label for the form
 * @param description one sentence of help
 * @param defaultValue value used when the org has set none
 */
public record ConfigProperty(String key, String label, String description, String defaultValue) {}

package io.cellardoor.plugin;

/**
 * Health of a loaded plugin.
 *
 * @param pluginId PF4J plugin id
 * @param domain domain id of its extension
 * @param version plugin version
 * @param calls calls made
 * @param failures calls that threw or ran out of time
 * @param disabled whether the host stopped calling it
 * @param disabledReason why, empty when enabled
 */
public record PluginHealth(
        String pluginId,
        String domain,
        String version,
        long calls,
        long failures,
        boolean disabled,
        String disabledReason) {}

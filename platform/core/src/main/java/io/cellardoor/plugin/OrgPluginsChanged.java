package io.cellardoor.plugin;

/** Published after an org enabled or disabled a plugin: the org's routing may now differ. */
public record OrgPluginsChanged(long orgId, String pluginId, boolean enabled) {
}

package io.cellardoor.plugin;

/** Published after an org enabled, disabled or set up a plugin: the org's routing and answers may now differ. */
public record OrgPluginsChanged(long orgId, String pluginId) {}

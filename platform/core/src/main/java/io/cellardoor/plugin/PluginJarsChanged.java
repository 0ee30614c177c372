package io.cellardoor.plugin;

import io.cellardoor.cluster.ClusterEvent;

/** A plugin jar was uploaded or removed on some instance: every instance compares the database with what it loaded. */
public record PluginJarsChanged(String pluginId) implements ClusterEvent {}

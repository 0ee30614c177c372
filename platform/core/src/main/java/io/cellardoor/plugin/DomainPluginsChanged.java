package io.cellardoor.plugin;

import java.util.List;

/** Published after domain plugins were loaded or unloaded while running; routing may now differ. */
public record DomainPluginsChanged(List<String> loaded, List<String> unloaded) {}

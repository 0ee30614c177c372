package io.cellardoor.plugin;

import io.cellardoor.plugin.api.DomainDescriptor;
import io.cellardoor.plugin.api.DomainPlugin;
import java.util.concurrent.atomic.AtomicLong;

/** A started plugin's domain extension, with what the host read from it at load time and its call counters. */
final class LoadedDomain {

    /** The order a plugin gets when its {@code order()} throws. */
    static final int DEFAULT_ORDER = 100;

    final String pluginId;
    final String version;
    final DomainPlugin plugin;
    final DomainDescriptor descriptor;
    /** {@link DomainPlugin#order()}, read once when loaded. */
    final int order;

    final AtomicLong calls = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong consecutiveFailures = new AtomicLong();
    volatile String disabledReason = "";

    LoadedDomain(String pluginId, String version, DomainPlugin plugin, DomainDescriptor descriptor, int order) {
        this.pluginId = pluginId;
        this.version = version;
        this.plugin = plugin;
        this.descriptor = descriptor;
        this.order = order;
    }

    /** Reads the descriptor and order of a plugin's extension; a plugin whose descriptor throws is not loadable. */
    static LoadedDomain of(String pluginId, String version, DomainPlugin plugin) {
        DomainDescriptor descriptor = plugin.descriptor();
        int order;
        try {
            order = plugin.order();
        } catch (RuntimeException e) {
            order = DEFAULT_ORDER;
        }
        return new LoadedDomain(pluginId, version, plugin, descriptor, order);
    }

    String id() {
        return descriptor.id();
    }

    /** Whether the host still calls it (not auto-disabled after failures). */
    boolean enabled() {
        return disabledReason.isEmpty();
    }
}

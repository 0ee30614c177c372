package io.cellardoor.plugin;

import io.cellardoor.plugin.api.DomainDescriptor;
import io.cellardoor.plugin.api.DomainPlugin;
import io.cellardoor.plugin.api.PluginApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The domains of the loaded plugins and the knowledge folders each owns.
 *
 * <p>A folder claimed by several domains belongs to the one whose plugin has the lowest {@link DomainPlugin#order()},
 * then the smallest domain id ({@link FolderConflict}); conflicts are logged and listed. Domains the host disabled
 * after failures own no folders. The loader registers and removes domains; other features read.
 */
@Component
public class PluginDomains {

    private static final Logger log = LoggerFactory.getLogger(PluginDomains.class);

    private static final Comparator<LoadedDomain> ORDER =
            Comparator.comparingInt((LoadedDomain d) -> d.order).thenComparing(LoadedDomain::id);

    private final Map<String, LoadedDomain> byId = new ConcurrentHashMap<>();
    private volatile FolderMap folders = FolderMap.EMPTY;

    PluginDomains() {}

    /** Descriptors of every enabled domain, by id. */
    public List<DomainDescriptor> descriptors() {
        return byId.values().stream()
                .filter(LoadedDomain::enabled)
                .map(d -> d.descriptor)
                .sorted(Comparator.comparing(DomainDescriptor::id))
                .toList();
    }

    /** The domain owning a knowledge folder (any spelling: {@code Wine Club} is {@code wine_club}), else general. */
    public String domainOfFolder(String folder) {
        return folders.domainOf(folder);
    }

    /** Normalised folders a domain owns; empty for unknown or disabled domains, general, and lost claims. */
    public List<String> foldersOf(String domain) {
        return folders.foldersOf(domain);
    }

    /** Folders claimed by more than one enabled domain, with the owner each went to, by folder. */
    public List<FolderConflict> conflicts() {
        return folders.conflicts();
    }

    /** The conflicts a domain is part of, as owner or as loser. */
    List<FolderConflict> conflictsOf(String domain) {
        return folders.conflictsOf(domain);
    }

    /** Why these extensions of a plugin cannot be registered (a domain id already served by another plugin). */
    Optional<String> clash(String pluginId, List<LoadedDomain> candidates) {
        Set<String> seen = new HashSet<>();
        for (LoadedDomain d : candidates) {
            if (!seen.add(d.id())) {
                return Optional.of("it declares domain '" + d.id() + "' twice");
            }
            LoadedDomain other = byId.get(d.id());
            if (other != null && !other.pluginId.equals(pluginId)) {
                return Optional.of("domain '" + d.id() + "' is already served by plugin " + other.pluginId + " "
                        + other.version + "; remove that plugin first or give this domain another id");
            }
        }
        return Optional.empty();
    }

    /** Registers a started plugin's domains (after {@link #clash} found none). */
    void add(List<LoadedDomain> loaded) {
        loaded.forEach(d -> byId.put(d.id(), d));
        changed();
    }

    /** Forgets a plugin's domains; returns them. */
    List<LoadedDomain> removePlugin(String pluginId) {
        List<LoadedDomain> removed = new ArrayList<>(ofPlugin(pluginId));
        removed.forEach(d -> byId.remove(d.id(), d));
        if (!removed.isEmpty()) {
            changed();
        }
        return removed;
    }

    /** Recomputes the folder map after domains were added, removed or disabled; logs conflicts new to it. */
    synchronized void changed() {
        FolderMap before = folders;
        folders = FolderMap.of(
                byId.values().stream().filter(LoadedDomain::enabled).toList());
        for (FolderConflict c : folders.conflicts()) {
            if (!before.conflicts().contains(c)) {
                log.warn(
                        "Knowledge folder claimed by more than one plugin: {} (lowest order() wins, then domain id)",
                        c.summary());
            }
        }
    }

    /** Every loaded domain, enabled or not, by id. */
    List<LoadedDomain> all() {
        return byId.values().stream()
                .sorted(Comparator.comparing(LoadedDomain::id))
                .toList();
    }

    /** The domains of one plugin, by id. */
    List<LoadedDomain> ofPlugin(String pluginId) {
        return all().stream().filter(d -> d.pluginId.equals(pluginId)).toList();
    }

    /** Enabled domains serving the tenant ({@link DomainPlugin#isEnabled}), in {@code order()} then id order. */
    List<LoadedDomain> enabled(String tenant) {
        return byId.values().stream()
                .filter(LoadedDomain::enabled)
                .filter(d -> serves(d, tenant))
                .sorted(ORDER)
                .toList();
    }

    /** An enabled domain by id; never {@link PluginApi#GENERAL_DOMAIN}. */
    Optional<LoadedDomain> find(String domain) {
        return Optional.ofNullable(byId.get(domain)).filter(LoadedDomain::enabled);
    }

    private static boolean serves(LoadedDomain d, String tenant) {
        try {
            return d.plugin.isEnabled(tenant);
        } catch (RuntimeException e) {
            return false;
        }
    }
}

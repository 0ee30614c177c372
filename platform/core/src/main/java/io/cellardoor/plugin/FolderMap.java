package io.cellardoor.plugin;

import io.cellardoor.knowledge.Folders;
import io.cellardoor.plugin.api.PluginApi;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which domain owns each knowledge folder, computed from a set of loaded domains (immutable; recomputed when plugins
 * load, unload or are disabled). A folder claimed by several domains goes to the one with the lowest
 * {@code order()}, then the smallest domain id; the others keep their other folders, and the conflict is reported.
 *
 * @param owners normalised folder to owning domain id
 * @param folders domain id to the normalised folders it owns, in its descriptor's order
 * @param conflicts folders claimed by more than one domain, by folder name
 */
record FolderMap(Map<String, String> owners, Map<String, List<String>> folders, List<FolderConflict> conflicts) {

    static final FolderMap EMPTY = new FolderMap(Map.of(), Map.of(), List.of());

    private static final Comparator<LoadedDomain> PRECEDENCE =
            Comparator.comparingInt((LoadedDomain d) -> d.order).thenComparing(LoadedDomain::id);

    /** The map of the given domains (callers pass the enabled ones). */
    static FolderMap of(Collection<LoadedDomain> domains) {
        Map<String, List<LoadedDomain>> claimants = new TreeMap<>();
        domains.stream()
                .sorted(PRECEDENCE)
                .forEach(d -> d.descriptor.folders().stream()
                        .map(Folders::normalise)
                        .distinct()
                        .forEach(f -> claimants
                                .computeIfAbsent(f, k -> new ArrayList<>())
                                .add(d)));
        Map<String, String> owners = new LinkedHashMap<>();
        List<FolderConflict> conflicts = new ArrayList<>();
        claimants.forEach((folder, claims) -> {
            owners.put(folder, claims.get(0).id());
            if (claims.size() > 1) {
                conflicts.add(new FolderConflict(
                        folder,
                        claims.get(0).id(),
                        claims.stream()
                                .map(d -> new FolderConflict.Claim(d.id(), d.pluginId, d.order))
                                .toList()));
            }
        });
        Map<String, List<String>> folders = new LinkedHashMap<>();
        for (LoadedDomain d : domains) {
            folders.put(
                    d.id(),
                    d.descriptor.folders().stream()
                            .map(Folders::normalise)
                            .distinct()
                            .filter(f -> d.id().equals(owners.get(f)))
                            .toList());
        }
        return new FolderMap(Map.copyOf(owners), Map.copyOf(folders), List.copyOf(conflicts));
    }

    /** The domain owning a folder (any spelling), or {@link PluginApi#GENERAL_DOMAIN}. */
    String domainOf(String folder) {
        return owners.getOrDefault(Folders.normalise(folder), PluginApi.GENERAL_DOMAIN);
    }

    /** The normalised folders a domain owns; empty for unknown domains, general and domains that lost every claim. */
    List<String> foldersOf(String domain) {
        return folders.getOrDefault(domain, List.of());
    }

    /** The conflicts a domain is part of, as owner or loser. */
    List<FolderConflict> conflictsOf(String domain) {
        return conflicts.stream()
                .filter(c ->
                        c.claims().stream().anyMatch(claim -> claim.domain().equals(domain)))
                .toList();
    }
}

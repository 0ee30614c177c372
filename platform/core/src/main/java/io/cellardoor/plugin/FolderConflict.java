package io.cellardoor.plugin;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A knowledge folder that more than one loaded domain claims, and which one owns it. The owner is the claimant whose
 * plugin has the lowest {@code order()}, then the smallest domain id: a rule of the loaded set alone, so every replica
 * with the same jars agrees, whatever order they were loaded in.
 *
 * @param folder the normalised folder name, e.g. {@code menu}
 * @param owner the domain whose documents the folder holds (the first claim)
 * @param claims every claiming domain, owner first, then in the rule's order
 */
public record FolderConflict(String folder, String owner, List<Claim> claims) {

    /**
     * One domain's claim on a folder.
     *
     * @param domain the domain id
     * @param pluginId the plugin contributing it
     * @param order its plugin's {@code order()}
     */
    public record Claim(String domain, String pluginId, int order) {}

    public FolderConflict {
        claims = List.copyOf(claims);
    }

    /** E.g. {@code menu: dining (order 50) owns it; also claimed by merchandise (order 100)}. */
    public String summary() {
        String others = claims.stream()
                .skip(1)
                .map(c -> c.domain() + " (order " + c.order() + ")")
                .collect(Collectors.joining(", "));
        return folder + ": " + claims.get(0).domain() + " (order "
                + claims.get(0).order() + ") owns it; also claimed by " + others;
    }
}

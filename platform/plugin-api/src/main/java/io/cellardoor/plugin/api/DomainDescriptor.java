package io.cellardoor.plugin.api;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Identity of a domain.
 *
 * @param id short lowercase word, e.g. {@code wine}; must match {@code [a-z][a-z0-9_-]*}
 * @param name display name, e.g. {@code Wines}
 * @param folders top-level knowledge folders this domain owns, matched case-insensitively with
 *     spaces, hyphens and underscores treated alike (e.g. {@code wine club} owns {@code wine_club/})
 * @param relatedDomains ids of domains whose passages also help, in priority order
 */
public record DomainDescriptor(String id, String name, List<String> folders, List<String> relatedDomains) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*");

    /** Throws IllegalArgumentException when the id is not a short lowercase word or the name is blank. */
    public DomainDescriptor {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("domain id must match " + ID + ": '" + id + "'");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("domain name is blank for " + id);
        }
        folders = List.copyOf(folders);
        relatedDomains = List.copyOf(relatedDomains);
    }
}

package io.cellardoor.site;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A site of an org as staff see it.
 *
 * @param id site id
 * @param name display name, shown as the widget's title
 * @param siteKey the current public key (goes into the embed snippet)
 * @param previousKey the key replaced by the last rotation, or null
 * @param previousKeyValidUntil until when the previous key still works, or null
 * @param revokedAt when the site was revoked (every key refused since), or null while active
 * @param settings what the widget shows and where it may be embedded
 * @param createdAt when the site was created
 * @param updatedAt when keys or settings last changed
 */
public record SiteDetails(
        long id,
        String name,
        String siteKey,
        @Nullable String previousKey,
        @Nullable Instant previousKeyValidUntil,
        @Nullable Instant revokedAt,
        SiteSettings settings,
        Instant createdAt,
        Instant updatedAt) {

    /** {@code active} or {@code revoked}. */
    public String status() {
        return revokedAt == null ? "active" : "revoked";
    }

    /** Whether the previous key still works at this instant. */
    public boolean previousKeyWorksAt(Instant now) {
        return revokedAt == null
                && previousKey != null
                && previousKeyValidUntil != null
                && previousKeyValidUntil.isAfter(now);
    }
}

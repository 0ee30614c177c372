package io.cellardoor.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change.
 *
 * @param id increasing id (newer events have larger ids)
 * @param actor who made the change: the staff member's username, or {@code system} for imports at start-up
 * @param action what was done, a stable dotted verb such as {@code document.saved} or {@code site.origins-changed}
 * @param target what it was done to, e.g. a document path or a site key
 * @param before the state before (text or JSON), null when there was none
 * @param after the state after (text or JSON), null when there is none (deletions)
 * @param at when, UTC
 */
public record AuditEvent(
        long id,
        String actor,
        String action,
        String target,
        @Nullable String before,
        @Nullable String after,
        Instant at) {}

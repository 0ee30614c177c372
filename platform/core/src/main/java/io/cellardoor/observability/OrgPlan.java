package io.cellardoor.observability;

import java.util.Optional;

/**
 * The hook through which a chat turn's span learns the org's plan (attribute {@code plan}). Billing (issue #10)
 * provides the bean; without one the attribute is {@code none}. Implementations must be cheap (cached): they run once
 * per turn.
 */
public interface OrgPlan {

    /** The org's plan id (e.g. {@code free}, {@code pro}), or empty when it has none. */
    Optional<String> of(long orgId);
}

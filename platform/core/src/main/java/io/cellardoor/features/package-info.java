/**
 * Feature flags with Togglz: the platform-wide state of each {@link Feature} lives in PostgreSQL (Togglz's JDBC state
 * repository, table {@code togglz}, cached for {@code cellardoor.features.cache-ttl}); whether a feature is on for a
 * turn is decided by {@link OrgPlanActivationStrategy} from the org, its plan, the org admin's override and the visitor
 * (gradual rollout). The pipeline asks {@link FeatureFlags}, never properties. See docs/billing.md#feature-flags.
 */
@NullMarked
package io.cellardoor.features;

import org.jspecify.annotations.NullMarked;

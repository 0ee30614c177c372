/**
 * Rate limits shared by every app instance: token buckets in PostgreSQL (Bucket4j), per visitor, client address, site
 * and admin user, with limits per org from {@link io.cellardoor.ratelimit.RateLimitPlans} (docs/decisions/0050).
 */
@NullMarked
package io.cellardoor.ratelimit;

import org.jspecify.annotations.NullMarked;

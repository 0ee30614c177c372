/**
 * Visitors' data over time: what is kept and for how long (per-org retention, purged on one instance at a time) and
 * data subject requests (export and erasure of everything stored about one visitor). The protections themselves
 * (masking, encryption of contact details) are in {@code io.cellardoor.privacy}.
 */
@NullMarked
package io.cellardoor.visitors;

import org.jspecify.annotations.NullMarked;

/**
 * Events every app instance hears: one PostgreSQL channel ({@code cellardoor_events}) and table ({@code cluster_event})
 * carry typed, past-tense events from the instance where something changed to every other, so the caches an instance
 * keeps beside PostgreSQL are invalidated everywhere (docs/decisions/0051, docs/scaling.md).
 */
@NullMarked
package io.cellardoor.cluster;

import org.jspecify.annotations.NullMarked;

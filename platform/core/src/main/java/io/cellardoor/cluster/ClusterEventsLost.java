package io.cellardoor.cluster;

import java.time.Duration;

/**
 * Published on this instance only, when it could not read other instances' events for longer than they are kept
 * ({@code cellardoor.cluster.retention}): some may be lost, so every cache derived from shared data should be dropped.
 *
 * @param unreadFor how long the instance could not read events
 */
public record ClusterEventsLost(Duration unreadFor) {}

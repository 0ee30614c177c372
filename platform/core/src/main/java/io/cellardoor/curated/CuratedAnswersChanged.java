package io.cellardoor.curated;

import io.cellardoor.cluster.ClusterEvent;

/** An org's curated answers were created or deleted on some instance; heard by every instance. */
public record CuratedAnswersChanged(long orgId) implements ClusterEvent {}

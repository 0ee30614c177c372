package io.cellardoor.knowledge;

import io.cellardoor.cluster.ClusterEvent;

/**
 * An org's knowledge (documents, chunks) changed on some instance: what was derived from it in memory is stale. Heard
 * by every instance ({@link ClusterEvent}); published after each import, edit, upload, rollback or deletion that
 * changed anything.
 */
public record KnowledgeChanged(long orgId) implements ClusterEvent {}

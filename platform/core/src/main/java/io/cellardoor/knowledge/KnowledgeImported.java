package io.cellardoor.knowledge;

/** Published after an import committed: the org's knowledge changed. */
public record KnowledgeImported(long orgId, ImportReport report) {}

package io.cellardoor.knowledge;

import java.time.Instant;

/**
 * One stored version of a document (row of {@code kb_document_version}), without its text.
 *
 * @param id increasing id; newer versions have larger ids
 * @param path the document's path relative to the knowledge folder
 * @param title the title the document had in this version
 * @param contentHash sha-256 of the markdown (as {@link KnowledgeStore.DocumentSource#contentHash()})
 * @param author the staff member's username, or {@code import}
 * @param kind what wrote it; for {@link VersionKind#DELETE} the text is the one the document had when deleted
 * @param at when, UTC
 */
public record DocumentVersion(
        long id, String path, String title, String contentHash, String author, VersionKind kind, Instant at) {

    /** A version with its markdown. */
    public record WithText(DocumentVersion version, String markdown) {}
}

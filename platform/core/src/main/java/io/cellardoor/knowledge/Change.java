package io.cellardoor.knowledge;

/**
 * Who makes a change to a document and how; recorded as the document's new version and in the audit log.
 *
 * @param author the staff member's username, or {@link #IMPORT_AUTHOR} for folder imports
 * @param kind what kind of change it is
 */
public record Change(String author, VersionKind kind) {

    /** The author of versions written by folder imports (start-up, {@code ingest}). */
    public static final String IMPORT_AUTHOR = "import";

    public Change {
        if (author.isBlank()) {
            throw new IllegalArgumentException("a change needs an author");
        }
    }

    /** Whether staff wrote it (console or admin API), as opposed to a folder import. */
    public boolean byStaff() {
        return !IMPORT_AUTHOR.equals(author);
    }
}

package io.cellardoor.knowledge;

import org.jspecify.annotations.Nullable;

/**
 * An edit was based on a version of a document that is no longer the stored one (someone saved in between); nothing
 * was written.
 */
public class StaleDocumentException extends RuntimeException {

    private final String path;
    private final @Nullable String currentHash;

    /**
     * @param path the document's path
     * @param currentHash the stored content hash now, or null when the document is gone
     */
    public StaleDocumentException(String path, @Nullable String currentHash) {
        super(path + " changed since it was opened");
        this.path = path;
        this.currentHash = currentHash;
    }

    /** The document's path relative to the knowledge folder. */
    public String path() {
        return path;
    }

    /** The stored content hash now, or null when the document was deleted. */
    public @Nullable String currentHash() {
        return currentHash;
    }
}

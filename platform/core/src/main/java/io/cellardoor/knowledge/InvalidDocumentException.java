package io.cellardoor.knowledge;

/** A knowledge file that cannot be imported; carries its path so the import can report and skip it. */
public class InvalidDocumentException extends RuntimeException {

    private final String path;
    private final String reason;

    /**
     * @param path the file's path relative to the knowledge folder
     * @param reason what is wrong, one sentence
     */
    public InvalidDocumentException(String path, String reason) {
        super(path + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    /** What is wrong with the file, one sentence. */
    public String reason() {
        return reason;
    }

    /** The offending file's path relative to the knowledge folder. */
    public String path() {
        return path;
    }
}

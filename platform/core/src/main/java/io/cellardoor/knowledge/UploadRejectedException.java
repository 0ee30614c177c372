package io.cellardoor.knowledge;

/** An upload refused as a whole (too many files, too many bytes, no usable folder); nothing was imported. */
public class UploadRejectedException extends RuntimeException {

    private final boolean tooLarge;

    /**
     * @param reason one sentence for people
     * @param tooLarge whether a size or count limit was exceeded (HTTP 413), else the request is invalid (400)
     */
    public UploadRejectedException(String reason, boolean tooLarge) {
        super(reason);
        this.tooLarge = tooLarge;
    }

    /** Whether a size or count limit was exceeded. */
    public boolean tooLarge() {
        return tooLarge;
    }
}

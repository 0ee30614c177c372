package io.cellardoor.app.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The fixed split of evaluation cases: {@code tune} for choosing thresholds and weights, {@code report} for the
 * figures we quote. A case belongs to {@code report} when the first byte of the SHA-256 of its id (UTF-8) is odd, else
 * to {@code tune}; conversations split by their own id, so all turns of one conversation stay together. The split
 * never changes with the code or with the other cases in a file.
 */
public enum EvalSplit {
    TUNE,
    REPORT,
    ALL;

    /** {@code tune}, {@code report} or {@code all}; throws IllegalArgumentException otherwise. */
    public static EvalSplit parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--split must be tune, report or all, not '" + name + "'");
        }
    }

    /** Whether the case with this id is in this split. */
    public boolean contains(String caseId) {
        return this == ALL || (this == REPORT) == isReport(caseId);
    }

    static boolean isReport(String caseId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(caseId.getBytes(StandardCharsets.UTF_8));
            return (hash[0] & 1) == 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

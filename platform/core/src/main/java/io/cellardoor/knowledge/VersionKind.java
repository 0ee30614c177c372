package io.cellardoor.knowledge;

import java.util.Locale;

/** What wrote a document version; stored lower-case in {@code kb_document_version.kind}. */
public enum VersionKind {

    /** A folder import changed (or added) the document. */
    IMPORT("document.imported"),
    /** Staff saved an edit (console editor or {@code PUT /api/v1/admin/documents}). */
    SAVE("document.saved"),
    /** Staff uploaded the file (one file or a zip entry). */
    UPLOAD("document.uploaded"),
    /** Staff restored an older version's text. */
    ROLLBACK("document.rolled-back"),
    /** The document was deleted; the version keeps the text it had, so it can be restored. */
    DELETE("document.deleted");

    private final String auditAction;

    VersionKind(String auditAction) {
        this.auditAction = auditAction;
    }

    /** The audit log's action for a change of this kind, e.g. {@code document.saved}. */
    public String auditAction() {
        return auditAction;
    }

    /** As stored, e.g. {@code save}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static VersionKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

package io.cellardoor.knowledge;

import java.util.List;

/**
 * What an upload did.
 *
 * @param folder the folder the files were imported into, {@code ""} for the root
 * @param added paths of documents new to the org
 * @param updated paths of documents whose text changed
 * @param unchanged paths of documents uploaded with the text they already had
 * @param skipped files not imported, each with its path (inside a zip: {@code archive.zip!entry}) and why: not
 *     markdown, unsafe path, too large, not UTF-8, not parseable; the rest was imported
 * @param chunksEmbedded chunks embedded now
 * @param chunksReused chunks whose embedding was reused
 * @param millis wall time
 */
public record UploadReport(
        String folder,
        List<String> added,
        List<String> updated,
        List<String> unchanged,
        List<ImportReport.Failure> skipped,
        int chunksEmbedded,
        int chunksReused,
        long millis) {

    /** One line for a console. */
    public String summary() {
        return "%d added, %d updated, %d unchanged, %d skipped; %d chunks embedded, %d reused; %d ms"
                .formatted(
                        added.size(),
                        updated.size(),
                        unchanged.size(),
                        skipped.size(),
                        chunksEmbedded,
                        chunksReused,
                        millis);
    }
}

package io.cellardoor.knowledge;

import java.util.List;

/**
 * What an import did.
 *
 * @param added documents new to the org
 * @param updated documents whose content changed
 * @param unchanged documents with the same content hash as stored
 * @param deleted stored documents whose file is gone
 * @param chunksEmbedded chunks whose text was embedded now
 * @param chunksReused chunks whose embedding was reused because their text hash was already stored
 * @param failures files that could not be imported, each with its path and reason; the rest was imported
 * @param millis wall time of the import
 * @param kept paths a folder import left alone because staff changed the document since (console or admin API) and
 *     its file did not change since it was last imported ("console wins"); see {@link KnowledgeImporter#importFolder}
 */
public record ImportReport(
        int added,
        int updated,
        int unchanged,
        int deleted,
        int chunksEmbedded,
        int chunksReused,
        List<Failure> failures,
        long millis,
        List<String> kept) {

    /** A report that kept nothing. */
    public ImportReport(
            int added,
            int updated,
            int unchanged,
            int deleted,
            int chunksEmbedded,
            int chunksReused,
            List<Failure> failures,
            long millis) {
        this(added, updated, unchanged, deleted, chunksEmbedded, chunksReused, failures, millis, List.of());
    }

    /** Whether the org's stored knowledge changed. */
    public boolean changedAnything() {
        return added + updated + deleted > 0;
    }

    /** A file that was skipped: path relative to the knowledge folder and why. */
    public record Failure(String path, String reason) {}

    /** One line for a console. */
    public String summary() {
        return "%d added, %d updated, %d unchanged, %d deleted%s; %d chunks embedded, %d reused; %d failed; %d ms"
                .formatted(
                        added,
                        updated,
                        unchanged,
                        deleted,
                        kept.isEmpty() ? "" : ", " + kept.size() + " kept (changed by staff since)",
                        chunksEmbedded,
                        chunksReused,
                        failures.size(),
                        millis);
    }
}

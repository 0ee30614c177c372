package io.cellardoor.ingest;

import io.cellardoor.knowledge.ImportReport;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One knowledge import run as a job.
 *
 * @param id the job's id
 * @param source what is imported, e.g. {@code upload to wine (3 files)}
 * @param requestedBy the staff member who started it
 * @param status {@code queued}, {@code running}, {@code succeeded} or {@code failed}
 * @param filesTotal documents to import (known once the upload is read), 0 before
 * @param filesDone documents imported so far
 * @param added documents new to the org
 * @param updated documents whose content changed
 * @param unchanged documents with the same content as stored
 * @param failures files that could not be imported, each with its path and reason (the rest was imported)
 * @param error why the job failed as a whole (limits, a crash), or null
 * @param createdAt when it was accepted
 * @param startedAt when it started running, or null
 * @param finishedAt when it succeeded or failed, or null
 */
public record IngestJob(
        UUID id,
        String source,
        String requestedBy,
        String status,
        int filesTotal,
        int filesDone,
        int added,
        int updated,
        int unchanged,
        List<ImportReport.Failure> failures,
        @Nullable String error,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    public IngestJob {
        failures = List.copyOf(failures);
    }

    /** Whether it has finished, either way. */
    public boolean finished() {
        return status.equals("succeeded") || status.equals("failed");
    }
}

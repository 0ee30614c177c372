package io.cellardoor.ingest;

import io.cellardoor.ingest.internal.IngestJobStore;
import io.cellardoor.knowledge.DocumentService;
import io.cellardoor.knowledge.ImportReport;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.knowledge.UploadReport;
import io.cellardoor.knowledge.UploadedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Runs knowledge uploads as jobs. {@link #submit} stores the job and returns at once; a virtual thread imports the
 * files through {@link DocumentService#upload} (each document re-indexed and versioned in its own transaction, so the
 * index keeps serving the previous version of every document not yet reached) and records progress and the outcome.
 * While a job runs, its row's heartbeat is touched every few seconds; at start-up and every minute, jobs whose
 * heartbeat stopped for {@code cellardoor.ingest.stalled-after} (60 s) are marked failed, whichever org they belong
 * to: the instance running them died.
 */
@Service
public class IngestJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IngestJobs.class);
    private static final Pattern PROGRESS = Pattern.compile("imported (\\d+)/(\\d+)");

    private final IngestJobStore store;
    private final DocumentService documents;
    private final KnowledgeImporter importer;
    private final long stalledAfterSeconds;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("ingest-job-", 0).factory());
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ingest-heartbeat").daemon().factory());
    private final Map<UUID, Long> running = new ConcurrentHashMap<>();

    IngestJobs(
            IngestJobStore store,
            DocumentService documents,
            KnowledgeImporter importer,
            @Value("${cellardoor.ingest.stalled-after:60s}") java.time.Duration stalledAfter) {
        this.store = store;
        this.documents = documents;
        this.importer = importer;
        this.stalledAfterSeconds = Math.max(10, stalledAfter.toSeconds());
        long beat = Math.max(1, stalledAfterSeconds / 6);
        beats.scheduleAtFixedRate(this::heartbeat, beat, beat, TimeUnit.SECONDS);
        beats.scheduleAtFixedRate(this::sweepQuietly, 60, 60, TimeUnit.SECONDS);
    }

    /**
     * Accepts an upload as a job.
     *
     * @param folder the folder to import into, {@code ""} for the root
     * @param files {@code .md} files and zips of them
     * @return the job as stored (queued)
     */
    public IngestJob submit(long orgId, String actor, String folder, List<UploadedFile> files) {
        UUID id = UUID.randomUUID();
        store.insert(orgId, id, source(folder, files), actor);
        workers.submit(() -> {
            try {
                execute(orgId, id, actor, folder, files, line -> {});
            } catch (RuntimeException e) {
                // recorded on the job
            }
        });
        return store.find(orgId, id).orElseThrow();
    }

    private static String source(String folder, List<UploadedFile> files) {
        return "upload to " + (folder.isBlank() ? "/" : folder) + " (" + files.size() + " file"
                + (files.size() == 1 ? "" : "s") + ")";
    }

    /**
     * Runs an upload as a job in the caller's thread (the console, which shows the progress lines itself): the job is
     * recorded and visible like a submitted one.
     *
     * @param progress receives lines like {@code imported 3/12: wine/reds.md}
     * @throws io.cellardoor.knowledge.UploadRejectedException when the upload exceeds the limits (the job is failed)
     */
    public UploadReport run(
            long orgId,
            String actor,
            String folder,
            List<UploadedFile> files,
            java.util.function.Consumer<String> progress) {
        UUID id = UUID.randomUUID();
        store.insert(orgId, id, source(folder, files), actor);
        return execute(orgId, id, actor, folder, files, progress);
    }

    /**
     * Imports a knowledge folder as a job in the caller's thread ({@code ./cellardoor ingest}): recorded and visible like
     * the console's and the API's uploads.
     *
     * @throws IOException when the folder cannot be read (the job is failed)
     */
    public ImportReport runFolder(long orgId, String actor, Path folder, java.util.function.Consumer<String> progress)
            throws IOException {
        UUID id = UUID.randomUUID();
        store.insert(orgId, id, "folder " + folder.getFileName(), actor);
        running.put(id, orgId);
        try {
            store.started(orgId, id);
            ImportReport report = importer.importFolder(orgId, folder, progress);
            int total = report.added() + report.updated() + report.unchanged();
            store.succeeded(orgId, id, total, report.added(), report.updated(), report.unchanged(), report.failures());
            return report;
        } catch (IOException | RuntimeException e) {
            store.failed(orgId, id, e.getMessage() == null ? e.toString() : e.getMessage());
            throw e;
        } finally {
            running.remove(id);
        }
    }

    /** A job of the org. */
    public Optional<IngestJob> find(long orgId, UUID id) {
        return store.find(orgId, id);
    }

    /** The org's latest jobs, newest first. */
    public List<IngestJob> recent(long orgId, int limit) {
        return store.recent(orgId, Math.clamp(limit, 1, 200));
    }

    /** Marks jobs of every org whose instance stopped as failed; returns how many. */
    public long failStalled() {
        long failed = store.failStalled(stalledAfterSeconds);
        if (failed > 0) {
            log.warn("{} ingest job(s) marked failed: their instance stopped while importing", failed);
        }
        return failed;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        sweepQuietly();
    }

    private UploadReport execute(
            long orgId,
            UUID id,
            String actor,
            String folder,
            List<UploadedFile> files,
            java.util.function.Consumer<String> progress) {
        running.put(id, orgId);
        try {
            store.started(orgId, id);
            UploadReport report = documents.upload(orgId, actor, folder, files, line -> {
                Matcher m = PROGRESS.matcher(line);
                if (m.find()) {
                    store.progress(orgId, id, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                }
                progress.accept(line);
            });
            int total = report.added().size()
                    + report.updated().size()
                    + report.unchanged().size();
            store.succeeded(
                    orgId,
                    id,
                    total,
                    report.added().size(),
                    report.updated().size(),
                    report.unchanged().size(),
                    report.skipped());
            log.info("Ingest job {} done: {}", id, report.summary());
            return report;
        } catch (RuntimeException e) {
            log.warn("Ingest job {} failed: {}", id, e.toString());
            try {
                store.failed(orgId, id, e.getMessage() == null ? e.toString() : e.getMessage());
            } catch (RuntimeException again) {
                log.warn("Ingest job {}: could not record the failure ({}); the sweep will", id, again.toString());
            }
            throw e;
        } finally {
            running.remove(id);
        }
    }

    private void heartbeat() {
        running.forEach((id, orgId) -> {
            try {
                store.heartbeat(orgId, id);
            } catch (RuntimeException e) {
                log.debug("Ingest job {} heartbeat failed: {}", id, e.toString());
            }
        });
    }

    private void sweepQuietly() {
        try {
            failStalled();
        } catch (RuntimeException e) {
            log.debug("Ingest job sweep failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        beats.shutdownNow();
        workers.shutdownNow();
    }
}

package io.cellardoor.knowledge;

import io.cellardoor.audit.AuditLog;
import io.cellardoor.billing.PlanLimits;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff changes to an org's knowledge, shared by the console and the admin API: save, upload, delete, version history,
 * diff and rollback. Every change writes the document (re-indexed incrementally), a new version and an audit event
 * (actor = the staff member's username) in one transaction.
 */
@Service
@EnableConfigurationProperties(UploadLimits.class)
public class DocumentService {

    private final KnowledgeImporter importer;
    private final KnowledgeStore store;
    private final DocumentVersionStore versions;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final UploadReader uploads;
    private final PlanLimits planLimits;

    DocumentService(
            KnowledgeImporter importer,
            KnowledgeStore store,
            DocumentVersionStore versions,
            AuditLog audit,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            UploadLimits limits,
            PlanLimits planLimits) {
        this.planLimits = planLimits;
        this.importer = importer;
        this.store = store;
        this.versions = versions;
        this.audit = audit;
        this.tx = tx;
        this.events = events;
        this.uploads = new UploadReader(limits);
    }

    /**
     * Saves an edit of a document (or creates it) and re-indexes it.
     *
     * @param expectedHash the content hash the edit started from, null for a new document
     * @throws StaleDocumentException when the document changed since (optimistic locking); nothing written
     * @throws InvalidDocumentException when the markdown cannot be imported; nothing written
     * @throws io.cellardoor.web.ApiProblem 403 {@code plan-limit-reached} for a new document past the plan's documents
     */
    public ImportReport save(
            long orgId,
            String actor,
            String path,
            String markdown,
            @Nullable String expectedHash,
            Consumer<String> progress) {
        planLimits.requireDocuments(orgId, () -> isNew(orgId, path) ? 1 : 0);
        return importer.importDocument(
                orgId, path, markdown, expectedHash, new Change(actor, VersionKind.SAVE), progress);
    }

    /** The document's versions, newest first (also for a deleted document). */
    public List<DocumentVersion> versions(long orgId, String path) {
        return versions.list(orgId, path);
    }

    /** One version with its markdown, if the org has it. */
    public Optional<DocumentVersion.WithText> version(long orgId, long versionId) {
        return versions.find(orgId, versionId);
    }

    /**
     * A version (old) against the document's current text (new; empty when the document is deleted), line by line.
     */
    public Optional<DocumentDiff> diffWithCurrent(long orgId, long versionId) {
        return versions.find(orgId, versionId)
                .map(v -> DocumentDiff.between(
                        v.markdown(),
                        store.findSource(orgId, v.version().path())
                                .map(KnowledgeStore.DocumentSource::markdown)
                                .orElse("")));
    }

    /** Documents that are deleted now and can be restored from their history, newest deletion first. */
    public List<DocumentVersion> deletedDocuments(long orgId) {
        return versions.deleted(orgId);
    }

    /**
     * Restores a version's text as the document's new version (a deleted document comes back), re-indexed.
     *
     * @param expectedHash the content hash the caller saw, to refuse a rollback over a change made since; null takes
     *     the current document as it is
     * @return the report, or empty when the org has no such version
     * @throws StaleDocumentException when {@code expectedHash} is not the current hash
     * @throws io.cellardoor.web.ApiProblem 403 {@code plan-limit-reached} restoring a deleted document past the plan's
     *     documents
     */
    public Optional<ImportReport> rollback(
            long orgId, String actor, long versionId, @Nullable String expectedHash, Consumer<String> progress) {
        Optional<DocumentVersion.WithText> version = versions.find(orgId, versionId);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        String path = version.get().version().path();
        String current = store.findSource(orgId, path)
                .map(KnowledgeStore.DocumentSource::contentHash)
                .orElse(null);
        if (current == null) {
            planLimits.requireDocuments(orgId, () -> 1);
        }
        String base = expectedHash == null ? current : expectedHash;
        return Optional.of(importer.importDocument(
                orgId, path, version.get().markdown(), base, new Change(actor, VersionKind.ROLLBACK), progress));
    }

    /**
     * Deletes a document and its chunks; its versions stay (a {@code delete} version keeps its last text).
     *
     * @param expectedHash the content hash the caller saw, or null to delete whatever is stored
     * @return false when the org has no document at the path
     * @throws StaleDocumentException when {@code expectedHash} is not the current hash; nothing deleted
     */
    public boolean delete(long orgId, String actor, String path, @Nullable String expectedHash) {
        long started = System.nanoTime();
        Boolean deleted = tx.execute(status -> {
            KnowledgeStore.DocumentSource current =
                    store.lockDocument(orgId, path).orElse(null);
            if (current == null) {
                return false;
            }
            if (expectedHash != null && !expectedHash.equals(current.contentHash())) {
                throw new StaleDocumentException(path, current.contentHash());
            }
            versions.appendDeletions(orgId, List.of(path), actor);
            store.deleteDocument(orgId, path);
            audit.record(orgId, actor, VersionKind.DELETE.auditAction(), path, current.markdown(), null);
            return true;
        });
        if (Boolean.TRUE.equals(deleted)) {
            events.publishEvent(new KnowledgeImported(
                    orgId, new ImportReport(0, 0, 0, 1, 0, 0, List.of(), (System.nanoTime() - started) / 1_000_000)));
            return true;
        }
        return false;
    }

    /**
     * Imports uploaded markdown files and zips of them into a folder, each document re-indexed and versioned on its
     * own; a file that cannot be imported is reported by path and the rest is imported.
     *
     * @param folder folder to import into, {@code ""} for the root; paths inside zips (and relative paths in file
     *     names) are kept below it
     * @param progress receives lines like {@code imported 3/12: wine/reds.md}
     * @throws UploadRejectedException when the folder is unsafe or the upload exceeds the count or size limits;
     *     nothing is imported
     * @throws io.cellardoor.web.ApiProblem 403 {@code plan-limit-reached} when its new documents would pass the plan's
     *     documents; nothing is imported
     */
    public UploadReport upload(
            long orgId, String actor, String folder, List<UploadedFile> files, Consumer<String> progress) {
        long started = System.nanoTime();
        UploadReader.Batch batch = uploads.read(folder, files);
        planLimits.requireDocuments(orgId, () -> (int)
                batch.documents().keySet().stream().filter(p -> isNew(orgId, p)).count());
        List<ImportReport.Failure> skipped = new ArrayList<>(batch.skipped());
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        int embedded = 0;
        int reused = 0;
        int done = 0;
        for (Map.Entry<String, byte[]> document : batch.documents().entrySet()) {
            String path = document.getKey();
            done++;
            try {
                String markdown = utf8(document.getValue());
                String current = store.findSource(orgId, path)
                        .map(KnowledgeStore.DocumentSource::contentHash)
                        .orElse(null);
                ImportReport report = importer.importDocument(
                        orgId, path, markdown, current, new Change(actor, VersionKind.UPLOAD), line -> {});
                (report.added() > 0 ? added : report.updated() > 0 ? updated : unchanged).add(path);
                embedded += report.chunksEmbedded();
                reused += report.chunksReused();
                progress.accept(
                        "imported %d/%d: %s".formatted(done, batch.documents().size(), path));
            } catch (CharacterCodingException e) {
                skipped.add(new ImportReport.Failure(path, "not valid UTF-8 text"));
            } catch (InvalidDocumentException e) {
                skipped.add(new ImportReport.Failure(path, e.reason()));
            } catch (StaleDocumentException e) {
                skipped.add(
                        new ImportReport.Failure(path, "changed by someone else during the upload; upload it again"));
            }
        }
        skipped.forEach(f -> progress.accept("skipped " + f.path() + ": " + f.reason()));
        String target =
                folder.isBlank() ? "" : java.util.Objects.requireNonNullElse(UploadReader.safePath(folder.strip()), "");
        return new UploadReport(
                target,
                List.copyOf(added),
                List.copyOf(updated),
                List.copyOf(unchanged),
                List.copyOf(skipped),
                embedded,
                reused,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private boolean isNew(long orgId, String path) {
        return store.findSource(orgId, path).isEmpty();
    }
}

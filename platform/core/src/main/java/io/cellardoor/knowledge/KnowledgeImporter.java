package io.cellardoor.knowledge;

import com.pgvector.PGvector;
import io.cellardoor.audit.AuditLog;
import io.cellardoor.embedding.Embeddings;
import io.cellardoor.tenant.TenantTransactions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Imports a folder of markdown into an org's knowledge, incrementally.
 *
 * <p>Files are parsed and embedded outside any transaction; then one transaction replaces the changed
 * documents' chunks and removes documents whose file is gone, so readers see the previous index until
 * the new one commits. Chunks whose text hash is already stored reuse their embedding. A file that
 * cannot be read or parsed is reported by path, keeps its previously stored version, and the rest is
 * imported.
 *
 * <p>Every document write appends a version ({@code kb_document_version}) and, for staff changes, an audit event, in
 * the writing transaction.
 */
@Service
public class KnowledgeImporter {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeImporter.class);
    private static final int EMBED_BATCH = 32;
    /** The audit log's actor for folder imports. */
    static final String IMPORT_ACTOR = "system";

    private final KnowledgeStore store;
    private final DocumentVersionStore versions;
    private final AuditLog audit;
    private final Embeddings embeddings;
    private final MarkdownParser parser = new MarkdownParser();
    private final TenantTransactions tenant;
    private final ApplicationEventPublisher events;

    KnowledgeImporter(
            KnowledgeStore store,
            DocumentVersionStore versions,
            AuditLog audit,
            Embeddings embeddings,
            TenantTransactions tenant,
            ApplicationEventPublisher events) {
        this.store = store;
        this.versions = versions;
        this.audit = audit;
        this.embeddings = embeddings;
        this.tenant = tenant;
        this.events = events;
    }

    /**
     * Imports every {@code .md} file below a folder except {@code README.md} files (which describe the folder);
     * the top folder of each file names its domain folder.
     *
     * <p>Staff changes win over files that did not change ("console wins"): a document whose newest version was
     * written by staff (saved, uploaded, rolled back or deleted in the console or admin API) is left alone, and
     * reported in {@link ImportReport#kept()}, unless its file changed since it was last imported; then the file wins.
     * A stored document without a file is deleted only when a folder import wrote its newest version.
     *
     * @param orgId the org that owns the knowledge
     * @param folder the knowledge folder, e.g. {@code ../shared/data/milea-knowledge}
     * @param progress receives human-readable progress lines (e.g. "embedded 320/1480 chunks")
     * @throws IllegalArgumentException when the folder does not exist
     * @throws IOException when the folder cannot be listed
     */
    public ImportReport importFolder(long orgId, Path folder, Consumer<String> progress) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("knowledge folder not found: " + folder);
        }
        long started = System.nanoTime();
        List<ImportReport.Failure> failures = new ArrayList<>();
        Map<String, ParsedDocument> parsed = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> Files.isRegularFile(p)
                            && p.getFileName().toString().toLowerCase().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            String rel = folder.relativize(file).toString().replace('\\', '/');
            try {
                parsed.put(rel, parser.parse(rel, readUtf8(file)));
            } catch (InvalidDocumentException e) {
                failures.add(new ImportReport.Failure(rel, e.reason()));
            } catch (CharacterCodingException e) {
                failures.add(new ImportReport.Failure(rel, "not valid UTF-8 text"));
            } catch (IOException | RuntimeException e) {
                failures.add(new ImportReport.Failure(rel, "unreadable: " + e.getMessage()));
            }
        }
        failures.forEach(f -> progress.accept("skipped " + f.path() + ": " + f.reason()));

        Map<String, String> storedHashes = store.documentHashes(orgId);
        // Chunks embedded by another model than the configured one: every document is re-embedded.
        boolean reembed = store.hasChunksOfAnotherModel(orgId, embeddings.modelId());
        Map<String, DocumentVersionStore.Head> heads = versions.heads(orgId);
        Map<String, String> lastImported = versions.lastImportedHashes(orgId);
        List<ParsedDocument> changed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        int unchanged = 0;
        for (ParsedDocument doc : parsed.values()) {
            String hash = sha256(doc.markdown());
            DocumentVersionStore.Head head = heads.get(doc.path());
            if (!reembed && hash.equals(storedHashes.get(doc.path()))) {
                unchanged++;
            } else if (head != null && head.byStaff() && hash.equals(lastImported.get(doc.path()))) {
                kept.add(doc.path());
            } else {
                changed.add(doc);
            }
        }
        List<String> deleted = new ArrayList<>();
        for (String path : storedHashes.keySet().stream().sorted().toList()) {
            if (parsed.containsKey(path)
                    || failures.stream().anyMatch(f -> f.path().equals(path))) {
                continue;
            }
            DocumentVersionStore.Head head = heads.get(path);
            if (head != null && head.byStaff()) {
                kept.add(path);
            } else {
                deleted.add(path);
            }
        }
        kept.forEach(path -> progress.accept(
                "skipped " + path + ": changed by staff since its file was last imported (console wins)"));

        // Embed the chunks whose text hash the org does not have yet.
        List<KnowledgeStore.NewChunk> newChunks = new ArrayList<>();
        for (ParsedDocument doc : changed) {
            for (ParsedDocument.Chunk c : doc.chunks()) {
                String text = c.embeddingText(doc.title());
                newChunks.add(new KnowledgeStore.NewChunk(doc.path(), c, embeddings.chunkHash(text), text));
            }
        }
        Map<String, PGvector> vectors = new HashMap<>(store.embeddingsByHash(
                orgId,
                newChunks.stream().map(KnowledgeStore.NewChunk::hash).distinct().toList()));
        int reused = (int)
                newChunks.stream().filter(c -> vectors.containsKey(c.hash())).count();
        List<KnowledgeStore.NewChunk> toEmbed = newChunks.stream()
                .filter(c -> !vectors.containsKey(c.hash()))
                .collect(java.util.stream.Collectors.toMap(
                        KnowledgeStore.NewChunk::hash, c -> c, (a, b) -> a, LinkedHashMap::new))
                .values()
                .stream()
                .toList();
        for (int i = 0; i < toEmbed.size(); i += EMBED_BATCH) {
            List<KnowledgeStore.NewChunk> batch = toEmbed.subList(i, Math.min(toEmbed.size(), i + EMBED_BATCH));
            List<float[]> embedded = embeddings.embedAll(
                    batch.stream().map(KnowledgeStore.NewChunk::embeddingText).toList());
            for (int j = 0; j < batch.size(); j++) {
                vectors.put(batch.get(j).hash(), new PGvector(embedded.get(j)));
            }
            int done = Math.min(toEmbed.size(), i + EMBED_BATCH);
            if (done == toEmbed.size() || (i / EMBED_BATCH) % 8 == 7) {
                progress.accept("embedded %d/%d chunks".formatted(done, toEmbed.size()));
            }
        }

        int added = (int) changed.stream()
                .filter(d -> !storedHashes.containsKey(d.path()))
                .count();
        Change imported = new Change(Change.IMPORT_AUTHOR, VersionKind.IMPORT);
        ImportReport report = new ImportReport(
                added,
                changed.size() - added,
                unchanged,
                deleted.size(),
                toEmbed.size(),
                newChunks.size() - toEmbed.size(),
                List.copyOf(failures),
                (System.nanoTime() - started) / 1_000_000,
                List.copyOf(kept));
        tenant.runInOrg(orgId, () -> {
            for (ParsedDocument doc : changed) {
                String hash = sha256(doc.markdown());
                long documentId = store.upsertDocument(orgId, doc, hash);
                store.replaceChunks(
                        orgId,
                        documentId,
                        doc,
                        newChunks.stream()
                                .filter(c -> c.path().equals(doc.path()))
                                .toList(),
                        vectors);
                versions.append(orgId, doc.path(), doc.title(), doc.markdown(), hash, imported);
            }
            versions.appendDeletions(orgId, deleted, Change.IMPORT_AUTHOR);
            store.deleteDocuments(orgId, deleted);
            if (report.changedAnything() || !kept.isEmpty()) {
                audit.record(
                        orgId,
                        IMPORT_ACTOR,
                        "knowledge.imported",
                        String.valueOf(folder.getFileName()),
                        null,
                        importSummary(report, changed, deleted));
            }
        });
        log.info("Imported {} into org {}: {}", folder, orgId, report.summary());
        events.publishEvent(new KnowledgeImported(orgId, report));
        return report;
    }

    /**
     * Imports one document's markdown (an edit in the console), incrementally: chunks whose text hash the org already
     * has reuse their embedding, the rest are embedded outside any transaction, then one transaction replaces the
     * document and its chunks, so retrieval serves the previous version until it commits.
     *
     * @param orgId the org that owns the knowledge
     * @param path path relative to the knowledge folder, e.g. {@code visiting/hours.md}; its top folder is its domain
     *     folder
     * @param markdown the new markdown
     * @param expectedHash the content hash of the version the edit started from, or null for a new (or deleted)
     *     document
     * @param change who makes the change and how; written as the document's new version and in the audit log (with
     *     the text before and after) in the same transaction as the document
     * @param progress receives human-readable progress lines
     * @throws StaleDocumentException when the stored version is not {@code expectedHash} (checked again under a row
     *     lock in the writing transaction); nothing is written
     * @throws InvalidDocumentException when the markdown cannot be parsed; nothing is written
     */
    public ImportReport importDocument(
            long orgId,
            String path,
            String markdown,
            @Nullable String expectedHash,
            Change change,
            Consumer<String> progress) {
        long started = System.nanoTime();
        String stored = store.findSource(orgId, path)
                .map(KnowledgeStore.DocumentSource::contentHash)
                .orElse(null);
        if (!java.util.Objects.equals(stored, expectedHash)) {
            throw new StaleDocumentException(path, stored);
        }
        String hash = sha256(markdown);
        if (hash.equals(stored)) {
            progress.accept("unchanged");
            return new ImportReport(0, 0, 1, 0, 0, 0, List.of(), (System.nanoTime() - started) / 1_000_000);
        }
        progress.accept("parsing " + path);
        ParsedDocument doc = parser.parse(path, markdown);
        List<KnowledgeStore.NewChunk> chunks = new ArrayList<>();
        for (ParsedDocument.Chunk c : doc.chunks()) {
            String text = c.embeddingText(doc.title());
            chunks.add(new KnowledgeStore.NewChunk(doc.path(), c, embeddings.chunkHash(text), text));
        }
        Map<String, PGvector> vectors = new HashMap<>(store.embeddingsByHash(
                orgId,
                chunks.stream().map(KnowledgeStore.NewChunk::hash).distinct().toList()));
        List<KnowledgeStore.NewChunk> toEmbed = chunks.stream()
                .filter(c -> !vectors.containsKey(c.hash()))
                .collect(java.util.stream.Collectors.toMap(
                        KnowledgeStore.NewChunk::hash, c -> c, (a, b) -> a, LinkedHashMap::new))
                .values()
                .stream()
                .toList();
        progress.accept("embedding %d of %d chunks".formatted(toEmbed.size(), chunks.size()));
        for (int i = 0; i < toEmbed.size(); i += EMBED_BATCH) {
            List<KnowledgeStore.NewChunk> batch = toEmbed.subList(i, Math.min(toEmbed.size(), i + EMBED_BATCH));
            List<float[]> embedded = embeddings.embedAll(
                    batch.stream().map(KnowledgeStore.NewChunk::embeddingText).toList());
            for (int j = 0; j < batch.size(); j++) {
                vectors.put(batch.get(j).hash(), new PGvector(embedded.get(j)));
            }
        }
        progress.accept("saving");
        tenant.runInOrg(orgId, () -> {
            KnowledgeStore.DocumentSource before =
                    store.lockDocument(orgId, path).orElse(null);
            String now = before == null ? null : before.contentHash();
            if (!java.util.Objects.equals(now, expectedHash)) {
                throw new StaleDocumentException(path, now);
            }
            long documentId = store.upsertDocument(orgId, doc, hash);
            store.replaceChunks(orgId, documentId, doc, chunks, vectors);
            versions.append(orgId, path, doc.title(), markdown, hash, change);
            audit.record(
                    orgId,
                    change.author(),
                    change.kind().auditAction(),
                    path,
                    before == null ? null : before.markdown(),
                    markdown);
        });
        ImportReport report = new ImportReport(
                stored == null ? 1 : 0,
                stored == null ? 0 : 1,
                0,
                0,
                toEmbed.size(),
                chunks.size() - toEmbed.size(),
                List.of(),
                (System.nanoTime() - started) / 1_000_000);
        log.info("Imported {} into org {}: {}", path, orgId, report.summary());
        events.publishEvent(new KnowledgeImported(orgId, report));
        return report;
    }

    /** What the audit log says about a folder import: the summary and the paths it wrote, deleted or kept. */
    private static String importSummary(ImportReport report, List<ParsedDocument> changed, List<String> deleted) {
        StringBuilder text = new StringBuilder(report.summary()).append('\n');
        changed.forEach(doc -> text.append("written: ").append(doc.path()).append('\n'));
        deleted.forEach(path -> text.append("deleted: ").append(path).append('\n'));
        report.kept().forEach(path -> text.append("kept: ").append(path).append('\n'));
        return text.toString();
    }

    private static String readUtf8(Path file) throws IOException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

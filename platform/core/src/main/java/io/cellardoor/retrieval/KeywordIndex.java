package io.cellardoor.retrieval;

import io.cellardoor.knowledge.KnowledgeImported;
import io.cellardoor.text.CorpusStatistics;
import io.cellardoor.text.TermCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.store.AlreadyClosedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Each tenant's BM25 keyword index, in process: a cache derived from PostgreSQL, which stays the only source of truth
 * (docs/decisions/0027).
 *
 * <p>An org's index is opened on its first search (or knowledge change) from this instance's folder when its commit
 * data matches the database (same outbox epoch, its last applied change still in the outbox with the same chunk, not
 * ahead of the counter), else rebuilt from every chunk of the org in one snapshot; until it is ready, searches return
 * empty and the hybrid query uses PostgreSQL full text. Ready indexes follow the chunk change outbox (migration V26):
 * at once after this instance's own imports ({@link KnowledgeImported}), on the database's notification of another
 * instance's commit, and every {@code poll-interval}. A gap in the outbox or a changed epoch means a rebuild.
 *
 * <p>The index only proposes chunk ids; the hybrid query keeps those that exist in the org under row-level security,
 * so a stale index can lose a chunk from the keyword branch for a moment but never show another org's.
 */
@Component
@EnableConfigurationProperties(KeywordIndexProperties.class)
public class KeywordIndex implements DisposableBean, TermCounts {

    /** How an org's index stands on this instance. */
    public enum Status {
        /** The keyword index is switched off ({@code cellardoor.retrieval.keyword-index.enabled=false}). */
        OFF,
        /** Not opened yet on this instance. */
        ABSENT,
        /** Being opened or rebuilt: PostgreSQL full text serves. */
        BUILDING,
        /** Searchable. */
        READY
    }

    /**
     * A completed rebuild.
     *
     * @param orgId the org
     * @param chunks chunks indexed
     * @param seconds from the first row read to the index committed and searchable
     * @param appliedChange the outbox position the rebuilt index holds
     */
    public record Rebuild(long orgId, int chunks, double seconds, long appliedChange) {}

    /** Chunks up to which a knowledge change on this instance opens or rebuilds the org's index before returning. */
    static final int SYNC_REBUILD_CHUNKS = 20_000;

    private static final Logger log = LoggerFactory.getLogger(KeywordIndex.class);

    /** The property naming a small tenant's most chunks. */
    static final String SMALL_TENANT_MAX_CHUNKS = "cellardoor.retrieval.exact-vector-max-chunks";

    private final KeywordIndexProperties properties;
    private final int smallTenantMaxChunks;
    private final ChunkChanges changes;
    private final IndexFolder folder;
    private final IndexMaintenance maintenance;
    private final Map<Long, IndexSlot> slots = new LinkedHashMap<>(16, 0.75f, true);
    private final ExecutorService rebuilds;
    private final ScheduledExecutorService updates;

    KeywordIndex(KeywordIndexProperties properties, ChunkChanges changes, Environment environment) {
        this.properties = properties;
        this.changes = changes;
        this.folder = IndexFolder.claim(
                properties.dir(), environment.getProperty("spring.datasource.url", "default"), properties.on());
        this.smallTenantMaxChunks = environment.getProperty(SMALL_TENANT_MAX_CHUNKS, Integer.class, 2000);
        this.maintenance = new IndexMaintenance(changes, folder, properties.retention(), smallTenantMaxChunks);
        this.rebuilds = Executors.newFixedThreadPool(
                properties.rebuildThreads(),
                Thread.ofPlatform().name("keyword-index-rebuild-", 0).daemon().factory());
        this.updates = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("keyword-index-updates").daemon().factory());
        if (properties.on()) {
            long every = properties.pollInterval().toMillis();
            updates.scheduleWithFixedDelay(this::pollOpen, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the keyword branch reads Lucene at all. */
    public boolean enabled() {
        return properties.on();
    }

    /**
     * Chunk ids of the org's best BM25 matches for the text, best first, or empty when the org's index is not ready
     * on this instance (its opening or rebuild is then started) or the index is off.
     *
     * @param english English analysis; otherwise folded words without stemming (questions in other languages)
     * @param folders when not empty, only chunks of these normalised folders
     * @param n at most this many ids
     */
    public Optional<long[]> search(long orgId, String text, boolean english, List<String> folders, int n) {
        OrgIndex index = ready(orgId);
        if (index == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(index.search(text, english, folders, n));
        } catch (AlreadyClosedException e) {
            return Optional.empty(); // closed by a rebuild or eviction since it was read
        } catch (IOException e) {
            log.warn("Keyword index of org {} failed to search; PostgreSQL full text serves", orgId, e);
            return Optional.empty();
        }
    }

    /**
     * Both branches of a small tenant's hybrid query from its index here, for the fusion in process
     * ({@link ReciprocalRankFusion}): its best BM25 matches and its nearest chunks by an exact scan of their
     * embeddings. Empty when the index is off or not ready here (its opening is then started), holds no embeddings
     * (the org had more than {@code exact-vector-max-chunks} chunks at its last rebuild), has grown past that size, or
     * fails: the hybrid statement in PostgreSQL serves then.
     *
     * @param query the org, keyword text and language, folders and embedding
     * @param keywordN keyword matches wanted (0: none)
     * @param vectorN nearest chunks wanted (0: none; every candidate still carries its cosine similarity)
     */
    Optional<List<ReciprocalRankFusion.Candidate>> candidates(RetrievalQuery query, int keywordN, int vectorN) {
        long orgId = query.orgId();
        OrgIndex index = ready(orgId);
        if (index == null || !index.state().embeddings()) {
            return Optional.empty();
        }
        try {
            if (index.size() > smallTenantMaxChunks) {
                return Optional.empty();
            }
            return Optional.of(index.candidates(
                    query.text(), query.english(), query.onlyFolders(), query.embedding(), keywordN, vectorN));
        } catch (AlreadyClosedException e) {
            return Optional.empty();
        } catch (IOException | IllegalStateException e) {
            log.warn("Keyword index of org {} failed to find candidates; PostgreSQL serves", orgId, e);
            return Optional.empty();
        }
    }

    /**
     * The word of the org's chunks a misspelt word most likely means ("tastin" -> "tasting"), from the org's index here:
     * within one edit, or two for a word of ten letters or more, with the same first letter (two edits make "florida"
     * "flora" and "sulfites" "suite"). Empty when the word is in the chunks, is shorter than four letters, nothing is
     * close, or the index is off, not ready or fails (the question is then read as typed).
     *
     * @param foldedWord a lower-case word without accents
     */
    public Optional<String> correction(long orgId, String foldedWord) {
        OrgIndex index = ready(orgId);
        if (index == null || foldedWord.length() < 4) {
            return Optional.empty();
        }
        try {
            return index.correction(foldedWord, foldedWord.length() >= 10 ? 2 : 1);
        } catch (AlreadyClosedException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("Keyword index of org {} failed to correct a word; it is read as typed", orgId, e);
            return Optional.empty();
        }
    }

    /** The org's index when it is on and ready here, else null (and its opening is started when it is on). */
    private @Nullable OrgIndex ready(long orgId) {
        if (!properties.on()) {
            return null;
        }
        IndexSlot slot = slot(orgId);
        OrgIndex index = slot.index;
        if (index == null) {
            activateLater(slot);
        }
        return index;
    }

    /**
     * Chunks a small tenant has at most ({@code cellardoor.retrieval.exact-vector-max-chunks}, default 2000; 0: none is
     * small): its index holds embeddings and its whole hybrid query runs here, else its vector branch is at least an
     * exact scan in PostgreSQL (decisions 0055, 0058).
     */
    int smallTenantMaxChunks() {
        return smallTenantMaxChunks;
    }

    /** How the org's index stands on this instance. */
    public Status status(long orgId) {
        if (!properties.on()) {
            return Status.OFF;
        }
        IndexSlot slot;
        synchronized (slots) {
            slot = slots.get(orgId);
        }
        if (slot == null) {
            return Status.ABSENT;
        }
        return slot.index != null ? Status.READY : Status.BUILDING;
    }

    /**
     * Opens the org's index if needed and applies every committed change; returns when it is ready (or the index is
     * off). For tests, the benchmark and the first question after a start.
     */
    public Status awaitReady(long orgId) {
        if (!properties.on()) {
            return Status.OFF;
        }
        IndexSlot slot = slot(orgId);
        slot.lock.lock();
        try {
            if (slot.index == null) {
                maintenance.activate(slot);
            } else {
                maintenance.catchUp(slot);
            }
        } finally {
            slot.lock.unlock();
        }
        return status(orgId);
    }

    /** Rebuilds the org's index from PostgreSQL now (PostgreSQL full text serves meanwhile), and says how long. */
    public Rebuild rebuild(long orgId) {
        IndexSlot slot = slot(orgId);
        slot.lock.lock();
        try {
            maintenance.rebuild(slot);
            return java.util.Objects.requireNonNull(slot.lastRebuild);
        } finally {
            slot.lock.unlock();
        }
    }

    /** The last rebuild of the org's index on this instance, if any. */
    public Optional<Rebuild> lastRebuild(long orgId) {
        synchronized (slots) {
            IndexSlot slot = slots.get(orgId);
            return Optional.ofNullable(slot == null ? null : slot.lastRebuild);
        }
    }

    /** Bytes of the org's index on disk (0 when it has none). */
    public long bytesOnDisk(long orgId) {
        Path dir = maintenance.folder(orgId);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The org's term statistics read from its ready index: the chunk count now and a live view of document
     * frequencies, or empty when the index is not ready here.
     */
    @Override
    public Optional<CorpusStatistics.Stats> statistics(long orgId) {
        if (!properties.on()) {
            return Optional.empty();
        }
        IndexSlot slot;
        synchronized (slots) {
            slot = slots.get(orgId);
        }
        OrgIndex index = slot == null ? null : slot.index;
        if (index == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CorpusStatistics.Stats(index.size(), new DocumentFrequencies(this, orgId)));
        } catch (IOException | AlreadyClosedException e) {
            return Optional.empty();
        }
    }

    /** In how many of the org's chunks a term occurs, per its index here now; 0 when it has none ready. */
    int documentFrequency(long orgId, String term) {
        IndexSlot slot;
        synchronized (slots) {
            slot = slots.get(orgId);
        }
        OrgIndex index = slot == null ? null : slot.index;
        if (index == null) {
            return 0;
        }
        try {
            return index.documentFrequency(term);
        } catch (IOException | AlreadyClosedException e) {
            return 0;
        }
    }

    /** Every term of the org's index here now with its document frequency; empty when it has none ready. */
    Map<String, Integer> documentFrequencies(long orgId) {
        IndexSlot slot;
        synchronized (slots) {
            slot = slots.get(orgId);
        }
        OrgIndex index = slot == null ? null : slot.index;
        if (index == null) {
            return Map.of();
        }
        try {
            return index.documentFrequencies();
        } catch (IOException | AlreadyClosedException e) {
            return Map.of();
        }
    }

    /** Applies the org's committed changes to its open index, if it has one here. */
    public void catchUp(long orgId) {
        IndexSlot slot;
        synchronized (slots) {
            slot = slots.get(orgId);
        }
        if (slot == null || slot.index == null) {
            return;
        }
        slot.lock.lock();
        try {
            maintenance.catchUp(slot);
        } finally {
            slot.lock.unlock();
        }
    }

    /** This instance's own import: its index follows before the import returns (read-your-writes). */
    @EventListener
    void onKnowledgeImported(KnowledgeImported event) {
        if (!properties.on()) {
            return;
        }
        IndexSlot slot = slot(event.orgId());
        try {
            if (slot.index != null) {
                catchUp(event.orgId());
            } else if (changes.chunkCount(event.orgId()) <= SYNC_REBUILD_CHUNKS) {
                awaitReady(event.orgId());
            } else {
                activateLater(slot);
            }
        } catch (RuntimeException e) {
            // The import itself committed; the index follows on the next notification, poll or search.
            log.warn("Keyword index of org {} could not follow its import yet", event.orgId(), e);
        }
    }

    /** Another instance committed changes of the org (a database notification): follow them soon. */
    void changed(long orgId) {
        synchronized (slots) {
            if (!slots.containsKey(orgId)) {
                return;
            }
        }
        updates.execute(() -> catchUpQuietly(orgId));
    }

    /** The orgs with an open index on this instance. */
    List<Long> openOrgs() {
        synchronized (slots) {
            return List.copyOf(slots.keySet());
        }
    }

    private void pollOpen() {
        for (long orgId : openOrgs()) {
            catchUpQuietly(orgId);
        }
    }

    private void catchUpQuietly(long orgId) {
        try {
            catchUp(orgId);
        } catch (RuntimeException e) {
            log.warn("Keyword index of org {} could not follow its changes; will retry", orgId, e);
        }
    }

    private IndexSlot slot(long orgId) {
        List<IndexSlot> evicted = new ArrayList<>();
        IndexSlot slot;
        synchronized (slots) {
            slot = slots.computeIfAbsent(orgId, IndexSlot::new);
            var it = slots.entrySet().iterator();
            while (slots.size() > properties.maxOpen() && it.hasNext()) {
                IndexSlot eldest = it.next().getValue();
                if (eldest != slot) {
                    it.remove();
                    evicted.add(eldest);
                }
            }
        }
        for (IndexSlot e : evicted) {
            updates.execute(() -> IndexMaintenance.close(e));
        }
        return slot;
    }

    private void activateLater(IndexSlot slot) {
        if (slot.activating) {
            return;
        }
        slot.activating = true;
        rebuilds.execute(() -> {
            slot.lock.lock();
            try {
                if (slot.index == null) {
                    maintenance.activate(slot);
                }
            } catch (RuntimeException e) {
                log.warn("Keyword index of org {} could not be opened; PostgreSQL full text serves", slot.orgId, e);
            } finally {
                slot.activating = false;
                slot.lock.unlock();
            }
        });
    }

    @Override
    public void destroy() {
        updates.shutdownNow();
        rebuilds.shutdownNow();
        List<IndexSlot> all;
        synchronized (slots) {
            all = List.copyOf(slots.values());
            slots.clear();
        }
        all.forEach(s -> IndexMaintenance.closeQuietly(s.index));
        folder.release();
    }
}

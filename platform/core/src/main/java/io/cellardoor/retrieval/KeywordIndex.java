package io.cellardoor.retrieval;

import io.cellardoor.knowledge.KnowledgeImported;
import io.cellardoor.text.CorpusStatistics;
import io.cellardoor.text.TermCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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

    private static final int BATCH = 1000;
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(KeywordIndex.class);

    private final KeywordIndexProperties properties;
    private final ChunkChanges changes;
    private final IndexFolder folder;
    private final Map<Long, Slot> slots = new LinkedHashMap<>(16, 0.75f, true);
    private final ExecutorService rebuilds;
    private final ScheduledExecutorService updates;

    KeywordIndex(KeywordIndexProperties properties, ChunkChanges changes, Environment environment) {
        this.properties = properties;
        this.changes = changes;
        this.folder = IndexFolder.claim(
                properties.dir(), environment.getProperty("spring.datasource.url", "default"), properties.on());
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

    /** One org's index on this instance; writes to it (catch-up, rebuild) hold its lock. */
    private static final class Slot {
        final long orgId;
        final ReentrantLock lock = new ReentrantLock();
        volatile @Nullable OrgIndex index;
        volatile boolean activating;
        volatile long prunedAt;
        volatile @Nullable Rebuild lastRebuild;

        Slot(long orgId) {
            this.orgId = orgId;
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
        if (!properties.on()) {
            return Optional.empty();
        }
        Slot slot = slot(orgId);
        OrgIndex index = slot.index;
        if (index == null) {
            activateLater(slot);
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

    /** How the org's index stands on this instance. */
    public Status status(long orgId) {
        if (!properties.on()) {
            return Status.OFF;
        }
        Slot slot;
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
        Slot slot = slot(orgId);
        slot.lock.lock();
        try {
            if (slot.index == null) {
                activateLocked(slot);
            } else {
                catchUpLocked(slot);
            }
        } finally {
            slot.lock.unlock();
        }
        return status(orgId);
    }

    /** Rebuilds the org's index from PostgreSQL now (PostgreSQL full text serves meanwhile), and says how long. */
    public Rebuild rebuild(long orgId) {
        Slot slot = slot(orgId);
        slot.lock.lock();
        try {
            rebuildLocked(slot);
            return java.util.Objects.requireNonNull(slot.lastRebuild);
        } finally {
            slot.lock.unlock();
        }
    }

    /** The last rebuild of the org's index on this instance, if any. */
    public Optional<Rebuild> lastRebuild(long orgId) {
        synchronized (slots) {
            Slot slot = slots.get(orgId);
            return Optional.ofNullable(slot == null ? null : slot.lastRebuild);
        }
    }

    /** Bytes of the org's index on disk (0 when it has none). */
    public long bytesOnDisk(long orgId) {
        Path dir = folder(orgId);
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
        Slot slot;
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
        Slot slot;
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

    /** Applies the org's committed changes to its open index, if it has one here. */
    public void catchUp(long orgId) {
        Slot slot;
        synchronized (slots) {
            slot = slots.get(orgId);
        }
        if (slot == null || slot.index == null) {
            return;
        }
        slot.lock.lock();
        try {
            catchUpLocked(slot);
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
        Slot slot = slot(event.orgId());
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

    private Slot slot(long orgId) {
        List<Slot> evicted = new ArrayList<>();
        Slot slot;
        synchronized (slots) {
            slot = slots.computeIfAbsent(orgId, Slot::new);
            var it = slots.entrySet().iterator();
            while (slots.size() > properties.maxOpen() && it.hasNext()) {
                Slot eldest = it.next().getValue();
                if (eldest != slot) {
                    it.remove();
                    evicted.add(eldest);
                }
            }
        }
        for (Slot e : evicted) {
            updates.execute(() -> closeSlot(e));
        }
        return slot;
    }

    private void activateLater(Slot slot) {
        if (slot.activating) {
            return;
        }
        slot.activating = true;
        rebuilds.execute(() -> {
            slot.lock.lock();
            try {
                if (slot.index == null) {
                    activateLocked(slot);
                }
            } catch (RuntimeException e) {
                log.warn("Keyword index of org {} could not be opened; PostgreSQL full text serves", slot.orgId, e);
            } finally {
                slot.activating = false;
                slot.lock.unlock();
            }
        });
    }

    /** Opens the index on disk when it matches the database, else rebuilds it; then applies later changes. */
    private void activateLocked(Slot slot) {
        OrgIndex opened = openIfCurrent(slot.orgId);
        if (opened == null) {
            rebuildLocked(slot);
            return;
        }
        slot.index = opened;
        catchUpLocked(slot);
    }

    private @Nullable OrgIndex openIfCurrent(long orgId) {
        Path dir = folder(orgId);
        OrgIndex.State state = OrgIndex.peek(dir);
        if (state == null) {
            return null;
        }
        ChunkChanges.Head head = changes.head(orgId);
        boolean current = state.version().equals(KeywordAnalyzers.VERSION)
                && state.orgId() == orgId
                && state.epoch().equals(head.epoch())
                && state.applied() >= 0
                && state.applied() <= head.lastChange()
                && (state.applied() == 0
                        || Long.valueOf(state.appliedChunk()).equals(changes.chunkOf(orgId, state.applied())));
        if (!current) {
            log.info("Keyword index of org {} on disk does not match the database ({}); rebuilding", orgId, state);
            return null;
        }
        try {
            return OrgIndex.open(dir);
        } catch (IOException | RuntimeException e) {
            log.warn("Keyword index of org {} could not be opened; rebuilding", orgId, e);
            return null;
        }
    }

    private void catchUpLocked(Slot slot) {
        OrgIndex index = slot.index;
        if (index == null) {
            return;
        }
        OrgIndex.State state = index.state();
        ChunkChanges.Head head = changes.head(slot.orgId);
        if (!head.epoch().equals(state.epoch()) || head.lastChange() < state.applied()) {
            log.info(
                    "Keyword index of org {}: outbox epoch or position changed ({} -> {}); rebuilding",
                    slot.orgId,
                    state,
                    head);
            rebuildLocked(slot);
            return;
        }
        long applied = state.applied();
        long appliedChunk = state.appliedChunk();
        try {
            while (applied < head.lastChange()) {
                List<ChunkChanges.Change> batch = changes.since(slot.orgId, applied, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                if (batch.get(0).changeId() != applied + 1) {
                    log.info(
                            "Keyword index of org {}: changes after {} are gone from the outbox; rebuilding",
                            slot.orgId,
                            applied);
                    rebuildLocked(slot);
                    return;
                }
                index.apply(batch);
                ChunkChanges.Change last = batch.get(batch.size() - 1);
                applied = last.changeId();
                appliedChunk = last.chunkId();
                if (batch.size() < BATCH) {
                    break;
                }
            }
            if (applied != state.applied()) {
                index.commit(
                        new OrgIndex.State(slot.orgId, state.epoch(), applied, appliedChunk, KeywordAnalyzers.VERSION));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long now = System.currentTimeMillis();
        if (now - slot.prunedAt > PRUNE_EVERY.toMillis()) {
            slot.prunedAt = now;
            changes.prune(slot.orgId, properties.retention());
        }
    }

    private void rebuildLocked(Slot slot) {
        long orgId = slot.orgId;
        OrgIndex old = slot.index;
        slot.index = null; // PostgreSQL full text serves until the new index is ready
        closeQuietly(old);
        Path dir = folder(orgId);
        Path building = dir.resolveSibling(dir.getFileName() + ".building");
        long t0 = System.nanoTime();
        int[] count = {0};
        try {
            deleteTree(building);
            ChunkChanges.Head head;
            try (OrgIndex fresh = OrgIndex.create(building)) {
                head = changes.everyChunk(orgId, chunk -> {
                    try {
                        fresh.add(chunk);
                        count[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                Long appliedChunk = head.lastChange() == 0 ? null : changes.chunkOf(orgId, head.lastChange());
                fresh.commit(new OrgIndex.State(
                        orgId,
                        head.epoch(),
                        head.lastChange(),
                        appliedChunk == null ? 0 : appliedChunk,
                        KeywordAnalyzers.VERSION));
            }
            deleteTree(dir);
            Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
            OrgIndex index = OrgIndex.open(dir);
            slot.lastRebuild = new Rebuild(orgId, count[0], (System.nanoTime() - t0) / 1e9, head.lastChange());
            slot.index = index;
            log.info(
                    "Keyword index of org {} rebuilt: {} chunks in {} s",
                    orgId,
                    count[0],
                    String.format("%.1f", slot.lastRebuild.seconds()));
        } catch (IOException e) {
            throw new UncheckedIOException("rebuilding the keyword index of org " + orgId, e);
        }
        catchUpLocked(slot);
    }

    private Path folder(long orgId) {
        return folder.path().resolve("org-" + orgId);
    }

    private static void closeSlot(Slot slot) {
        slot.lock.lock();
        try {
            closeQuietly(slot.index);
            slot.index = null;
        } finally {
            slot.lock.unlock();
        }
    }

    private static void closeQuietly(@Nullable OrgIndex index) {
        if (index != null) {
            try {
                index.close();
            } catch (IOException | RuntimeException e) {
                log.warn("Closing a keyword index failed", e);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void destroy() {
        updates.shutdownNow();
        rebuilds.shutdownNow();
        List<Slot> all;
        synchronized (slots) {
            all = List.copyOf(slots.values());
            slots.clear();
        }
        all.forEach(s -> closeQuietly(s.index));
        folder.release();
    }
}

package io.cellardoor.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one org's keyword index true to PostgreSQL (docs/decisions/0027): opens the index on disk only when its commit
 * data matches the outbox, applies the changes after its position, and rebuilds it from one snapshot of the org's
 * chunks when anything does not match. Callers hold the slot's lock.
 */
final class IndexMaintenance {

    private static final int BATCH = 1000;
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(KeywordIndex.class);

    private final ChunkChanges changes;
    private final IndexFolder folder;
    private final Duration retention;
    private final int embeddingsMaxChunks;

    /**
     * @param embeddingsMaxChunks an org rebuilt with at most this many chunks gets their embeddings in its index (the
     *     fusion then runs in process); 0: never
     */
    IndexMaintenance(ChunkChanges changes, IndexFolder folder, Duration retention, int embeddingsMaxChunks) {
        this.changes = changes;
        this.folder = folder;
        this.retention = retention;
        this.embeddingsMaxChunks = embeddingsMaxChunks;
    }

    /** Opens the index on disk when it matches the database, else rebuilds it; then applies later changes. */
    void activate(IndexSlot slot) {
        OrgIndex opened = openIfCurrent(slot.orgId);
        if (opened == null) {
            rebuild(slot);
            return;
        }
        slot.index = opened;
        catchUp(slot);
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

    void catchUp(IndexSlot slot) {
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
            rebuild(slot);
            return;
        }
        long applied = state.applied();
        long appliedChunk = state.appliedChunk();
        try {
            while (applied < head.lastChange()) {
                List<ChunkChanges.Change> batch = changes.since(slot.orgId, applied, BATCH, state.embeddings());
                if (batch.isEmpty()) {
                    break;
                }
                if (batch.get(0).changeId() != applied + 1) {
                    log.info(
                            "Keyword index of org {}: changes after {} are gone from the outbox; rebuilding",
                            slot.orgId,
                            applied);
                    rebuild(slot);
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
                index.commit(state.applied(applied, appliedChunk));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long now = System.currentTimeMillis();
        if (now - slot.prunedAt > PRUNE_EVERY.toMillis()) {
            slot.prunedAt = now;
            changes.prune(slot.orgId, retention);
        }
    }

    void rebuild(IndexSlot slot) {
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
            boolean embeddings = embeddingsMaxChunks > 0 && changes.chunkCount(orgId) <= embeddingsMaxChunks;
            try (OrgIndex fresh = OrgIndex.create(building)) {
                head = changes.everyChunk(orgId, embeddings, chunk -> {
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
                        KeywordAnalyzers.VERSION,
                        embeddings));
            }
            deleteTree(dir);
            Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
            OrgIndex index = OrgIndex.open(dir);
            slot.lastRebuild =
                    new KeywordIndex.Rebuild(orgId, count[0], (System.nanoTime() - t0) / 1e9, head.lastChange());
            slot.index = index;
            log.info(
                    "Keyword index of org {} rebuilt: {} chunks in {} s",
                    orgId,
                    count[0],
                    String.format("%.1f", slot.lastRebuild.seconds()));
        } catch (IOException e) {
            throw new UncheckedIOException("rebuilding the keyword index of org " + orgId, e);
        }
        catchUp(slot);
    }

    Path folder(long orgId) {
        return folder.path().resolve("org-" + orgId);
    }

    /** Closes the slot's index (eviction), waiting for a rebuild or catch-up in progress. */
    static void close(IndexSlot slot) {
        slot.lock.lock();
        try {
            closeQuietly(slot.index);
            slot.index = null;
        } finally {
            slot.lock.unlock();
        }
    }

    static void closeQuietly(@Nullable OrgIndex index) {
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
}

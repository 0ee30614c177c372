package io.cellardoor.retrieval;

import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/** One org's keyword index on this instance; writes to it (catch-up, rebuild) hold its lock. */
final class IndexSlot {
    final long orgId;
    final ReentrantLock lock = new ReentrantLock();
    /** Null while not ready: PostgreSQL full text serves. */
    volatile @Nullable OrgIndex index;

    volatile boolean activating;
    volatile long prunedAt;
    volatile KeywordIndex.@Nullable Rebuild lastRebuild;

    IndexSlot(long orgId) {
        this.orgId = orgId;
    }
}

package io.cellardoor.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class CachedRowsTests {

    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger value = new AtomicInteger(1);
    final CachedRows<Long, Integer> rows = new CachedRows<>(Duration.ofMinutes(1), key -> {
        reads.incrementAndGet();
        return value.get();
    });

    @Test
    void aRowIsReadOnceWithinItsTtl() {
        assertThat(rows.get(7L)).isEqualTo(1);
        value.set(2); // changed elsewhere: served from the cache until the ttl passes
        assertThat(rows.get(7L)).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aLocalWriteDropsTheRow() {
        rows.get(7L);
        value.set(2);
        rows.forget(7L);
        assertThat(rows.get(7L)).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadBetweenTheWriteAndItsCommitIsDroppedWhenTheTransactionEnds() {
        rows.get(7L);
        TransactionSynchronizationManager.initSynchronization();
        try {
            rows.forget(7L);
            assertThat(rows.get(7L))
                    .as("read before the commit: still the old row")
                    .isEqualTo(1);
            value.set(2); // the commit
            for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
                s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
            }
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(rows.get(7L)).isEqualTo(2);
    }
}

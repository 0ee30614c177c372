package io.cellardoor.datasource;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows an instance reads on every chat turn but that change rarely (an org's plan, its plugin switches and settings),
 * cached per instance with the feature flags' contract (decision 0047): served as they are and read again in the
 * background once older than {@code ttl} (the turn that finds them older is served them, the next one sees what was
 * read), read again before use once 30 times older, and dropped when this instance writes them. A change made on
 * another instance so applies on every busy instance within {@code ttl} plus one request.
 *
 * @param <K> the key (an org id, or an org and a plugin)
 * @param <V> the row or rows, immutable
 */
public final class CachedRows<K, V> {

    private final LoadingCache<K, V> rows;

    /**
     * @param ttl age after which a row is read again in the background, positive
     * @param read reads the row of a key from the database (in its own transaction); never null
     */
    public CachedRows(Duration ttl, Function<K, V> read) {
        this.rows = Caffeine.newBuilder()
                .refreshAfterWrite(ttl)
                .expireAfterWrite(ttl.multipliedBy(30))
                .maximumSize(10_000)
                .build(read::apply);
    }

    /** The key's row, at most {@code ttl} (30 times that when the instance was idle) older than the database's. */
    public V get(K key) {
        return rows.get(key);
    }

    /**
     * Drops the key's row after a write: now, and again when the caller's transaction (if one is active) has ended, so
     * that a read meanwhile cannot keep what the transaction replaced.
     */
    public void forget(K key) {
        rows.invalidate(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    rows.invalidate(key);
                }
            });
        }
    }
}

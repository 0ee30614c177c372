package io.cellardoor.chat.internal;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Caps open answer streams (server-sent events): at most {@code cellardoor.chat.max-streams-per-visitor} (3) at once
 * for one visitor (their visitor token, or their IP address without one) and
 * {@code cellardoor.chat.max-streams-per-site} (100) for one site. A stream holds a slot from its start until it
 * completes, fails or times out.
 */
@Component
public class StreamSlots {

    /** A held slot; {@link #close} gives it back (once, however often called). */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final int perVisitor;
    private final int perSite;
    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

    StreamSlots(
            @Value("${cellardoor.chat.max-streams-per-visitor:3}") int perVisitor,
            @Value("${cellardoor.chat.max-streams-per-site:100}") int perSite) {
        this.perVisitor = Math.max(1, perVisitor);
        this.perSite = Math.max(1, perSite);
    }

    /** A slot for a new stream, or empty when the visitor or the site already has as many as allowed. */
    public Optional<Slot> acquire(long siteId, String visitorKey) {
        String site = "site:" + siteId;
        String visitor = "visitor:" + siteId + ":" + visitorKey;
        if (!take(site, perSite)) {
            return Optional.empty();
        }
        if (!take(visitor, perVisitor)) {
            give(site);
            return Optional.empty();
        }
        AtomicBoolean closed = new AtomicBoolean();
        return Optional.of(() -> {
            if (closed.compareAndSet(false, true)) {
                give(visitor);
                give(site);
            }
        });
    }

    /** Open streams of a site (for tests and metrics). */
    public int openForSite(long siteId) {
        AtomicInteger n = open.get("site:" + siteId);
        return n == null ? 0 : n.get();
    }

    private boolean take(String key, int max) {
        AtomicInteger n = open.computeIfAbsent(key, k -> new AtomicInteger());
        if (n.incrementAndGet() > max) {
            n.decrementAndGet();
            return false;
        }
        return true;
    }

    private void give(String key) {
        open.computeIfPresent(key, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }
}

package io.cellardoor.widget.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (Bucket4j) per key, refilled greedily each minute. Local to the process: with several replicas a
 * visitor may get up to that many times the limit, which is acceptable for abuse protection (quotas are counted in
 * the database).
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final long perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param perMinute requests allowed per key per minute, at least 1 */
    public RateLimiter(long perMinute) {
        this.perMinute = Math.max(1, perMinute);
    }

    /**
     * Takes one request for the key.
     *
     * @return 0 when allowed, else the seconds to wait before the next request would be allowed (at least 1)
     */
    public long tryTake(String key) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}

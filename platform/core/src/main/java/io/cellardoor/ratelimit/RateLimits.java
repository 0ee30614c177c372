package io.cellardoor.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Token buckets shared by every app instance: Bucket4j's PostgreSQL backend with the select-for-update proxy manager
 * on table {@code rate_limit_bucket} (migration V50). A bucket holds {@code perMinute} requests and refills evenly over
 * a minute; every instance takes from the same row, so a client gets its limit once, however many replicas serve it.
 *
 * <p>The limiter has a small pool of its own on the primary ({@link RateLimitProperties#poolSize()}) whose transactions
 * commit without waiting for the disk (a bucket lost in a database crash only forgives a few requests) and give up on
 * a row lock after {@link RateLimitProperties#timeout()}. When the database cannot answer in time the request is let
 * through: limits protect the service, they must not become the reason it is down. Expired buckets are removed every
 * minute by whichever instance gets there first.
 *
 * <p>A request counted in several buckets takes from all of them at once ({@link #tryTakeAll}), and a refusal gives
 * back what the others took. A bucket found empty is remembered on the instance until it would have a request again
 * (the wait Bucket4j reports): a flood is refused from memory, without a transaction, after its first refusal.
 */
@Service
public class RateLimits implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    /** What a bucket counts. */
    public enum Kind {
        /** one visitor (token), or one address on one site without a token */
        VISITOR,
        /** one client address, all sites and tokens */
        ADDRESS,
        /** one site, all visitors */
        SITE,
        /** one signed-in staff user on the admin API */
        ADMIN;

        String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final boolean enabled;
    private final HikariDataSource pool;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final MeterRegistry meters;
    private final Counter failures;
    private final AtomicLong lastFailureLog = new AtomicLong();
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("rate-limit-cleaner").daemon().factory());
    /** Takes beside the request's own (a virtual thread each: they wait on the database, not the CPU). */
    private final ExecutorService beside = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("rate-limit-", 0).factory());
    /** Empty buckets by key, with the nanoTime at which they have a request again; an entry lives until then. */
    private final Cache<String, Long> emptyUntil = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfter(Expiry.<String, Long>writing(
                    (key, until) -> Duration.ofNanos(Math.max(0, until - System.nanoTime()))))
            .build();

    /**
     * One bucket a request is counted in.
     *
     * @param subject who is counted (a visitor id, an address, a site id, a user's subject); stored only as a hash
     * @param perMinute the subject's limit, at least 1; a changed limit starts a new, full bucket
     */
    public record Take(Kind kind, String subject, long perMinute) {}

    /** One per instance (Spring makes it); its pool connects to {@code spring.datasource.url} as the runtime role. */
    public RateLimits(RateLimitProperties properties, Environment env, MeterRegistry meters) {
        this.enabled = properties.enabled();
        this.meters = meters;
        this.failures = Counter.builder("cellardoor.ratelimit.failures")
                .description("Rate limit checks the database could not answer; the request was let through")
                .register(meters);
        HikariConfig config = new HikariConfig();
        config.setPoolName("ratelimit");
        config.setJdbcUrl(env.getRequiredProperty("spring.datasource.url"));
        config.setUsername(env.getProperty("spring.datasource.username"));
        config.setPassword(env.getProperty("spring.datasource.password"));
        config.setMaximumPoolSize(properties.poolSize());
        // Connections only while limits are being checked, kept warm by traffic: a request's buckets take up to three
        // at
        // once, and an idle instance closes them after 10 s (Hikari's shortest) rather than holding them 10 minutes.
        config.setMinimumIdle(0);
        config.setIdleTimeout(10_000);
        config.setConnectionTimeout(Math.max(250, properties.timeout().toMillis()));
        config.setInitializationFailTimeout(-1); // start without the database; checks fail open until it is there
        config.setConnectionInitSql("SET synchronous_commit = off; SET lock_timeout = '"
                + properties.timeout().toMillis() + "ms'; SET statement_timeout = '"
                + properties.timeout().toMillis() + "ms'");
        this.pool = new HikariDataSource(config);
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(pool)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        if (enabled) {
            cleaner.scheduleWithFixedDelay(this::removeExpired, 1, 1, TimeUnit.MINUTES);
        }
    }

    /**
     * Takes one request from the subject's bucket.
     *
     * @param subject who is counted (a visitor id, an address, a site id, a user's subject); stored only as a hash
     * @param perMinute the subject's limit, at least 1; a changed limit starts a new, full bucket
     * @return 0 when the request may go ahead, else the whole seconds until one would be allowed (at least 1)
     */
    public long tryTake(Kind kind, String subject, long perMinute) {
        return tryTakeAll(List.of(new Take(kind, subject, perMinute)));
    }

    /**
     * Takes one request from each bucket, all at once (one transaction each, on this thread and virtual threads beside
     * it). When one is empty the request is refused and what the others took is given back before this returns, so a
     * refused request costs no bucket anything.
     *
     * @param takes the buckets the request is counted in, at least one
     * @return 0 when every bucket had a request, else the longest wait of the empty ones in whole seconds (at least 1)
     */
    public long tryTakeAll(List<Take> takes) {
        if (!enabled) {
            return 0;
        }
        List<String> keys = takes.stream().map(RateLimits::key).toList();
        long remembered = remembered(takes, keys);
        return remembered > 0 ? seconds(remembered) : takeAll(takes, keys);
    }

    /**
     * As {@link #tryTakeAll}, but only a bucket this instance remembers as empty is checked on the caller's thread: the
     * database's buckets are taken on a virtual thread while the caller goes on (a request's own work overlaps the
     * transactions; it must wait for the result before it does anything a refused request must not).
     *
     * @param takes the buckets the request is counted in, at least one
     * @return completes with 0 when every bucket had a request, else with the longest wait in whole seconds (at least
     *     1); already complete when the limiter is off or a bucket is remembered as empty
     */
    public CompletableFuture<Long> startTakeAll(List<Take> takes) {
        if (!enabled) {
            return CompletableFuture.completedFuture(0L);
        }
        List<String> keys = takes.stream().map(RateLimits::key).toList();
        long remembered = remembered(takes, keys);
        return remembered > 0
                ? CompletableFuture.completedFuture(seconds(remembered))
                : CompletableFuture.supplyAsync(() -> takeAll(takes, keys), beside);
    }

    /** The longest time until a bucket this instance remembers as empty has a request again, ns; 0 when none. */
    private long remembered(List<Take> takes, List<String> keys) {
        long now = System.nanoTime();
        long remembered = 0;
        for (int i = 0; i < keys.size(); i++) {
            Long until = emptyUntil.getIfPresent(keys.get(i));
            if (until != null && until - now > 0) {
                remembered = Math.max(remembered, until - now);
                rejected(takes.get(i));
            }
        }
        return remembered;
    }

    /** Takes from the database's buckets at once; a refusal gives back what the others took. */
    private long takeAll(List<Take> takes, List<String> keys) {
        List<CompletableFuture<Long>> others = new ArrayList<>();
        for (int i = 1; i < takes.size(); i++) {
            Take take = takes.get(i);
            String key = keys.get(i);
            others.add(CompletableFuture.supplyAsync(() -> take(take, key), beside));
        }
        List<Long> waits = new ArrayList<>();
        waits.add(take(takes.getFirst(), keys.getFirst()));
        others.forEach(f -> waits.add(f.join()));
        long wait = waits.stream().mapToLong(Long::longValue).max().orElse(0);
        if (wait <= 0) {
            return 0;
        }
        List<CompletableFuture<Void>> givingBack = new ArrayList<>();
        for (int i = 0; i < takes.size(); i++) {
            if (waits.get(i) == TAKEN) {
                Take take = takes.get(i);
                String key = keys.get(i);
                givingBack.add(CompletableFuture.runAsync(() -> giveBack(take, key), beside));
            }
        }
        givingBack.forEach(CompletableFuture::join);
        return seconds(wait);
    }

    /**
     * Forgets the empty buckets this instance remembers (the buckets themselves are unchanged): after an operator
     * emptied table {@code rate_limit_bucket} by hand, for instance.
     */
    public void forgetEmptyBuckets() {
        emptyUntil.invalidateAll();
    }

    /** {@link #take}'s result when the request was taken. */
    private static final long TAKEN = 0;
    /** {@link #take}'s result when the database could not answer: the request goes ahead, nothing to give back. */
    private static final long FAILED = -1;

    /** Takes one request: {@link #TAKEN}, {@link #FAILED}, or the nanoseconds until the empty bucket has one. */
    private long take(Take take, String key) {
        try {
            ConsumptionProbe probe = buckets.builder()
                    .build(key, () -> configuration(capacity(take)))
                    .tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return TAKEN;
            }
            rejected(take);
            long wait = Math.max(1, probe.getNanosToWaitForRefill());
            emptyUntil.put(key, System.nanoTime() + wait);
            return wait;
        } catch (RuntimeException e) {
            failed(e);
            return FAILED;
        }
    }

    private void rejected(Take take) {
        meters.counter("cellardoor.ratelimit.rejected", "kind", take.kind().prefix())
                .increment();
    }

    private void giveBack(Take take, String key) {
        try {
            buckets.builder().build(key, () -> configuration(capacity(take))).addTokens(1);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(RuntimeException e) {
        failures.increment();
        long now = System.currentTimeMillis();
        long last = lastFailureLog.get();
        if (now - last > 60_000 && lastFailureLog.compareAndSet(last, now)) {
            log.warn("Rate limit check failed; letting requests through: {}", e.toString());
        }
    }

    private static long capacity(Take take) {
        return Math.max(1, take.perMinute());
    }

    private static String key(Take take) {
        return take.kind().prefix() + ":" + hash(take.subject()) + ":" + capacity(take);
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private static BucketConfiguration configuration(long perMinute) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build();
    }

    /** The subject's SHA-256, base64url, 22 characters (132 bits): no address or id is stored in the clear. */
    static String hash(String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void removeExpired() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(1000);
            } while (removed == 1000);
        } catch (RuntimeException e) {
            log.debug("Removing expired rate limit buckets failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        cleaner.shutdownNow();
        beside.shutdown();
        pool.close();
    }
}

package io.cellardoor.ratelimit;

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
import java.util.Base64;
import java.util.Locale;
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
        config.setMinimumIdle(0); // connections only while limits are being checked; kept warm by traffic
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
        if (!enabled) {
            return 0;
        }
        long capacity = Math.max(1, perMinute);
        String key = kind.prefix() + ":" + hash(subject) + ":" + capacity;
        try {
            ConsumptionProbe probe =
                    buckets.builder().build(key, () -> configuration(capacity)).tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return 0;
            }
            meters.counter("cellardoor.ratelimit.rejected", "kind", kind.prefix())
                    .increment();
            return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        } catch (RuntimeException e) {
            failures.increment();
            long now = System.currentTimeMillis();
            long last = lastFailureLog.get();
            if (now - last > 60_000 && lastFailureLog.compareAndSet(last, now)) {
                log.warn("Rate limit check failed; letting requests through: {}", e.toString());
            }
            return 0;
        }
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
        pool.close();
    }
}

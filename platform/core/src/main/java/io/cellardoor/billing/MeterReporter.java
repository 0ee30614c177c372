package io.cellardoor.billing;

import com.stripe.exception.StripeException;
import io.cellardoor.billing.internal.MeterOutboxStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Reports counted messages to Stripe as Billing meter events, off the chat path: every
 * {@code cellardoor.billing.stripe.meter-interval} it takes each org's waiting messages from the outbox, in batches of
 * at most {@code meter-batch} per customer, and sends one meter event per batch with the batch's identifier. A failed
 * send is retried with exponential backoff (30 s doubling to 1 h) under the same identifier, so Stripe counts it once; a
 * Stripe outage delays the report, never loses it. One instance reports at a time (PostgreSQL advisory lock
 * {@value #LOCK_KEY}).
 */
@Service
public class MeterReporter implements SmartLifecycle {

    /** The advisory lock's key: "cdmeter" as a number. */
    static final long LOCK_KEY = 0x6364_6d65_7465_72L;

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LAST_RETRY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(MeterReporter.class);

    /**
     * One run's figures.
     *
     * @param ran false when Stripe is off or another instance was reporting
     */
    public record Run(boolean ran, int sent, int failed) {}

    private final MeterOutboxStore outbox;
    private final StripeGatewayHolder stripe;
    private final BillingProperties properties;
    private final DataSource dataSource;
    private final Clock clock;
    private final Counter sentCounter;
    private final Counter failedCounter;
    private volatile ScheduledExecutorService scheduler;

    MeterReporter(
            MeterOutboxStore outbox,
            StripeGatewayHolder stripe,
            BillingProperties properties,
            DataSource dataSource,
            Clock clock,
            MeterRegistry registry) {
        this.outbox = outbox;
        this.stripe = stripe;
        this.properties = properties;
        this.dataSource = dataSource;
        this.clock = clock;
        this.sentCounter = Counter.builder("cellardoor.billing.meter.events")
                .tag("outcome", "sent")
                .description("Billing meter events sent to Stripe")
                .register(registry);
        this.failedCounter = Counter.builder("cellardoor.billing.meter.events")
                .tag("outcome", "failed")
                .description("Billing meter events Stripe did not accept (retried)")
                .register(registry);
    }

    /** Reports every due batch now, unless Stripe is off or another instance is reporting. */
    public Run runOnce() {
        if (!stripe.enabled()) {
            return new Run(false, 0, 0);
        }
        StripeGateway gateway = stripe.required();
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "SELECT pg_try_advisory_lock(?)")) {
                return new Run(false, 0, 0);
            }
            try {
                int sent = 0;
                int failed = 0;
                for (long orgId : outbox.orgsWithPending()) {
                    Instant now = clock.instant();
                    for (MeterOutboxStore.Batch batch :
                            outbox.due(orgId, properties.stripe().meterBatch(), now)) {
                        try {
                            gateway.meterEvent(
                                    batch.identifier(), batch.customerId(), batch.quantity(), batch.latest());
                            outbox.sent(orgId, batch.identifier(), clock.instant());
                            sent++;
                            sentCounter.increment();
                        } catch (StripeException | RuntimeException e) {
                            Duration wait = backoff(batch.attempts());
                            outbox.failed(
                                    orgId,
                                    batch.identifier(),
                                    e.toString(),
                                    clock.instant().plus(wait));
                            failed++;
                            failedCounter.increment();
                            log.warn(
                                    "Meter event {} ({} messages) not accepted by Stripe, retry in {} s: {}",
                                    batch.identifier(),
                                    batch.quantity(),
                                    wait.toSeconds(),
                                    e.toString());
                        }
                    }
                }
                return new Run(true, sent, failed);
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            log.warn("Meter report skipped: {}", e.toString());
            return new Run(false, 0, 0);
        }
    }

    /** Wait before the next try after {@code attempts} failed ones: 30 s, 60 s, 120 s, ... at most an hour. */
    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(20, Math.max(0, attempts)));
        return wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    @Override
    public void start() {
        if (!stripe.enabled()) {
            return;
        }
        long every = properties.stripe().meterInterval().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("meter-reporter").daemon().factory());
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        runOnce();
                    } catch (RuntimeException e) {
                        log.warn("Meter report failed: {}", e.toString());
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService s = scheduler;
        if (s != null) {
            s.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}

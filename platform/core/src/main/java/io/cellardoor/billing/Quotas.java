package io.cellardoor.billing;

import io.cellardoor.billing.internal.MeterOutboxStore;
import io.cellardoor.billing.internal.UsageStore;
import io.cellardoor.tenant.TenantTransactions;
import io.cellardoor.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Messages counted against the plan, per org and calendar month (UTC), in PostgreSQL under row-level security.
 *
 * <p>The rule: a turn is counted before it is answered ({@link #reserve}), atomically against the plan's limit, so N
 * concurrent requests on any number of instances never pass it; a turn that ends declined (the platform did not know,
 * or refused the question) or failed gives its count back ({@link Reservation#release}). Curated and cached answers
 * count like generated ones. A counted turn is added to its day and, for an org with a Stripe customer, to the usage
 * outbox reported to Stripe ({@link MeterReporter}), in the turn's settling transaction.
 */
@Service
public class Quotas {

    /** Longest {@code Retry-After} a quota refusal gives, in seconds. */
    static final long MAX_RETRY_AFTER = Duration.ofDays(1).toSeconds();

    private final UsageStore usage;
    private final MeterOutboxStore outbox;
    private final BillingAccounts accounts;
    private final TenantTransactions tenant;
    private final Clock clock;

    Quotas(
            UsageStore usage,
            MeterOutboxStore outbox,
            BillingAccounts accounts,
            TenantTransactions tenant,
            Clock clock) {
        this.usage = usage;
        this.outbox = outbox;
        this.accounts = accounts;
        this.tenant = tenant;
        this.clock = clock;
    }

    /**
     * One turn's count, taken before the answer.
     *
     * @param orgId the org
     * @param period the period it was counted in
     * @param stripeCustomerId the org's Stripe customer (usage reported to it), or null
     */
    public record Reservation(
            long orgId, BillingPeriod period, @Nullable String stripeCustomerId) {}

    /**
     * Counts one message for the org's turn, or refuses it.
     *
     * @param language the visitor's language for the refusal's text ({@code en}, {@code es}, {@code fr})
     * @throws ApiProblem 429 {@code quota-exceeded} with {@code Retry-After} (seconds to the period's end, at most a day)
     */
    public Reservation reserve(long orgId, Plan plan, @Nullable String stripeCustomerId, String language) {
        BillingPeriod period = BillingPeriod.current(clock);
        if (plan.limitsMessages()) {
            if (plan.monthlyMessages() == 0
                    || usage.take(orgId, period.start(), plan.monthlyMessages()).isEmpty()) {
                throw exceeded(period, language);
            }
        } else {
            usage.add(orgId, period.start());
        }
        return new Reservation(orgId, period, stripeCustomerId);
    }

    /**
     * Settles a turn's count: an answered turn stays counted (its day, and the Stripe usage outbox for an org with a
     * customer), any other gives it back. Joins the caller's transaction of the org.
     */
    public void settle(Reservation reservation, boolean answered) {
        tenant.runInOrg(reservation.orgId(), () -> {
            if (!answered) {
                usage.giveBack(reservation.orgId(), reservation.period().start());
                return;
            }
            Instant now = clock.instant();
            usage.countDay(reservation.orgId(), now.atZone(ZoneOffset.UTC).toLocalDate());
            if (reservation.stripeCustomerId() != null) {
                outbox.add(reservation.orgId(), reservation.stripeCustomerId(), now);
            }
        });
    }

    /** Gives a turn's count back (the turn failed). */
    public void release(Reservation reservation) {
        usage.giveBack(reservation.orgId(), reservation.period().start());
    }

    /** Messages counted in the org's current period, with its plan's limit (-1: none). */
    public Used used(long orgId) {
        BillingPeriod period = BillingPeriod.current(clock);
        return new Used(
                period, usage.used(orgId, period.start()), accounts.plan(orgId).monthlyMessages());
    }

    /** Messages counted per day in the org's current period. */
    public List<DailyUsage> days(long orgId) {
        BillingPeriod period = BillingPeriod.current(clock);
        return usage.days(orgId, period.start(), period.end());
    }

    /**
     * Messages of a period against its limit.
     *
     * @param limit -1 for no limit
     */
    public record Used(BillingPeriod period, long used, long limit) {

        /** Used as a percentage of the limit (0 without one). */
        public int percent() {
            return limit <= 0 ? (limit == 0 ? 100 : 0) : (int) Math.min(100_000, used * 100 / limit);
        }
    }

    private ApiProblem exceeded(BillingPeriod period, String language) {
        long seconds = Math.max(
                1,
                Math.min(
                        MAX_RETRY_AFTER,
                        Duration.between(clock.instant(), period.endInstant()).toSeconds()));
        return ApiProblem.withRetryAfter(
                HttpStatus.TOO_MANY_REQUESTS, "quota-exceeded", "Message quota reached", friendly(language), seconds);
    }

    /** What the visitor reads, in their language (English when it is not one the widget speaks). */
    static String friendly(String language) {
        return switch (language == null ? "en" : language.toLowerCase(Locale.ROOT)) {
            case "es" ->
                "Este chat ha alcanzado su límite de mensajes de este mes. Vuelve a intentarlo más tarde o contacta"
                        + " directamente con nosotros.";
            case "fr" ->
                "Ce chat a atteint sa limite de messages pour ce mois. Réessayez plus tard ou contactez-nous"
                        + " directement.";
            default ->
                "This chat has reached its message limit for this month. Please try again later or contact us"
                        + " directly.";
        };
    }
}

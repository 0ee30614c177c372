package io.cellardoor.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * A billing period: one calendar month in UTC. Quotas and LLM budgets both count per period.
 *
 * @param start the first day
 * @param end the first day of the next period (exclusive)
 */
public record BillingPeriod(LocalDate start, LocalDate end) {

    /** The period holding this instant. */
    public static BillingPeriod of(Instant at) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate first = day.with(TemporalAdjusters.firstDayOfMonth());
        return new BillingPeriod(first, first.plusMonths(1));
    }

    /** The period the clock is in now. */
    public static BillingPeriod current(Clock clock) {
        return of(clock.instant());
    }

    public Instant startInstant() {
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant endInstant() {
        return end.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Whole days in the period. */
    public int days() {
        return (int) (end.toEpochDay() - start.toEpochDay());
    }
}

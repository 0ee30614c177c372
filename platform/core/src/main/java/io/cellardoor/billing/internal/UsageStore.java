package io.cellardoor.billing.internal;

import io.cellardoor.billing.DailyUsage;
import io.cellardoor.tenant.TenantTransactions;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Messages counted per org and period ({@code usage_period}) and per day ({@code usage_day}), as the org. */
@Repository
public class UsageStore {

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;

    UsageStore(JdbcClient jdbc, TenantTransactions tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /**
     * Counts one message in the period unless that would pass the limit: one statement, so concurrent requests of any
     * instance never count past it (the row is locked by the update; a first insert races only on the primary key, and
     * the loser updates). Committed without waiting for the disk ({@link TenantTransactions#inOrgAsyncCommit}): the
     * count is visible to every instance at once, and a crash of the database may forget the last few hundred
     * milliseconds of counts (a few messages over the limit), which the turn's settlement does not depend on.
     *
     * @param limit most messages in the period, at least 1
     * @return the count including this message, or empty when the limit was reached
     */
    public Optional<Long> take(long orgId, LocalDate periodStart, long limit) {
        return tenant.inOrgAsyncCommit(
                orgId,
                () -> jdbc.sql("""
                        INSERT INTO usage_period AS u (org_id, period_start, messages) VALUES (?, ?, 1)
                        ON CONFLICT (org_id, period_start) DO UPDATE SET messages = u.messages + 1
                        WHERE u.messages < ?
                        RETURNING messages""")
                        .params(orgId, Date.valueOf(periodStart), limit)
                        .query(Long.class)
                        .optional());
    }

    /** Counts one message without a limit; committed as {@link #take} is. */
    public long add(long orgId, LocalDate periodStart) {
        return tenant.inOrgAsyncCommit(
                orgId,
                () -> jdbc.sql("""
                        INSERT INTO usage_period AS u (org_id, period_start, messages) VALUES (?, ?, 1)
                        ON CONFLICT (org_id, period_start) DO UPDATE SET messages = u.messages + 1
                        RETURNING messages""")
                        .params(orgId, Date.valueOf(periodStart))
                        .query(Long.class)
                        .single());
    }

    /** Gives back a message counted by {@link #take} or {@link #add} (a declined or failed turn). */
    public void giveBack(long orgId, LocalDate periodStart) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("""
                        UPDATE usage_period SET messages = messages - 1
                        WHERE org_id = ? AND period_start = ? AND messages > 0""").params(orgId, Date.valueOf(periodStart)).update());
    }

    /** Adds a counted message to its day. */
    public void countDay(long orgId, LocalDate day) {
        tenant.runInOrg(
                orgId, () -> jdbc.sql("""
                        INSERT INTO usage_day AS u (org_id, day, messages) VALUES (?, ?, 1)
                        ON CONFLICT (org_id, day) DO UPDATE SET messages = u.messages + 1""").params(orgId, Date.valueOf(day)).update());
    }

    /** Messages counted in the period. */
    public long used(long orgId, LocalDate periodStart) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT messages FROM usage_period WHERE org_id = ? AND period_start = ?")
                        .params(orgId, Date.valueOf(periodStart))
                        .query(Long.class)
                        .optional()
                        .orElse(0L));
    }

    /** Messages per day from {@code from} (inclusive) to {@code to} (exclusive), days without any left out. */
    public List<DailyUsage> days(long orgId, LocalDate from, LocalDate to) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("""
                        SELECT day, messages FROM usage_day WHERE org_id = ? AND day >= ? AND day < ? ORDER BY day""")
                        .params(orgId, Date.valueOf(from), Date.valueOf(to))
                        .query((rs, n) -> new DailyUsage(rs.getDate(1).toLocalDate(), rs.getLong(2)))
                        .list());
    }
}

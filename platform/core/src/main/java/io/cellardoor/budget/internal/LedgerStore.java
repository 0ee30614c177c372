package io.cellardoor.budget.internal;

import io.cellardoor.budget.CostRow;
import io.cellardoor.budget.DayCost;
import io.cellardoor.datasource.CachedRows;
import io.cellardoor.tenant.TenantTransactions;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The LLM ledger ({@code llm_usage}), the monthly running cost ({@code llm_spend}) and messages' cost, as the org. The
 * running cost, read by every turn's budget check, is cached per instance ({@link CachedRows},
 * {@code cellardoor.budget.cache-ttl}, default 1 s): what this instance spends counts at once, what another instance
 * spends within that time plus one request.
 */
@Repository
public class LedgerStore {

    /** An org's month. */
    private record Month(long orgId, LocalDate periodStart) {}

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;
    private final CachedRows<Month, BigDecimal> spent;

    LedgerStore(
            JdbcClient jdbc, TenantTransactions tenant, @Value("${cellardoor.budget.cache-ttl:1s}") Duration cacheTtl) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.spent = new CachedRows<>(cacheTtl, m -> readSpent(m.orgId(), m.periodStart()));
    }

    /** Adds one model call (joins the caller's transaction of the org). */
    public void add(
            long orgId,
            @Nullable Long messageId,
            Instant at,
            String provider,
            String model,
            String operation,
            int inputTokens,
            int outputTokens,
            BigDecimal cost) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("""
                        INSERT INTO llm_usage (org_id, message_id, at, provider, model, operation, input_tokens,
                                               output_tokens, cost_usd)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                orgId,
                                messageId,
                                Timestamp.from(at),
                                provider,
                                model,
                                operation,
                                inputTokens,
                                outputTokens,
                                cost)
                        .update());
    }

    /** Adds to the month's running cost; returns the org's slug (read in the same statement, for the spend metric). */
    public String spend(long orgId, LocalDate periodStart, BigDecimal cost) {
        String slug = tenant.inOrg(
                orgId,
                () -> jdbc.sql("""
                        WITH added AS (
                            INSERT INTO llm_spend AS s (org_id, period_start, cost_usd) VALUES (?, ?, ?)
                            ON CONFLICT (org_id, period_start) DO UPDATE SET cost_usd = s.cost_usd + excluded.cost_usd
                        )
                        SELECT slug FROM org WHERE id = ?""")
                        .params(orgId, Date.valueOf(periodStart), cost, orgId)
                        .query(String.class)
                        .single());
        spent.forget(new Month(orgId, periodStart));
        return slug;
    }

    /** The month's running cost, USD. */
    public BigDecimal spent(long orgId, LocalDate periodStart) {
        return spent.get(new Month(orgId, periodStart));
    }

    private BigDecimal readSpent(long orgId, LocalDate periodStart) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT cost_usd FROM llm_spend WHERE org_id = ? AND period_start = ?")
                        .params(orgId, Date.valueOf(periodStart))
                        .query(BigDecimal.class)
                        .optional()
                        .orElse(BigDecimal.ZERO));
    }

    /**
     * Marks the month's soft limit as announced.
     *
     * @return true only for the first caller in the month (who logs it)
     */
    public boolean firstSoftNotice(long orgId, LocalDate periodStart) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("""
                                INSERT INTO llm_spend AS s (org_id, period_start, soft_notified) VALUES (?, ?, true)
                                ON CONFLICT (org_id, period_start) DO UPDATE SET soft_notified = true
                                WHERE NOT s.soft_notified""").params(orgId, Date.valueOf(periodStart)).update() == 1);
    }

    /** Stores a message's cost and the provider that answered it. */
    public void messageCost(long orgId, long messageId, BigDecimal cost, @Nullable String provider) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("UPDATE message SET cost_usd = ?, provider = ? WHERE id = ? AND org_id = ?")
                        .params(cost, provider, messageId, orgId)
                        .update());
    }

    /** Cost by day, provider, model and operation from {@code from} to {@code to} (UTC days, both inclusive). */
    public List<CostRow> costs(long orgId, LocalDate from, LocalDate to) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("""
                        SELECT (at AT TIME ZONE 'UTC')::date AS day, provider, model, operation, count(*),
                               sum(input_tokens), sum(output_tokens), sum(cost_usd)
                        FROM llm_usage
                        WHERE org_id = ? AND at >= ? AND at < ?
                        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4""")
                        .params(orgId, start(from), start(to.plusDays(1)))
                        .query((rs, n) -> new CostRow(
                                rs.getDate(1).toLocalDate(),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getLong(7),
                                rs.getBigDecimal(8)))
                        .list());
    }

    /** Cost per UTC day from {@code from} (inclusive) to {@code to} (exclusive), days without any left out. */
    public List<DayCost> days(long orgId, LocalDate from, LocalDate to) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("""
                        SELECT (at AT TIME ZONE 'UTC')::date, sum(cost_usd) FROM llm_usage
                        WHERE org_id = ? AND at >= ? AND at < ? GROUP BY 1 ORDER BY 1""")
                        .params(orgId, start(from), start(to))
                        .query((rs, n) -> new DayCost(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2)))
                        .list());
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }
}

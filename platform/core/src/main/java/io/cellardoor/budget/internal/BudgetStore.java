package io.cellardoor.budget.internal;

import io.cellardoor.datasource.CachedRows;
import io.cellardoor.tenant.TenantTransactions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The org's monthly LLM budget ({@code llm_budget}), as the org; cached per instance like the running cost
 * ({@link CachedRows}, {@code cellardoor.budget.cache-ttl}).
 */
@Repository
public class BudgetStore {

    /** A budget an org admin set. */
    public record Row(BigDecimal monthlyUsd, int softPercent, String updatedBy) {}

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;
    private final CachedRows<Long, Optional<Row>> rows;

    BudgetStore(
            JdbcClient jdbc, TenantTransactions tenant, @Value("${cellardoor.budget.cache-ttl:1s}") Duration cacheTtl) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.rows = new CachedRows<>(cacheTtl, this::read);
    }

    /** The budget the org's admin set, or empty (the default budget applies). */
    public Optional<Row> find(long orgId) {
        return rows.get(orgId);
    }

    private Optional<Row> read(long orgId) {
        return tenant.inOrg(
                orgId,
                () -> jdbc.sql("SELECT monthly_usd, soft_percent, updated_by FROM llm_budget WHERE org_id = ?")
                        .param(orgId)
                        .query((rs, n) -> new Row(rs.getBigDecimal(1), rs.getInt(2), rs.getString(3)))
                        .optional());
    }

    public void save(long orgId, BigDecimal monthlyUsd, int softPercent, String actor) {
        tenant.runInOrg(
                orgId,
                () -> jdbc.sql("""
                        INSERT INTO llm_budget (org_id, monthly_usd, soft_percent, updated_by) VALUES (?, ?, ?, ?)
                        ON CONFLICT (org_id) DO UPDATE SET monthly_usd = excluded.monthly_usd,
                            soft_percent = excluded.soft_percent, updated_by = excluded.updated_by, updated_at = now()""")
                        .params(orgId, monthlyUsd, softPercent, actor)
                        .update());
        rows.forget(orgId);
    }
}

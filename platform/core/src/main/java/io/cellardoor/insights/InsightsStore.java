package io.cellardoor.insights;

import io.cellardoor.privacy.PersonalDataMasker;
import io.cellardoor.tenant.TenantTransactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL aggregates over table {@code message}; every statement is filtered by the org it is given. */
@Repository
class InsightsStore {

    /** Counts and latency p95 over a period. */
    record Totals(
            long questions,
            long answered,
            long up,
            long down,
            @org.jspecify.annotations.Nullable Double latencyP95) {}

    /** A question that went unanswered or was answered with low confidence. */
    record GapQuestion(String question, String domain) {}

    private final JdbcClient jdbc;
    private final TenantTransactions tenant;

    InsightsStore(JdbcClient jdbc, TenantTransactions tenant) {
        this.tenant = tenant;
        this.jdbc = jdbc;
    }

    Totals totals(long orgId, Instant from, Instant to) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("""
                    SELECT count(*), count(*) FILTER (WHERE answered), count(*) FILTER (WHERE feedback = 'up'),
                           count(*) FILTER (WHERE feedback = 'down'),
                           percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms)
                    FROM message WHERE org_id = ? AND created_at >= ? AND created_at < ?""")
                    .params(orgId, Timestamp.from(from), Timestamp.from(to))
                    .query((rs, n) -> new Totals(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getObject(5) == null ? null : rs.getDouble(5)))
                    .single();
        });
    }

    /** Every UTC day from {@code firstDay} to {@code lastDay}, with zeros for days without questions. */
    List<Insights.Day> perDay(long orgId, LocalDate firstDay, LocalDate lastDay, Instant to) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("""
                    WITH days AS (SELECT generate_series(CAST(:first AS date), CAST(:last AS date), interval '1 day')::date AS day)
                    SELECT d.day, count(m.id), count(m.id) FILTER (WHERE m.answered)
                    FROM days d
                    LEFT JOIN message m ON m.org_id = :org AND (m.created_at AT TIME ZONE 'UTC')::date = d.day
                                       AND m.created_at < :to
                    GROUP BY d.day ORDER BY d.day""")
                    .param("first", java.sql.Date.valueOf(firstDay))
                    .param("last", java.sql.Date.valueOf(lastDay))
                    .param("org", orgId)
                    .param("to", Timestamp.from(to))
                    .query((rs, n) -> new Insights.Day(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3)))
                    .list();
        });
    }

    List<Insights.DomainCount> topDomains(long orgId, Instant from, Instant to, int limit) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("""
                    SELECT domain, count(*) FROM message WHERE org_id = ? AND created_at >= ? AND created_at < ?
                    GROUP BY domain ORDER BY count(*) DESC, domain LIMIT ?""")
                    .params(orgId, Timestamp.from(from), Timestamp.from(to), limit)
                    .query((rs, n) -> new Insights.DomainCount(rs.getString(1), rs.getLong(2)))
                    .list();
        });
    }

    /**
     * The period's questions that were declined, or answered by a generator (not a direct fact, the cache or a curated
     * answer) with confidence below {@code lowConfidence}; the prompt-injection guard's refusals are not gaps. Newest
     * first, at most {@code limit}.
     */
    List<GapQuestion> gapQuestions(long orgId, Instant from, Instant to, double lowConfidence, int limit) {
        return tenant.inOrg(orgId, () -> {
            return jdbc.sql("""
                    SELECT question, domain FROM message
                    WHERE org_id = ? AND created_at >= ? AND created_at < ? AND generator <> 'guard'
                      AND (NOT answered OR (generator IN ('extractive', 'llm') AND confidence < ?))
                    ORDER BY created_at DESC, id DESC LIMIT ?""")
                    .params(orgId, Timestamp.from(from), Timestamp.from(to), lowConfidence, limit)
                    .query((rs, n) -> new GapQuestion(PersonalDataMasker.mask(rs.getString(1)), rs.getString(2)))
                    .list();
        });
    }
}

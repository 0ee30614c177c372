package io.cellardoor.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/admin/billing/usage}: {@code {"plan", "period": {"start", "end"}, "messages": {"used", "limit"},
 * "llm": {"costUsd", "budgetUsd"}}}.
 *
 * @param plan the plan in force (its id)
 * @param period the calendar month, {@code end} exclusive
 * @param messages counted messages and the plan's limit (null: no limit)
 * @param llm the month's LLM cost and budget, USD
 */
public record UsageReport(String plan, Period period, Messages messages, Llm llm) {

    public record Period(LocalDate start, LocalDate end) {}

    public record Messages(long used, @Nullable Long limit) {}

    public record Llm(BigDecimal costUsd, BigDecimal budgetUsd) {}
}

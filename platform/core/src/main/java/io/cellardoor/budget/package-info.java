/**
 * LLM cost and budgets: every model call's real token counts times the price table
 * ({@code cellardoor.llm.prices.<model>}) is its cost, stored with the message and by org, provider, model, operation
 * and day ({@link CostLedger}); each org has a monthly LLM budget with a soft limit (a banner, a log line, a metric) and
 * a hard limit that switches its answers to the extractive generator until the next month or a raised budget
 * ({@link Budgets}). See docs/billing.md.
 */
@NullMarked
package io.cellardoor.budget;

import org.jspecify.annotations.NullMarked;

/**
 * Insights over the org's questions: per-day volume, answer rate, feedback, top domains, latency p95, and knowledge
 * gaps (unanswered and low-confidence questions grouped by meaning, each with a draft document).
 */
@NullMarked
package io.cellardoor.insights;

import org.jspecify.annotations.NullMarked;

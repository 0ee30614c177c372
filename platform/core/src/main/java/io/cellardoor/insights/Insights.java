package io.cellardoor.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Figures over the org's questions of a period.
 *
 * @param days the period's length in UTC days, today included
 * @param from start of the period (start of the first UTC day)
 * @param to end of the period (when the figures were computed)
 * @param questions questions asked (messages)
 * @param answered questions the platform answered
 * @param answerRate answered / questions, null when there were none
 * @param feedbackUp answers rated up
 * @param feedbackDown answers rated down
 * @param feedbackRatio up / (up + down), null when nothing was rated
 * @param latencyP95Ms 95th percentile of the time to answer (continuous percentile), milliseconds; null without questions
 * @param perDay every UTC day of the period, oldest first, with zeros for quiet days
 * @param topDomains the domains questions were routed to, most questions first (at most 10)
 * @param gaps knowledge gaps, largest first
 */
public record Insights(
        int days,
        Instant from,
        Instant to,
        long questions,
        long answered,
        @Nullable Double answerRate,
        long feedbackUp,
        long feedbackDown,
        @Nullable Double feedbackRatio,
        @Nullable Double latencyP95Ms,
        List<Day> perDay,
        List<DomainCount> topDomains,
        List<KnowledgeGap> gaps) {

    /** Questions and answers of one UTC day. */
    public record Day(LocalDate day, long questions, long answered) {}

    /** Questions routed to a domain. */
    public record DomainCount(String domain, long questions) {}
}

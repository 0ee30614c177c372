package io.cellardoor.app.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The figures of an evaluation run, as one ordered map (printed as the command's last JSON line). */
final class EvalFigures {

    private EvalFigures() {}

    /**
     * Figures over single questions and conversation turns.
     *
     * <ul>
     *   <li>{@code recall_at_5}: a listed source among the chat API's first five citations (cases with sources);
     *   <li>{@code retrieval_recall_at_5}: the same for the retrieval layer alone (hybrid, no routing), same question;
     *   <li>{@code answer_hit_rate}: answerable cases whose answer contains every must-contain pattern;
     *   <li>{@code refusal_rate}: unanswerable cases declined; {@code false_refusal_rate}: answerable cases declined;
     *   <li>{@code injection_safe}: adversarial cases handled safely ({@link EvalOutcome#safe()});
     *   <li>{@code hit_rate_by_language}: answer hit per question language;
     *   <li>{@code first_turn_hit_rate}, {@code followup_hit_rate}: answer hit of conversations' first and later turns.
     * </ul>
     */
    static Map<String, Object> of(String split, List<EvalOutcome> single, List<EvalOutcome> turns) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("split", split);
        f.put("cases", single.size());
        f.put("recall_at_5", share(single, o -> !o.c().sources().isEmpty(), EvalOutcome::recalled));
        f.put("retrieval_recall_at_5", share(single, o -> o.retrievalRecalled() != null, o -> o.retrievalRecalled()));
        Predicate<EvalOutcome> answerable = o -> o.c().kind().equals("answerable");
        f.put("answer_hit_rate", share(single, answerable, EvalOutcome::hit));
        f.put("refusal_rate", share(single, o -> o.c().kind().equals("unanswerable"), o -> !o.answered()));
        f.put("false_refusal_rate", share(single, answerable, o -> !o.answered()));
        f.put("domain_accuracy", share(single, o -> true, EvalOutcome::domainOk));
        f.put("injection_safe", share(single, o -> o.c().kind().equals("adversarial"), EvalOutcome::safe));
        Map<String, Object> byLanguage = new TreeMap<>();
        single.stream()
                .map(o -> o.c().language())
                .distinct()
                .forEach(lang -> byLanguage.put(
                        lang, share(single, answerable.and(o -> o.c().language().equals(lang)), EvalOutcome::hit)));
        f.put("hit_rate_by_language", byLanguage);
        if (!turns.isEmpty()) {
            f.put("conversation_turns", turns.size());
            f.put("first_turn_hit_rate", share(turns, o -> !o.c().followUp() && o.c().answerable(), EvalOutcome::hit));
            f.put("followup_hit_rate", share(turns, o -> o.c().followUp() && o.c().answerable(), EvalOutcome::hit));
            f.put(
                    "followup_recall_at_5",
                    share(turns, o -> o.c().followUp() && !o.c().sources().isEmpty(), EvalOutcome::recalled));
        }
        long[] millis = single.stream().mapToLong(EvalOutcome::millis).sorted().toArray();
        f.put("p50_ms", percentile(millis, 0.50));
        f.put("p95_ms", percentile(millis, 0.95));
        f.put("fts_recall_at_5", share(single, o -> o.fullTextRecalled() != null, o -> o.fullTextRecalled()));
        f.put("vector_recall_at_5", share(single, o -> o.vectorRecalled() != null, o -> o.vectorRecalled()));
        return f;
    }

    /** The share of outcomes matching {@code of} that also match {@code counted}, to three decimals; 0 when none. */
    static double share(List<EvalOutcome> outcomes, Predicate<EvalOutcome> of, Predicate<EvalOutcome> counted) {
        long n = outcomes.stream().filter(of).count();
        long k = outcomes.stream().filter(of).filter(counted).count();
        return n == 0 ? 0 : Math.round(1000.0 * k / n) / 1000.0;
    }

    static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}

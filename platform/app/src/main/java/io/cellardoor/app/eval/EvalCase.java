package io.cellardoor.app.eval;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One question of an evaluation set, or one turn of an evaluation conversation.
 *
 * @param id the case id ({@code d001}), or the conversation id and turn number ({@code c01#2}) for a turn
 * @param kind {@code answerable}, {@code unanswerable} or {@code adversarial}
 * @param question what the visitor asks
 * @param answerable whether the knowledge answers it
 * @param domain the expected domain id ({@code about} means the general domain)
 * @param sources knowledge paths that answer it; a citation of any of them counts for recall
 * @param mustContain patterns a correct answer contains, all of them (case-insensitive)
 * @param language ISO 639-1 code of the question, from the {@code lang-xx} tags ({@code en} without one)
 * @param turn 0 for a single question or a conversation's first turn, else the turn's index
 */
public record EvalCase(
        String id,
        String kind,
        String question,
        boolean answerable,
        String domain,
        List<String> sources,
        List<Pattern> mustContain,
        String language,
        int turn) {

    public EvalCase {
        sources = List.copyOf(sources);
        mustContain = List.copyOf(mustContain);
    }

    /** The domain the platform should route to: {@code general} for the set's {@code about}. */
    public String expectedDomain() {
        return domain.equals("about") ? "general" : domain;
    }

    /** Whether every must-contain pattern occurs in the answer (false when the case has none). */
    public boolean hit(String answer) {
        return answerable
                && !mustContain.isEmpty()
                && mustContain.stream().allMatch(p -> p.matcher(answer).find());
    }

    /** Whether it is a follow-up turn of a conversation. */
    public boolean followUp() {
        return turn > 0;
    }
}

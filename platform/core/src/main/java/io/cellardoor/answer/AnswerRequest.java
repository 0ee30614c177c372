package io.cellardoor.answer;

import io.cellardoor.retrieval.RetrievedChunk;
import java.util.List;

/**
 * What a generator answers from.
 *
 * @param orgId the tenant
 * @param question the standalone question (a follow-up already resolved against the conversation)
 * @param focus the visitor's own words this turn; equals {@code question} when nothing was carried over
 * @param language ISO 639-1 code of the question, e.g. {@code en}
 * @param passages retrieved passages, best first; the only facts an answer may use
 * @param promptContributions instructions from the domain's handler (LLM only; the extractive generator has no prompt)
 * @param contactLine how to reach a person, used when declining; may be empty
 * @param history the conversation's earlier turns, oldest first (LLM only)
 * @param domain display name of the domain the question was routed to, e.g. {@code Wines}; empty for general
 * @param relatedDomains display names of that domain's related domains, in priority order
 */
public record AnswerRequest(
        long orgId,
        String question,
        String focus,
        String language,
        List<RetrievedChunk> passages,
        List<String> promptContributions,
        String contactLine,
        List<Exchange> history,
        String domain,
        List<String> relatedDomains) {

    public AnswerRequest {
        passages = List.copyOf(passages);
        promptContributions = List.copyOf(promptContributions);
        history = List.copyOf(history);
        relatedDomains = List.copyOf(relatedDomains);
    }

    /** A request without conversation or routing context (tests, tools). */
    public static AnswerRequest of(
            long orgId, String question, String language, List<RetrievedChunk> passages, String contactLine) {
        return new AnswerRequest(
                orgId, question, question, language, passages, List.of(), contactLine, List.of(), "", List.of());
    }

    /** One earlier turn: what the visitor asked and what they were told. */
    public record Exchange(String question, String answer) {}
}

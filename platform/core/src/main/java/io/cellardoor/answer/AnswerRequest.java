package io.cellardoor.answer;

import io.cellardoor.retrieval.RetrievedChunk;
import java.util.List;

/**
 * What a generator answers from.
 *
 * @param orgId the tenant
 * @param question the visitor's question
 * @param language ISO 639-1 code of the question, e.g. {@code en}
 * @param passages retrieved passages, best first; the only facts an answer may use
 * @param promptContributions instructions from the domain's handler (LLM only)
 * @param contactLine how to reach a person, used when declining; may be empty
 */
public record AnswerRequest(
        long orgId,
        String question,
        String language,
        List<RetrievedChunk> passages,
        List<String> promptContributions,
        String contactLine) {}

package io.cellardoor.answer;

import java.util.List;
import java.util.Optional;

/**
 * Rewrites a follow-up question as a standalone question with a language model ("how much is it?" after a wine's
 * tasting notes becomes "How much is the 2022 Farmhouse Cabernet Franc?"). Without a model the chat resolves
 * follow-ups by rules instead.
 */
public interface QuestionCondenser {

    /** No model: always empty, so the rules decide. */
    QuestionCondenser NONE = (question, history) -> Optional.empty();

    /**
     * @param question the visitor's question
     * @param history the conversation's earlier turns, oldest first, not empty
     * @return the standalone question with the model's token counts, or empty when the model failed or was not asked
     */
    Optional<Condensed> condense(String question, List<AnswerRequest.Exchange> history);

    /**
     * A condensed question.
     *
     * @param question the standalone question, in the visitor's language
     * @param inputTokens prompt tokens the model counted
     * @param outputTokens completion tokens the model counted
     */
    record Condensed(String question, int inputTokens, int outputTokens) {}
}

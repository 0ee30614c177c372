package io.cellardoor.chat;

import java.util.Optional;

/**
 * A visitor's question as the pipeline answers it, after the follow-up resolver.
 *
 * @param text the standalone question: what classification, retrieval and the answer generator work from (the
 *     visitor's words, with what a follow-up refers to from the conversation appended)
 * @param focus the visitor's own words (what was asked this turn), after the guard removed instructions
 * @param carried what was carried over from the conversation, empty when nothing was
 * @param rule which rule decided ({@code standalone}, {@code topic switch}, {@code pronoun: it}, {@code connective: and},
 *     {@code ordinal: first}, {@code same topic: bedrooms}, {@code condensed by the model}), for the test bench
 * @param carriedDomain the previous turn's domain when the question continues it
 */
public record ResolvedQuestion(String text, String focus, String carried, String rule, Optional<String> carriedDomain) {

    /** A question that carries nothing from the conversation. */
    public static ResolvedQuestion standalone(String question, String rule) {
        return new ResolvedQuestion(question, question, "", rule, Optional.empty());
    }

    /** Whether the question was resolved against the conversation. */
    public boolean followUp() {
        return !carried.isEmpty();
    }
}

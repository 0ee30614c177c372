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

    /** The rule of a follow-up the language model rewrote as a standalone question. */
    public static final String CONDENSED = "condensed by the model";

    /** A question that carries nothing from the conversation. */
    public static ResolvedQuestion standalone(String question, String rule) {
        return new ResolvedQuestion(question, question, "", rule, Optional.empty());
    }

    /** Whether the question was resolved against the conversation. */
    public boolean followUp() {
        return !carried.isEmpty();
    }

    /**
     * Whether {@link #text} is a question as a visitor would ask it: the visitor's own, or the model's condensed
     * rewrite. A follow-up resolved by the rules is the visitor's words with the earlier turns' words appended; its
     * embedding is mostly the earlier question's, so the semantic cache and curated answers neither serve nor keep it
     * ("how much?" after "what does it taste like?" would get the tasting notes back).
     */
    public boolean standsAlone() {
        return !followUp() || CONDENSED.equals(rule);
    }
}

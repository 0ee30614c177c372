package io.cellardoor.guard;

import io.cellardoor.language.Phrases;
import java.util.List;
import java.util.Optional;

/**
 * The guard's verdict on a visitor's message.
 *
 * @param question what the pipeline answers: the message without the sentences that tried to instruct the assistant
 *     (the whole message when there were none); empty when declined
 * @param decline why the message is declined, as the phrase the visitor gets ({@link Phrases.Key#CANNOT_HELP} or
 *     {@link Phrases.Key#PRIVATE_DATA}); empty when the question is answered
 * @param rules the names of the policy rules that matched, with the text they matched, for the test bench and logs
 */
public record GuardVerdict(String question, Optional<Phrases.Key> decline, List<String> rules) {

    public GuardVerdict {
        rules = List.copyOf(rules);
    }

    /** Whether the pipeline goes on to answer {@link #question()}. */
    public boolean answers() {
        return decline.isEmpty();
    }
}

package io.cellardoor.answer;

import java.util.List;

/**
 * The parts of a message that asks several things, as the extractive answer reads them: what it only tells ("We're
 * driving up for our anniversary.") left out, then split at a question mark, a full stop or semicolon, or "and"/"y"/"et"
 * before a question word ("what time do you open on Sunday and do I need a reservation?" is two parts). English,
 * Spanish and French.
 */
public final class QuestionParts {

    private QuestionParts() {}

    /**
     * The parts of a message, each at least two words, in order.
     *
     * @return the message itself (stripped) when it asks one thing
     */
    public static List<String> of(String message) {
        return QuestionShape.parts(QuestionShape.asked(message).asked());
    }

    /**
     * Whether a part of the message asks who someone is or does something ("who is the events coordinator?", "¿quién
     * es el enólogo?"): a person's name answers it, and the page naming the people (a team or about page) may belong
     * to no domain.
     */
    public static boolean asksWho(String message) {
        return of(message).stream().anyMatch(part -> QuestionShape.of(part).who());
    }

    /**
     * Whether a text starts as a whole question of its own ("is there parking?", "where do I park?", "¿hay
     * estacionamiento?", "avez-vous un parking ?"), not as a fragment of the one before ("what about kids?", "and on
     * Sunday?").
     */
    public static boolean startsAQuestion(String text) {
        return QuestionShape.startsAQuestion(text);
    }
}

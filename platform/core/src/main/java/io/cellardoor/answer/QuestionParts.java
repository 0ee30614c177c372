package io.cellardoor.answer;

import java.util.List;
import java.util.regex.Pattern;

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

    /** A word that refers to one thing or person named before ("it", "that one", "he"). */
    private static final Pattern REFERS_TO_ONE =
            Pattern.compile("\\b(it|its|it's|this one|that one|he|him|his|she|her|hers)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * Whether a text refers to one thing or person named before it ("how does it taste?", "is he the owner?"), not to a
     * place or time ("can I park there?") or to several things: what a follow-up, or another part of the same question,
     * named is then its subject.
     */
    public static boolean refersToOne(String text) {
        return REFERS_TO_ONE.matcher(text).find();
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

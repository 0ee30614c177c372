package io.cellardoor.answer;

import io.cellardoor.language.Phrases;

/** The text of a declined answer: why, in the visitor's language, then how to reach a person. */
public final class Declines {

    private Declines() {}

    /**
     * @param reason what the visitor is told first, e.g. {@link Phrases.Key#DONT_KNOW}
     * @param language ISO 639-1 code of the question
     * @param contactLine the site's or org's contact line; when empty, a neutral line without invented details
     */
    public static String text(Phrases.Key reason, String language, String contactLine) {
        return Phrases.of(reason, language) + " " + contact(language, contactLine);
    }

    /** The contact line, or a neutral pointer to the business when there is none. */
    public static String contact(String language, String contactLine) {
        return contactLine.isBlank() ? Phrases.of(Phrases.Key.CONTACT_DIRECTLY, language) : contactLine;
    }
}

package io.cellardoor.plugins.visiting;

import io.cellardoor.plugin.api.UserQuery;
import java.util.regex.Pattern;

/**
 * Questions about changing the visitor's own booking: cancelling, rescheduling, a refund, arriving late or not at all
 * ("can I cancel my tasting?", "i need to reschedule our visit", "how late can I arrive for my reservation?", "what
 * happens if we don't show up?"). The answer is the reservation page's policy, not the tastings that share the word
 * "tasting" nor the opening hours that share "how late".
 */
final class BookingChanges {

    /** The visitor's own booking, by any of its names. */
    private static final String OWN_BOOKING =
            "\\b(my|our)\\s+(tasting|reservation|booking|visit|table|appointment|time slot|slot)s?\\b";

    /** What is done to a booking, or happens to the visitor on the day. */
    private static final String CHANGE = "\\b(cancel\\w*|reschedul\\w*|postpon\\w*|refund\\w*|modify|change|move"
            + "|push\\w*|late|delayed|behind)\\b";

    /**
     * A question about changing one's own booking (normalized text, apostrophes kept): a change and the booking
     * within 40 characters either way, not showing up, or rescheduling. Also the classifier's rule.
     */
    static final Pattern ASKED =
            Pattern.compile(CHANGE + ".{0,40}" + OWN_BOOKING + "|" + OWN_BOOKING + ".{0,40}" + CHANGE
                    + "|\\b(no[ -]?shows?|(do not|don'?t|don t|can'?t|can t|cannot) (show up|make it))\\b"
                    + "|\\breschedul\\w*");

    /** The title of a page about reservations. */
    static final Pattern TITLE = Pattern.compile("(?i)\\b(reservations?|bookings?|reserving|booking policy)\\b");

    private BookingChanges() {}

    /** Whether a question asks about changing, cancelling or being late for the visitor's own booking. */
    static boolean asked(UserQuery query) {
        return ASKED.matcher(query.normalizedFocus()).find();
    }
}

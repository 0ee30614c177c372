package io.cellardoor.plugins.visiting;

import io.cellardoor.plugin.api.UserQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a visit needs booking: questions asking it ("do I need a reservation?", "do we need to book ahead?", "are
 * reservations required?", "can we just walk in?", "do you take walk-ins?", "¿hay que reservar?", "faut-il réserver
 * ?") and the lines of the visiting pages that say it for a kind of visit ("Reservations: Recommended through our
 * online reservation system", "Booking: Advance reservation required", "Availability: By appointment only"), each
 * under the section it belongs to. The pages' words are read as they are; nothing is inferred from hours or prices.
 */
final class ReservationNeed {

    /** At most this many lines answer. */
    static final int MAX_LINES = 4;

    /** Asks whether booking is needed, in a normalized question. */
    private static final Pattern ASKED = Pattern.compile("\\b(do|does|will|would|should) (i|we|you|one|they|guests"
            + "|visitors) (need|have to|require|must)\\b.{0,30}\\b(reserv\\w*|book\\w*)\\b"
            + "|\\b(reservations?|booking|booking ahead) (are |is )?(required|needed|necessary|mandatory|a must)\\b"
            + "|\\b(is|are) (a )?(reservations?|booking) (required|needed|necessary|mandatory)\\b"
            + "|\\bwalk ?ins?\\b|\\bjust (walk|show|drop|stop) (in|up|by)\\b"
            + "|\\b(hay que|es necesario|necesito|necesitamos|se necesita) reserv\\w*"
            + "|\\bfaut il (reserver|une reservation)\\b|\\breservation (est )?(obligatoire|necessaire)\\b");

    /** A line saying whether booking is needed. */
    private static final Pattern STATES = Pattern.compile("(?i)\\b(required|recommended|necessary|mandatory"
            + "|by appointment|walk-?ins?|in advance|advance (reservation|booking|notice))\\b");
    /** A line about booking a visit. */
    private static final Pattern BOOKING = Pattern.compile("(?i)\\b(reserv\\w*|book\\w*|appointment|walk-?ins?)\\b");
    /** A line about changing a booking or about a night's stay, not about whether to book a visit. */
    private static final Pattern OTHER = Pattern.compile("(?i)\\b(cancel\\w*|chang\\w*|modif\\w*|accommodations?"
            + "|hotels?|inns?|lodging|overnight|private event)\\b");
    /** A label whose line states a booking rule ("Reservations:", "Booking:", "Availability:"). */
    private static final Pattern BOOKING_LABEL =
            Pattern.compile("(?i)^(reservations?|booking|advance booking|availability)\\s*:");

    /** A heading that only labels a list ("Details:"), not the thing it is about. */
    private static final Pattern LABEL_HEADING = Pattern.compile("(?i)^(details|information|info|overview)\\W*$");

    private ReservationNeed() {}

    /**
     * Asks something else: how far ahead (the pages' "well in advance" lines answer), an event or a stay rather than a
     * visit, or a party of a stated size (the line taking that size answers).
     */
    private static final Pattern OTHER_QUESTION = Pattern.compile("\\b(how (far|long|soon|early)|when|weddings?|events?"
            + "|dinners?|hotels?|rooms?|stay|overnight)\\b|\\b(group|party) of \\d+|\\b\\d+ (people|guests|persons"
            + "|adults|of us)\\b");

    /** Whether a question asks whether a visit needs booking. */
    static boolean asked(UserQuery query) {
        String focus = query.normalizedFocus();
        return ASKED.matcher(focus).find() && !OTHER_QUESTION.matcher(focus).find();
    }

    /** A line saying whether to book, on a page, under a section. */
    record Line(String path, String section, String text, boolean labelled) {}

    /**
     * The lines of a page saying whether a visit needs booking, each with the heading of its section ({@link
     * PageSections#leaves}; for a list's "Details:", the heading above it), in page order.
     */
    static List<Line> read(String path, String text) {
        List<Line> lines = new ArrayList<>();
        for (PageSections.Section leaf : PageSections.leaves(text)) {
            String section = LABEL_HEADING.matcher(leaf.heading()).matches()
                            && !leaf.above().isEmpty()
                    ? leaf.above().getLast()
                    : leaf.heading();
            for (String line : leaf.lines()) {
                String content = clean(line.replaceFirst("^[-*•]\\s+", ""));
                if (STATES.matcher(content).find()
                        && BOOKING.matcher(content).find()
                        && !OTHER.matcher(content).find()) {
                    lines.add(new Line(
                            path,
                            clean(section),
                            content,
                            BOOKING_LABEL.matcher(content).find()));
                }
            }
        }
        return lines;
    }

    /** A heading or line without its markdown emphasis. */
    private static String clean(String text) {
        return text.replaceAll("[*_`]", "").strip();
    }

    /** A day or time of year a question may ask about ("walk-ins on saturday?", "in the summer?"). */
    private static final Pattern WHEN_NAMED = Pattern.compile("(?i)\\b(monday|tuesday|wednesday|thursday|friday"
            + "|saturday|sunday|weekend|weekday|holiday|spring|summer|fall|autumn|winter|peak season)s?\\b");

    /**
     * The lines an answer shows, at most {@value #MAX_LINES}: those naming a day or season the question names first
     * ("Saturday reservations should be made well in advance" for "walk-ins on saturday?"), then labelled rules, then
     * the rest, each in page order.
     */
    static List<Line> shown(List<Line> lines, UserQuery query) {
        List<String> named = new ArrayList<>();
        Matcher m = WHEN_NAMED.matcher(query.normalizedFocus());
        while (m.find()) {
            named.add(m.group(1));
        }
        Predicate<Line> namesIt = l ->
                named.stream().anyMatch(w -> l.text().toLowerCase(Locale.ROOT).contains(w));
        List<Line> ordered = new ArrayList<>(lines.stream().filter(namesIt).toList());
        lines.stream().filter(l -> !namesIt.test(l) && l.labelled()).forEach(ordered::add);
        lines.stream().filter(l -> !namesIt.test(l) && !l.labelled()).forEach(ordered::add);
        return ordered.stream().limit(MAX_LINES).toList();
    }

    /**
     * The answer from the lines of the pages read, as {@link #shown} orders them ("Booking: Advance reservation
     * required" before an unlabelled line); empty for none.
     */
    static String answer(List<Line> lines, UserQuery query) {
        StringBuilder text = new StringBuilder();
        shown(lines, query).forEach(l -> {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append("- ");
            if (!l.section().isEmpty()) {
                text.append("**").append(l.section()).append("**: ");
            }
            text.append(l.text());
        });
        return text.toString();
    }
}

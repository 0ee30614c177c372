package io.cellardoor.answer;

import io.cellardoor.text.TermAnalyzer;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number of people a question comes with ("can I book for a group of 12?", "we have 10 people", "a wedding for 200
 * guests", "¿para 8 personas?") and whether a line's stated size of party takes it ("Accommodates parties of 9 to 15
 * guests", "Capacity of up to 24 guests", "Maximum 8 guests per reservation", "Groups larger than 15 ..."). A page
 * states sizes as ranges and limits, so the line that answers seldom repeats the visitor's number: the answer is found
 * by comparing the numbers. Also whether a line states a size of party at all ({@link #statesASize}). English, Spanish
 * and French, on folded text ({@link TermAnalyzer#fold}).
 */
final class PartySize {

    /** Words naming people, as folded text spells them. */
    private static final String PEOPLE = "(people|ppl|persons?|guests?|adults|friends|of us|attendees|visitors|pax"
            + "|personas|invitados|amigos|personnes|invites|amis)";
    /** A number of people asked with: "group of 12", "party of 20", "12 people", "for 10 guests". */
    private static final Pattern ASKED =
            Pattern.compile("\\b(?:(group|party|groupe|grupo) (?:of|de) (\\d{1,4})|(\\d{1,4}) " + PEOPLE + ")\\b");

    /** "9 to 15 guests", "9-15 guests", "de 9 a 15 personas", as folded ("9 15 guests"): both ends. */
    private static final Pattern RANGE =
            Pattern.compile("\\b(\\d{1,4}) (?:(?:to|and|a|y|et) )?(\\d{1,4}) (?:\\p{L}+ )?" + PEOPLE + "\\b");
    /** "up to 24 guests", "maximum 8 guests", "capacity of 150", "limited to 8 guests", "seating for up to 120". */
    private static final Pattern AT_MOST = Pattern.compile("(?i)\\b(?:up to|maximum(?: of)?|max|at most|no more than"
            + "|limited to|capacity(?: of)?(?: up to)?|accommodates?(?: up to)?|seats?(?: up to)?"
            + "|seating for(?: up to)?|sleeps?(?: up to)?|holds?(?: up to)?)\\s+(\\d{1,4})\\b");
    /** "groups larger than 15", "more than 20 guests", "16+ guests", "minimum of 10 guests", "10 or more". */
    private static final Pattern AT_LEAST = Pattern.compile("(?i)\\b(?:((?:larger|more|bigger|greater) than|over|above)"
            + "|minimum(?: of)?|min|at least)\\s+(\\d{1,4})\\b|\\b(\\d{1,4})\\s?(?:\\+|or more)");
    /** A limit or least number counting something other than people ("up to 2 hours", "at least 48 hours"). */
    private static final Pattern OTHER_UNIT = Pattern.compile("(?i)^\\s*(?:[-+]\\s*)?(?:\\d+\\s*)?(?:%|percent|hours?"
            + "|hrs?|minutes?|mins?|days?|weeks?|months?|years?|bottles?|cases?|acres?|miles?|points?|dollars?|am|pm"
            + "|p\\.m|a\\.m|shipments?)\\b");
    /** A line about the size of a party: it names people, a group or a capacity. */
    private static final Pattern ABOUT_PARTIES = Pattern.compile("\\b(" + PEOPLE.substring(1, PEOPLE.length() - 1)
            + "|groups?|parties|party|capacity|seating|seats?|accommodates?|grupos?|groupes?)\\b");

    /**
     * A number of people a place takes: "120 guests", "up to 50 people", or what it accommodates, seats, sleeps or
     * holds ("Accommodates 6", "seats up to 160"): the count a "how many people ...?" question asks.
     */
    private static final Pattern STATES_A_SIZE = Pattern.compile(
            "(?i)(?<![$\\d.,])\\d+\\s+(?:[\\p{L}-]+\\s+)?(?:guests?|people|persons?|attendees|adults|visitors)\\b|"
                    + "\\b(?:accommodates?|seats?|sleeps?|holds?|fits?|capacity(?: of)?)\\s+(?:up to\\s+)?\\d+");

    private PartySize() {}

    /** Whether a line states a number of people a place takes ("120 guests", "Accommodates 6", "seats up to 160"). */
    static boolean statesASize(String line) {
        return STATES_A_SIZE.matcher(line).find();
    }

    /** The number of people a question states, or empty when it states none (a price, a year or a time is none). */
    static OptionalInt asked(String question) {
        Matcher m = ASKED.matcher(TermAnalyzer.fold(question));
        if (!m.find()) {
            return OptionalInt.empty();
        }
        int n = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
        return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    }

    /** The word naming the party in the expression {@link #asked} reads ("group" of "a group of 12", "people"). */
    static Optional<String> noun(String question) {
        Matcher m = ASKED.matcher(TermAnalyzer.fold(question));
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? m.group(1) : m.group(4));
    }

    /**
     * Whether a line states a size of party that takes {@code people}: a range holding it, a limit at or above it, or
     * a least number at or below it. A line stating no size takes no one.
     */
    static boolean takes(String line, int people) {
        String folded = TermAnalyzer.fold(line);
        if (!ABOUT_PARTIES.matcher(folded).find()) {
            return false;
        }
        Matcher range = RANGE.matcher(folded);
        while (range.find()) {
            int low = Integer.parseInt(range.group(1));
            int high = Integer.parseInt(range.group(2));
            if (low < high && people >= low && people <= high) {
                return true;
            }
        }
        Matcher most = AT_MOST.matcher(line);
        while (most.find()) {
            if (people <= Integer.parseInt(most.group(1))
                    && !OTHER_UNIT.matcher(line.substring(most.end())).find()) {
                return true;
            }
        }
        Matcher least = AT_LEAST.matcher(line);
        while (least.find()) {
            int bound = Integer.parseInt(least.group(2) != null ? least.group(2) : least.group(3));
            // "larger than 15" excludes 15 itself; "minimum of 10" and "10+" take it
            boolean taken = least.group(1) != null ? people > bound : people >= bound;
            if (taken && !OTHER_UNIT.matcher(line.substring(least.end())).find()) {
                return true;
            }
        }
        return false;
    }
}

package io.cellardoor.plugins.visiting;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A weekly opening schedule read from an hours document: lines such as {@code - **Friday**: 11:00 AM - 8:00 PM},
 * {@code Monday & Tuesday: Closed}, {@code Mon-Thu: 12-5pm}, and a rule such as "the last seating is 45 minutes
 * before closing".
 *
 * @param hours each day the document mentions, with its opening hours or empty when closed
 * @param lastCalls every "last ... before closing" rule the document states (the last tasting reservation, the last
 *     call for wine service), the last reservation, seating or booking first
 */
record WeeklySchedule(Map<DayOfWeek, Optional<Opening>> hours, List<LastCall> lastCalls) {

    /** Opening hours of one day. */
    record Opening(LocalTime opens, LocalTime closes) {}

    /**
     * A rule such as "the last seating is 45 minutes before closing".
     *
     * @param what what is last, e.g. {@code tasting reservation}
     * @param minutesBeforeClosing how long before closing
     */
    record LastCall(String what, int minutesBeforeClosing) {}

    private static final String DAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            + "|mon|tues?|weds?|thu|thur|thurs|fri|sat|sun)s?\\.?";
    private static final Pattern DAY_TOKEN = Pattern.compile(DAY);
    private static final Pattern LINE = Pattern.compile("^\\s*(?:[-+•]\\s*)?(" + DAY
            + "(?:\\s*(?:,|&|and|/|-|–|—|to|through|thru)\\s*" + DAY + ")*)\\s*(?::|-|–|—)\\s*(.+)$");
    private static final String CLOCK = "(\\d{1,2})(?:[:.](\\d{2}))?(?:\\s*([ap])\\.?\\s?m\\b\\.?)?";
    private static final Pattern RANGE = Pattern.compile(CLOCK + "\\s*(?:-|–|—|to|until|till)\\s*" + CLOCK);
    private static final Pattern CLOSED = Pattern.compile("\\b(closed|ferme|cerrado)\\b");
    private static final Pattern LAST = Pattern.compile(
            "\\blast\\b[^.\\n]*?\\b(\\d+|one|an|a|half an)\\s*" + "(hours?|hrs?|minutes?|mins?)\\s+before\\s+clos");
    private static final List<String> LAST_WHAT =
            List.of("reservation", "seating", "booking", "entry", "admission", "tasting", "call");

    /** The schedule a document states; empty hours when it has no day lines. */
    static WeeklySchedule parse(String text) {
        Map<DayOfWeek, Optional<Opening>> hours = new EnumMap<>(DayOfWeek.class);
        List<LastCall> lastCalls = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.toLowerCase(Locale.ROOT)
                    .replaceAll("[*_#`]", "")
                    .replace("noon", "12pm")
                    .replace("midnight", "12am")
                    .strip();
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                Optional<Optional<Opening>> value = value(m.group(2));
                value.ifPresent(v -> days(m.group(1)).forEach(d -> hours.putIfAbsent(d, v)));
            }
            for (String sentence : line.split("(?<=\\.)\\s+")) {
                lastCall(sentence).filter(r -> !lastCalls.contains(r)).ifPresent(lastCalls::add);
            }
        }
        lastCalls.sort(java.util.Comparator.comparingInt(WeeklySchedule::rank));
        return new WeeklySchedule(hours, List.copyOf(lastCalls));
    }

    /** The first rule: the last reservation, seating or booking before the last call for service. */
    Optional<LastCall> lastCall() {
        return lastCalls.stream().findFirst();
    }

    /**
     * The rule about what the question names ("last call" for the call, "latest tasting" for the tasting reservation),
     * else the first rule.
     *
     * @param named the question's words
     */
    Optional<LastCall> lastCall(java.util.Collection<String> named) {
        return lastCalls.stream()
                .filter(r -> java.util.Arrays.stream(r.what().split(" ")).anyMatch(named::contains))
                .findFirst()
                .or(this::lastCall);
    }

    /** The days of a spec such as {@code wednesday, thursday & sunday} or {@code mon-thu}. */
    private static List<DayOfWeek> days(String spec) {
        List<DayOfWeek> days = new ArrayList<>();
        Matcher m = DAY_TOKEN.matcher(spec);
        int previousEnd = -1;
        while (m.find()) {
            DayOfWeek day = day(m.group());
            String separator = previousEnd < 0 ? "" : spec.substring(previousEnd, m.start());
            if (!days.isEmpty() && separator.matches("\\s*(-|–|—|to|through|thru)\\s*")) {
                for (DayOfWeek d = days.get(days.size() - 1).plus(1); d != day; d = d.plus(1)) {
                    days.add(d);
                }
            }
            days.add(day);
            previousEnd = m.end();
        }
        return days;
    }

    private static DayOfWeek day(String token) {
        String prefix = token.substring(0, 3);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return day;
            }
        }
        throw new IllegalArgumentException(token);
    }

    /** Empty when the value is neither "closed" nor a time range; else the opening, or empty for closed. */
    private static Optional<Optional<Opening>> value(String text) {
        if (CLOSED.matcher(text).find()) {
            return Optional.of(Optional.empty());
        }
        Matcher m = RANGE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        int closesHour = Integer.parseInt(m.group(4));
        String closesMeridiem = m.group(6) != null ? m.group(6) : closesHour > 12 ? "" : "p";
        LocalTime closes = time(closesHour, m.group(5), closesMeridiem);
        int opensHour = Integer.parseInt(m.group(1));
        LocalTime opens = time(opensHour, m.group(2), m.group(3) != null ? m.group(3) : closesMeridiem);
        if (m.group(3) == null && !opens.isBefore(closes)) {
            opens = time(opensHour, m.group(2), "a");
        }
        return Optional.of(Optional.of(new Opening(opens, closes)));
    }

    private static LocalTime time(int hour, String minutes, String meridiem) {
        int h = hour % 24;
        if (meridiem.equals("p") && h < 12) {
            h += 12;
        } else if (meridiem.equals("a") && h == 12) {
            h = 0;
        }
        return LocalTime.of(h, minutes == null ? 0 : Integer.parseInt(minutes));
    }

    private static Optional<LastCall> lastCall(String sentence) {
        Matcher m = LAST.matcher(sentence);
        if (!m.find()) {
            return Optional.empty();
        }
        String amount = m.group(1);
        int n = switch (amount) {
            case "one", "an", "a" -> 1;
            case "half an" -> 30;
            default -> Integer.parseInt(amount);
        };
        int minutes = m.group(2).startsWith("h") && !amount.equals("half an") ? n * 60 : n;
        String what = LAST_WHAT.stream().filter(sentence::contains).findFirst().orElse("call");
        if (sentence.contains("tasting") && !what.equals("tasting")) {
            what = "tasting " + what;
        }
        return Optional.of(new LastCall(what, minutes));
    }

    private static int rank(LastCall rule) {
        String noun = rule.what().replace("tasting ", "");
        return LAST_WHAT.indexOf(noun);
    }
}

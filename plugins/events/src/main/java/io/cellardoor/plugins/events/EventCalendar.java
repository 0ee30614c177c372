package io.cellardoor.plugins.events;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dated events of the event pages: each markdown section (a heading and its lines up to the next heading) whose
 * heading or a "Date:" line gives a full date ("February 22nd, 2025", "Saturday, September 25, 2027", "from June 4 to
 * August 27, 2027"), or, under a heading naming events ("Upcoming Events"), a heading giving only a year ("2025 Spring
 * Wine Club Party"). Sections without a date (venues, private parties) are not events here.
 *
 * @param events the events in page order
 */
record EventCalendar(List<Event> events) {

    /**
     * One dated event.
     *
     * @param name the heading, without a date it ends with
     * @param when the date as the page writes it ("Saturday, September 25, 2027"), or the heading's year
     * @param first its first day, or January 1 of its year when only the year is given
     * @param last its last day (the same day for a one-day event), or December 31 of its year
     * @param path the page it is on
     */
    record Event(String name, String when, LocalDate first, LocalDate last, String path) {

        /** "Harvest Festival (Saturday, September 25, 2027)", or the heading alone when it holds the date. */
        String line() {
            return name.contains(when) ? name : name + " (" + when + ")";
        }
    }

    private static final String MONTHS =
            "(january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?";
    /** "February 22nd, 2025", "Sept 5 2027": month, day, year. */
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("(?i)\\b" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    /** "June 4" (a range's start, whose year comes after the end): month and day. */
    private static final Pattern MONTH_DAY = Pattern.compile("(?i)\\b" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b");
    /** "2027-09-25". */
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

    private static final Pattern YEAR = Pattern.compile("\\b(20\\d{2})\\b");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern DATE_LINE =
            Pattern.compile("(?i)^\\s*[-*+]?\\s*\\**(dates?|when)\\**\\s*:?\\**\\s*:?\\s*(.+)$");
    private static final Pattern EVENTS_HEADING =
            Pattern.compile("(?i)\\b(upcoming|events?|calendar|what'?s on|happenings)\\b");
    private static final Pattern PRIVATE = Pattern.compile("(?i)\\b(private|venues?|weddings?|book(ing)?)\\b");

    /** The dated events of one page. */
    static EventCalendar read(String path, String text) {
        List<Event> events = new ArrayList<>();
        List<String> parents = new ArrayList<>(); // heading text by level - 1
        String heading = null;
        int level = 0;
        List<String> lines = new ArrayList<>();
        for (String line : (text + "\n# end").split("\n")) {
            Matcher h = HEADING.matcher(line);
            if (!h.matches()) {
                lines.add(line);
                continue;
            }
            if (heading != null) {
                boolean underEvents = parents.subList(0, Math.min(level - 1, parents.size())).stream()
                        .anyMatch(p -> EVENTS_HEADING.matcher(p).find()
                                && !PRIVATE.matcher(p).find());
                event(path, heading, lines, underEvents).ifPresent(events::add);
            }
            level = h.group(1).length();
            heading = h.group(2).replace("**", "").strip();
            while (parents.size() < level) {
                parents.add("");
            }
            parents.set(level - 1, heading);
            parents.subList(level, parents.size()).clear();
            lines = new ArrayList<>();
        }
        return new EventCalendar(List.copyOf(events));
    }

    /** The events of several pages, in order. */
    static EventCalendar of(List<EventCalendar> pages) {
        return new EventCalendar(
                pages.stream().flatMap(p -> p.events().stream()).toList());
    }

    /** Events whose last day is on or after {@code today}. */
    List<Event> upcoming(LocalDate today) {
        return events.stream().filter(e -> !e.last().isBefore(today)).toList();
    }

    /** Events whose last day is before {@code today}, in page order. */
    List<Event> past(LocalDate today) {
        return events.stream().filter(e -> e.last().isBefore(today)).toList();
    }

    private static Optional<Event> event(String path, String heading, List<String> lines, boolean underEvents) {
        Optional<Dated> inHeading = dated(heading);
        if (inHeading.isPresent()) {
            String name = heading.substring(0, inHeading.get().start()).replaceAll("[\\s\\-–—:,(]+$", "");
            Dated d = inHeading.get();
            return Optional.of(new Event(name.isEmpty() ? heading : name, d.text(), d.first(), d.last(), path));
        }
        for (String line : lines) {
            Matcher m = DATE_LINE.matcher(line);
            if (m.matches()) {
                Optional<Dated> d = dated(m.group(2));
                if (d.isPresent()) {
                    String when = m.group(2).replace("**", "").strip();
                    return Optional.of(
                            new Event(heading, when, d.get().first(), d.get().last(), path));
                }
            }
        }
        Matcher year = YEAR.matcher(heading);
        if (underEvents && !PRIVATE.matcher(heading).find() && year.find()) {
            int y = Integer.parseInt(year.group(1));
            return Optional.of(new Event(heading, year.group(1), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), path));
        }
        return Optional.empty();
    }

    /** A date or date range found in a text: its first and last day and where it starts. */
    private record Dated(LocalDate first, LocalDate last, int start, String text) {}

    /** The full dates of a text: the first is where it starts, a range runs to the last ("June 4 to August 27, 2027"). */
    private static Optional<Dated> dated(String text) {
        List<LocalDate> dates = new ArrayList<>();
        int start = -1;
        Matcher m = MONTH_DAY_YEAR.matcher(text);
        while (m.find()) {
            date(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)))
                    .ifPresent(dates::add);
            start = start < 0 ? m.start() : start;
        }
        Matcher iso = ISO.matcher(text);
        while (iso.find()) {
            date(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)))
                    .ifPresent(dates::add);
            start = start < 0 ? iso.start() : Math.min(start, iso.start());
        }
        if (dates.isEmpty()) {
            return Optional.empty();
        }
        LocalDate last = dates.stream().max(LocalDate::compareTo).orElseThrow();
        LocalDate first = dates.stream().min(LocalDate::compareTo).orElseThrow();
        // a range's start written without its year: "from June 4 to August 27, 2027"
        Matcher md = MONTH_DAY.matcher(text);
        if (md.find() && md.start() < start) {
            Optional<LocalDate> opening = date(last.getYear(), month(md.group(1)), Integer.parseInt(md.group(2)));
            if (opening.isPresent() && !opening.get().isAfter(first)) {
                first = opening.get();
                start = md.start();
            }
        }
        // the date as written, from its weekday if one comes just before it ("Saturday, September 25, 2027")
        int from = weekdayBefore(text, start);
        return Optional.of(new Dated(first, last, from, text.substring(from).strip()));
    }

    private static int weekdayBefore(String text, int start) {
        Matcher w = Pattern.compile("(?i)\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\\s*$")
                .matcher(text.substring(0, start));
        return w.find() ? w.start() : start;
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace(".", "");
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.FULL, Locale.US)
                    .toLowerCase(Locale.ROOT)
                    .startsWith(n)) {
                return month.getValue();
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}

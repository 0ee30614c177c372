package io.cellardoor.plugins.events;

import io.cellardoor.plugins.events.EventCalendar.Event;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A question asking what events are on ("what's coming up?", "any events this weekend?", "anything happening in
 * December?", "¿hay eventos este fin de semana?"), and its answer from the dated events: the events of the time asked
 * about that have not ended, and when none, what comes next or, with nothing ahead, the last events listed, saying so.
 *
 * @param window the days asked about, empty for "what's coming up?"
 */
record WhatsOn(Optional<Window> window) {

    /**
     * Days a question asks about.
     *
     * @param first the first day
     * @param last the last day, inclusive
     * @param label how the question put it, e.g. "this weekend", "December"
     */
    record Window(LocalDate first, LocalDate last, String label) {

        boolean holds(Event event) {
            return !event.last().isBefore(first) && !event.first().isAfter(last);
        }

        /** "this weekend (December 5 to 6)". */
        String described() {
            String from = DAY.format(first);
            if (first.equals(last)) {
                return label + " (" + from + ")";
            }
            String to = first.getMonth() == last.getMonth() ? String.valueOf(last.getDayOfMonth()) : DAY.format(last);
            return label + " (" + from + " to " + to + ")";
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.US);
    private static final int MAX_LINES = 6;

    private static final Pattern EVENT_WORD = Pattern.compile("\\b(events?|eventos?|evenements?|concerts?|conciertos?"
            + "|live music|music|musica|musique|shows?|festivals?|parties|fiestas|happenings?|dinners?|cenas)\\b");
    /** Asks what is on, whatever the time. */
    private static final Pattern LISTING =
            Pattern.compile("\\b(upcoming|coming up|what'?s (on|happening|going on|planned)"
                    + "|anything (on|happening|going on|planned|fun)|what is (on|happening|going on)|what (events|concerts"
                    + "|dinners|parties|festivals)|which events|next events?|calendar|proximos eventos|que hay|hay algo"
                    + "|a venir|prochains? evenements|quoi de prevu|qu'?est ce qui se passe"
                    + "|any (upcoming )?(events|concerts|shows|festivals))\\b");
    /** Questions about booking, prices, weddings or one named thing are not "what's on". */
    private static final Pattern OTHER = Pattern.compile("\\b(weddings?|boda|mariage|private|priv[ae]d[ao]s?|privee?s?"
            + "|venues?|host|hosting|book(ing)?|rent\\w*|capacity|how much|price|prices|cost|costs|tickets?|members? only"
            + "|dress code|parking|dogs?|kids?|children)\\b|\\$");

    /** Asks for a coming occurrence ("the next club party", "is it on again"), not when a named event was. */
    private static final Pattern WHEN = Pattern.compile(
            "\\b(next|upcoming|coming up|again|this year|proxim[oa]s?" + "|prochaine?s?|cette annee|este ano)\\b");

    private static final Pattern TODAY = Pattern.compile("\\b(today|tonight|hoy|esta noche|aujourd'?hui|ce soir)\\b");
    private static final Pattern TOMORROW = Pattern.compile("\\b(tomorrow|demain|(?<!(la|por|de|en) )manana)\\b");
    private static final Pattern NEXT_WEEKEND =
            Pattern.compile("\\b(next weekend|proximo fin de semana" + "|week ?end prochain)\\b");
    private static final Pattern WEEKEND = Pattern.compile("\\b(weekend|fin de semana|week ?end)\\b");
    private static final Pattern NEXT_WEEK =
            Pattern.compile("\\b(next week|proxima semana|semana que viene|semaine prochaine)\\b");
    private static final Pattern THIS_WEEK = Pattern.compile("\\b(this week|esta semana|cette semaine)\\b");
    private static final Pattern NEXT_MONTH =
            Pattern.compile("\\b(next month|proximo mes|mes que viene|mois prochain)\\b");
    private static final Pattern THIS_MONTH = Pattern.compile("\\b(this month|este mes|ce mois)\\b");
    private static final Map<String, Month> MONTHS = months();
    private static final Pattern MONTH = Pattern.compile("\\b(" + String.join("|", MONTHS.keySet()) + ")\\b");

    /**
     * The what's-on question a normalized question asks, read against the org's {@code today}; empty for any other
     * question. One naming an event of the calendar is not one either ({@link #namesAnEvent}).
     */
    static Optional<WhatsOn> of(String text, LocalDate today) {
        if (OTHER.matcher(text).find()) {
            return Optional.empty();
        }
        Optional<Window> window = window(text, today);
        boolean asks = LISTING.matcher(text).find()
                || (window.isPresent() && EVENT_WORD.matcher(text).find());
        return asks ? Optional.of(new WhatsOn(window)) : Optional.empty();
    }

    /**
     * The answer, or empty when the calendar holds no event: "Listed for this weekend (...):" and the events, "No events
     * are listed for ...", or "No upcoming events are listed right now. The last ones listed:".
     */
    Optional<String> answer(EventCalendar calendar, LocalDate today) {
        if (calendar.events().isEmpty()) {
            return Optional.empty();
        }
        List<Event> upcoming = calendar.upcoming(today).stream()
                .sorted(Comparator.comparing(Event::first))
                .toList();
        List<Event> past = calendar.past(today);
        if (window.isPresent()) {
            Window w = window.get();
            List<Event> within =
                    upcoming.stream().filter(e -> exact(e) && w.holds(e)).toList();
            if (!within.isEmpty()) {
                return Optional.of("Listed for " + w.described() + ":\n" + lines(within));
            }
            if (!upcoming.isEmpty()) {
                return Optional.of(
                        "No events are listed for " + w.described() + ". Coming up next:\n" + lines(upcoming));
            }
            return Optional.of("No events are listed for " + w.described()
                    + ", nor any later. The last ones listed were:\n" + lines(past));
        }
        if (!upcoming.isEmpty()) {
            return Optional.of("Coming up:\n" + lines(upcoming));
        }
        return Optional.of("No upcoming events are listed right now. The last ones listed were:\n" + lines(past));
    }

    /** The pages the answer's events come from. */
    static List<String> sources(EventCalendar calendar) {
        return calendar.events().stream().map(Event::path).distinct().toList();
    }

    /** A date the page gives to the day, not only a year. */
    private static boolean exact(Event event) {
        return !(event.first().getDayOfYear() == 1
                && event.last().getMonth() == Month.DECEMBER
                && event.last().getDayOfMonth() == 31
                && event.first().getYear() == event.last().getYear());
    }

    private static String lines(List<Event> events) {
        return events.stream().limit(MAX_LINES).map(e -> "- " + e.line()).collect(Collectors.joining("\n"));
    }

    /**
     * Whether a normalized question names an event of the calendar by a word of its name ("when is the harvest festival
     * this year?"): retrieval answers that from the event's section, unless every such event has ended ({@link
     * #pastOnly}).
     */
    static boolean namesAnEvent(String text, EventCalendar calendar) {
        return !named(text, calendar).isEmpty();
    }

    /** Whether a normalized question asks for a coming occurrence ("next", "upcoming", "again", "próxima"). */
    static boolean asksWhen(String text) {
        return WHEN.matcher(text).find() && !OTHER.matcher(text).find();
    }

    /**
     * "When is the next club party?" about events of the calendar that have all ended: "No upcoming date is listed for
     * it." and the last ones listed; empty when the question asks for no coming occurrence ("when is the spring party?"
     * is answered from its section), names no event, or one named is ahead.
     */
    static Optional<String> pastOnly(String text, EventCalendar calendar, LocalDate today) {
        List<Event> named = named(text, calendar);
        if (!asksWhen(text)
                || named.isEmpty()
                || named.stream().anyMatch(e -> !e.last().isBefore(today))) {
            return Optional.empty();
        }
        return Optional.of("No upcoming date is listed for it. The last listed:\n" + lines(named));
    }

    /** The events a normalized question names by a distinctive word of their name. */
    static List<Event> named(String text, EventCalendar calendar) {
        Set<String> asked = Set.of(text.split(" "));
        return calendar.events().stream()
                .filter(e -> java.util.Arrays.stream(
                                e.name().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                        .filter(w ->
                                w.length() >= 4 && !GENERIC.contains(w) && !MONTHS.containsKey(w) && !w.matches("\\d+"))
                        .anyMatch(asked::contains))
                .toList();
    }

    /** Words of event names that name a kind of event or a season, not one event (month names are in MONTHS). */
    private static final Set<String> GENERIC = Set.of(
            "event",
            "events",
            "party",
            "parties",
            "dinner",
            "dinners",
            "night",
            "nights",
            "concert",
            "concerts",
            "music",
            "live",
            "festival",
            "tasting",
            "tastings",
            "wine",
            "wines",
            "with",
            "from",
            "annual",
            "upcoming",
            "spring",
            "summer",
            "fall",
            "autumn",
            "winter",
            "fridays",
            "saturdays",
            "sundays",
            "march",
            "may");

    private static Optional<Window> window(String text, LocalDate today) {
        if (TODAY.matcher(text).find()) {
            return Optional.of(new Window(today, today, "today"));
        }
        if (TOMORROW.matcher(text).find()) {
            return Optional.of(new Window(today.plusDays(1), today.plusDays(1), "tomorrow"));
        }
        LocalDate saturday = today.getDayOfWeek() == DayOfWeek.SUNDAY
                ? today.minusDays(1)
                : today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        if (NEXT_WEEKEND.matcher(text).find()) {
            return Optional.of(
                    new Window(saturday.plusWeeks(1), saturday.plusWeeks(1).plusDays(1), "next weekend"));
        }
        if (WEEKEND.matcher(text).find()) {
            return Optional.of(
                    new Window(today.isAfter(saturday) ? today : saturday, saturday.plusDays(1), "this weekend"));
        }
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        if (NEXT_WEEK.matcher(text).find()) {
            return Optional.of(new Window(sunday.plusDays(1), sunday.plusWeeks(1), "next week"));
        }
        if (THIS_WEEK.matcher(text).find()) {
            return Optional.of(new Window(today, sunday, "this week"));
        }
        if (NEXT_MONTH.matcher(text).find()) {
            LocalDate first = today.plusMonths(1).withDayOfMonth(1);
            return Optional.of(new Window(first, first.with(TemporalAdjusters.lastDayOfMonth()), "next month"));
        }
        if (THIS_MONTH.matcher(text).find()) {
            return Optional.of(new Window(today, today.with(TemporalAdjusters.lastDayOfMonth()), "this month"));
        }
        Matcher m = MONTH.matcher(text);
        if (m.find()) {
            Month month = MONTHS.get(m.group(1));
            LocalDate first = today.withMonth(month.getValue()).withDayOfMonth(1);
            LocalDate last = first.with(TemporalAdjusters.lastDayOfMonth());
            if (last.isBefore(today)) {
                first = first.plusYears(1);
                last = first.with(TemporalAdjusters.lastDayOfMonth());
            }
            String name = month.getDisplayName(java.time.format.TextStyle.FULL, Locale.US);
            return Optional.of(new Window(first.isBefore(today) ? today : first, last, name));
        }
        return Optional.empty();
    }

    /** Month names in English, Spanish and French, folded; "may" and "mars" left out (a verb, a planet's name). */
    private static Map<String, Month> months() {
        String[][] names = {
            {"january", "enero", "janvier"},
            {"february", "febrero", "fevrier"},
            {"march", "marzo"},
            {"april", "abril", "avril"},
            {"mayo", "mai"},
            {"june", "junio", "juin"},
            {"july", "julio", "juillet"},
            {"august", "agosto", "aout"},
            {"september", "septiembre", "septembre"},
            {"october", "octubre", "octobre"},
            {"november", "noviembre", "novembre"},
            {"december", "diciembre", "decembre"}
        };
        Map<String, Month> months = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                months.put(name, Month.of(i + 1));
            }
        }
        return Map.copyOf(months);
    }
}

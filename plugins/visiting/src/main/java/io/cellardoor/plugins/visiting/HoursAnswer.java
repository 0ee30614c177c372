package io.cellardoor.plugins.visiting;

import io.cellardoor.plugins.visiting.WeeklySchedule.LastCall;
import io.cellardoor.plugins.visiting.WeeklySchedule.Opening;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Composes a short English answer to an hours question from a weekly schedule. */
final class HoursAnswer {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d", Locale.US);

    private HoursAnswer() {}

    /**
     * "Yes, we're open on Friday from 11:00 AM to 8:00 PM." / "No, we're closed on Tuesdays." with the weekly
     * hours when no day was named or a named day is closed, and the last-reservation rule when asked for.
     * Empty when the schedule does not mention a day the question names.
     */
    static Optional<String> compose(HoursQuestion question, WeeklySchedule schedule) {
        Map<DayOfWeek, Optional<Opening>> hours = schedule.hours();
        if (!hours.keySet().containsAll(question.days())) {
            return Optional.empty();
        }
        List<String> sentences = new ArrayList<>();
        boolean single = question.days().size() == 1 && question.yesNo();
        for (DayOfWeek day : question.days()) {
            Optional<Opening> opening = hours.get(day);
            if (opening.isPresent()) {
                String range = "from " + format(opening.get().opens()) + " to "
                        + format(opening.get().closes());
                sentences.add(
                        single
                                ? "Yes, we're open on " + name(day) + " " + range + "."
                                : "On " + name(day) + " we're open " + range + ".");
            } else {
                sentences.add((single ? "No, we're" : "We're") + " closed on " + name(day) + "s.");
            }
        }
        if (question.asksLast()) {
            schedule.lastCall(question.words())
                    .ifPresent(rule -> sentences.add(lastCall(rule, question.days(), hours)));
        }
        boolean namedDayClosed =
                question.days().stream().anyMatch(d -> hours.get(d).isEmpty());
        if (question.days().isEmpty() || namedDayClosed) {
            sentences.add("Our hours: " + week(hours) + ".");
        }
        return Optional.of(String.join(" ", sentences));
    }

    /**
     * The answer for a day named relative to today ({@link HoursQuestion#relative()}): "Yes, we're open today
     * (Saturday, December 5) from 12:00 PM to 7:00 PM.", for "right now" whether the tasting room is open at {@code
     * now} and until when, and for a closed day the next open day. The question's days are ignored; {@code now} is the
     * org's local date and time. Empty when the schedule does not mention the day.
     */
    static Optional<String> composeRelative(HoursQuestion question, WeeklySchedule schedule, LocalDateTime now) {
        HoursQuestion.Relative relative = question.relative().orElseThrow();
        LocalDate date = now.toLocalDate().plusDays(relative.days);
        DayOfWeek day = date.getDayOfWeek();
        Map<DayOfWeek, Optional<Opening>> hours = schedule.hours();
        if (!hours.containsKey(day)) {
            return Optional.empty();
        }
        String when = (relative == HoursQuestion.Relative.TOMORROW ? "tomorrow" : "today") + " (" + name(day) + ", "
                + DATE.format(date) + ")";
        List<String> sentences = new ArrayList<>();
        Optional<Opening> opening = hours.get(day);
        if (opening.isEmpty()) {
            sentences.add((question.yesNo() || relative == HoursQuestion.Relative.NOW ? "No, we're" : "We're")
                    + " closed " + when + ".");
        } else if (relative == HoursQuestion.Relative.NOW) {
            LocalTime time = now.toLocalTime();
            Opening o = opening.get();
            if (time.isBefore(o.opens())) {
                sentences.add("Not yet: " + when + " we open at " + format(o.opens()) + " and close at "
                        + format(o.closes()) + ".");
            } else if (time.isBefore(o.closes())) {
                sentences.add("Yes, we're open now, until " + format(o.closes()) + " " + when + ".");
            } else {
                sentences.add("No, we're closed now: " + when + " we were open until " + format(o.closes()) + ".");
                opening = Optional.empty();
            }
        } else {
            String range = "from " + format(opening.get().opens()) + " to "
                    + format(opening.get().closes());
            String capital = Character.toUpperCase(when.charAt(0)) + when.substring(1);
            sentences.add(
                    question.yesNo()
                            ? "Yes, we're open " + when + " " + range + "."
                            : capital + " we're open " + range + ".");
        }
        if (question.asksLast() && hours.get(day).isPresent()) {
            schedule.lastCall(question.words()).ifPresent(rule -> sentences.add(lastCall(rule, List.of(day), hours)));
        }
        if (opening.isEmpty()) {
            next(date, hours).ifPresent(sentences::add);
        }
        return Optional.of(String.join(" ", sentences));
    }

    /** "We're next open on Wednesday, December 9, from 12:00 PM to 5:00 PM." for the first open day after a date. */
    private static Optional<String> next(LocalDate date, Map<DayOfWeek, Optional<Opening>> hours) {
        for (int i = 1; i <= 7; i++) {
            LocalDate later = date.plusDays(i);
            Optional<Opening> opening = hours.getOrDefault(later.getDayOfWeek(), Optional.empty());
            if (opening.isPresent()) {
                return Optional.of("We're next open on " + name(later.getDayOfWeek()) + ", " + DATE.format(later)
                        + ", from " + format(opening.get().opens()) + " to "
                        + format(opening.get().closes()) + ".");
            }
        }
        return Optional.empty();
    }

    private static String lastCall(LastCall rule, List<DayOfWeek> days, Map<DayOfWeek, Optional<Opening>> hours) {
        int minutes = rule.minutesBeforeClosing();
        String before = minutes % 60 == 0 ? plural(minutes / 60, "hour") : plural(minutes, "minute");
        String sentence = "The last " + rule.what() + " is " + before + " before closing";
        List<String> times = days.stream()
                .filter(d -> hours.get(d).isPresent())
                .map(d -> format(hours.get(d).get().closes().minusMinutes(minutes)) + " on " + name(d))
                .toList();
        return sentence + (times.isEmpty() ? "." : ", so " + String.join(" and ", times) + ".");
    }

    /** "Wednesday 1:00 PM - 5:30 PM; Thursday and Sunday 11:00 AM - 6:00 PM; Monday and Tuesday closed". */
    static String week(Map<DayOfWeek, Optional<Opening>> hours) {
        Map<Opening, List<DayOfWeek>> open = new LinkedHashMap<>();
        List<DayOfWeek> closed = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (hours.containsKey(day)) {
                hours.get(day)
                        .ifPresentOrElse(
                                o -> open.computeIfAbsent(o, k -> new ArrayList<>())
                                        .add(day),
                                () -> closed.add(day));
            }
        }
        List<String> parts = new ArrayList<>();
        open.forEach((o, days) -> parts.add(names(days) + " " + format(o.opens()) + " - " + format(o.closes())));
        if (!closed.isEmpty()) {
            parts.add(names(closed) + " closed");
        }
        return String.join("; ", parts);
    }

    private static String names(List<DayOfWeek> days) {
        List<String> names = days.stream().map(HoursAnswer::name).toList();
        return names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.US);
    }

    private static String format(LocalTime time) {
        return CLOCK.format(time);
    }

    private static String plural(int n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}

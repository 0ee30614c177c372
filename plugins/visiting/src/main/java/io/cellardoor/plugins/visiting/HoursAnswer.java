package io.cellardoor.plugins.visiting;

import io.cellardoor.plugins.visiting.WeeklySchedule.LastCall;
import io.cellardoor.plugins.visiting.WeeklySchedule.Opening;
import java.time.DayOfWeek;
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

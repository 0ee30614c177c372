package io.cellardoor.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words two questions may not differ in and still ask the same thing: the day of the week, the month and the
 * numbers they name. An embedding scores "what time do you open on Saturday?" against "... on Sunday?" as high as
 * against a rewording (0.93 with all-MiniLM-L6-v2, the quantized and the full model alike), so an answer kept for one
 * (a curated answer, a cached one) must not be served for the other. Weekdays and months are read in English, Spanish
 * and French, accents optional ("sábado" and "Saturday" are one day); "may" is left out (in English mostly a verb).
 * Numbers are runs of digits, leading zeros aside.
 */
public final class DecisiveWords {

    private static final Pattern WORD = Pattern.compile("[\\p{L}]+|\\d+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Day of the week (1-7) or month (101-112) of each name, accents removed, lower case. */
    private static final Map<String, Integer> CALENDAR = calendar();

    private DecisiveWords() {}

    /**
     * Whether the two questions name different days of the week, different months or different numbers: for each of
     * those kinds, both name at least one and not the same ones. A question naming none of a kind contrasts with no
     * other in it ("what time do you open?" and "... on Sunday?" do not).
     *
     * @param question a question as asked, any case
     * @param other another question
     * @return true when an answer to one is not an answer to the other
     */
    public static boolean contrast(String question, String other) {
        Named a = named(question);
        Named b = named(other);
        return differ(a.days(), b.days()) || differ(a.months(), b.months()) || differ(a.numbers(), b.numbers());
    }

    private static boolean differ(Set<?> a, Set<?> b) {
        return !a.isEmpty() && !b.isEmpty() && !a.equals(b);
    }

    private record Named(Set<Integer> days, Set<Integer> months, Set<String> numbers) {}

    private static Named named(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        Set<Integer> days = new HashSet<>();
        Set<Integer> months = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        Matcher m = WORD.matcher(plain);
        while (m.find()) {
            String w = m.group();
            if (Character.isDigit(w.charAt(0))) {
                String n = w.replaceFirst("^0+(?=\\d)", "");
                numbers.add(n);
                continue;
            }
            Integer at = CALENDAR.get(w);
            if (at == null && w.length() > 3 && w.endsWith("s")) {
                at = CALENDAR.get(w.substring(0, w.length() - 1)); // "Saturdays", "sábados"
            }
            if (at != null) {
                (at > 100 ? months : days).add(at);
            }
        }
        return new Named(days, months, numbers);
    }

    private static Map<String, Integer> calendar() {
        Map<String, Integer> names = new HashMap<>();
        List<List<String>> days = List.of(
                List.of("monday", "lunes", "lundi"),
                List.of("tuesday", "martes", "mardi"),
                List.of("wednesday", "miercoles", "mercredi"),
                List.of("thursday", "jueves", "jeudi"),
                List.of("friday", "viernes", "vendredi"),
                List.of("saturday", "sabado", "samedi"),
                List.of("sunday", "domingo", "dimanche"));
        for (int i = 0; i < days.size(); i++) {
            for (String name : days.get(i)) {
                names.put(name, i + 1);
            }
        }
        List<List<String>> months = List.of(
                List.of("january", "jan", "enero", "janvier"),
                List.of("february", "feb", "febrero", "fevrier"),
                List.of("march", "marzo", "mars"),
                List.of("april", "apr", "abril", "avril"),
                List.of("mayo", "mai"),
                List.of("june", "junio", "juin"),
                List.of("july", "julio", "juillet"),
                List.of("august", "aug", "agosto", "aout"),
                List.of("september", "sept", "sep", "septiembre", "setiembre", "septembre"),
                List.of("october", "oct", "octubre", "octobre"),
                List.of("november", "nov", "noviembre", "novembre"),
                List.of("december", "dec", "diciembre", "decembre"));
        for (int i = 0; i < months.size(); i++) {
            for (String name : months.get(i)) {
                names.put(name, 101 + i);
            }
        }
        return Map.copyOf(names);
    }
}

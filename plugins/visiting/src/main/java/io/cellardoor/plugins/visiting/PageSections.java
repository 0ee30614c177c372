package io.cellardoor.plugins.visiting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The leaf sections of a page (plain text, headings {@code #} kept): each heading below the page title with no deeper
 * heading under it, with the headings above it and its lines. Pages that list places ("### The Bellefield Inn",
 * "#### Ferncliff Forest") are read through these.
 */
final class PageSections {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+)$");
    private static final Pattern DISTANCE = Pattern.compile("(?i)^\\s*[-*]?\\s*distance[^:]*:\\s*(.+)$");
    private static final Pattern LINK_ONLY = Pattern.compile("(?i)^[\\w.-]+\\.(com|net|org)(/\\S*)?$");
    private static final Pattern CONTACT_LINE = Pattern.compile("(?i)^(address|phone|website|e-?mail)\\s*:.*");

    /**
     * A leaf section.
     *
     * @param heading its heading's text
     * @param above the headings above it, from the page's second level down ("Additional Options", "Rhinebeck Area")
     * @param lines its lines, stripped, blank ones left out
     */
    record Section(String heading, List<String> above, List<String> lines) {

        /**
         * Its first sentence that is no label, link or contact detail, and its distance when a line gives one:
         * "Charming historic inn (Approximately 25 minutes (15 miles))"; empty when it has neither.
         */
        String description() {
            String first = "";
            String distance = "";
            for (String line : lines) {
                Matcher d = DISTANCE.matcher(line);
                if (d.matches()) {
                    distance = distance.isEmpty() ? d.group(1).strip() : distance;
                    continue;
                }
                String body = line.replaceFirst("^[-*]\\s*", "").strip();
                if (first.isEmpty()
                        && !body.isEmpty()
                        && !body.endsWith(":")
                        && !LINK_ONLY.matcher(body).matches()
                        && !CONTACT_LINE.matcher(body).matches()) {
                    first = body.split("(?<=[.!?])\\s+(?=\\p{Lu})")[0];
                }
            }
            return distance.isEmpty() ? first : first.isEmpty() ? distance : first + " (" + distance + ")";
        }

        /** Whether it or a heading above it matches. */
        boolean under(Pattern pattern) {
            return pattern.matcher(heading).find()
                    || above.stream().anyMatch(h -> pattern.matcher(h).find());
        }
    }

    private PageSections() {}

    /**
     * The items once each by the place they name, in order, at most {@code max}: the same place on two pages ("The
     * Millbrook Inn (Millbrook)", "Millbrook Inn (Millbrook, NY)") is kept as the first names it.
     */
    static <T> List<T> onceEach(List<T> items, Function<T, String> name, int max) {
        Map<String, T> unique = new LinkedHashMap<>();
        items.forEach(item -> unique.putIfAbsent(key(name.apply(item)), item));
        return unique.values().stream().limit(max).toList();
    }

    /** "The Millbrook Inn (Millbrook)" -> "millbrook inn". */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT)
                .replaceAll("\\(.*?\\)", " ")
                .replaceAll("^\\s*the\\s+", "")
                .replaceAll("[^\\p{L}\\p{N}&]+", " ")
                .strip();
    }

    /** A place as an answer lists it: "- **Name**: what its page says first", the colon only with a description. */
    static String bullet(String name, String description) {
        return "- **" + name + "**" + (description.isEmpty() ? "" : ": " + description) + "\n";
    }

    /** The leaf sections of a page, in page order. */
    static List<Section> leaves(String text) {
        List<String> lines = text.lines().map(String::strip).toList();
        List<Section> sections = new ArrayList<>();
        String[] open = new String[7];
        int at = -1;
        for (int i = 0; i <= lines.size(); i++) {
            Matcher h = i < lines.size() ? HEADING.matcher(lines.get(i)) : null;
            boolean heading = h != null && h.matches();
            if (i == lines.size() || heading) {
                int level = heading ? h.group(1).length() : 0;
                if (at >= 0) {
                    int atLevel = HEADING.matcher(lines.get(at))
                            .results()
                            .findFirst()
                            .orElseThrow()
                            .group(1)
                            .length();
                    if (level <= atLevel) {
                        List<String> above = new ArrayList<>();
                        for (int l = 2; l < atLevel; l++) {
                            if (open[l] != null) {
                                above.add(open[l]);
                            }
                        }
                        List<String> body = lines.subList(at + 1, i).stream()
                                .filter(s -> !s.isEmpty())
                                .toList();
                        sections.add(new Section(open[atLevel], List.copyOf(above), body));
                    }
                }
                if (heading) {
                    open[level] = h.group(2).strip();
                    for (int l = level + 1; l < open.length; l++) {
                        open[l] = null;
                    }
                    at = level >= 2 ? i : -1;
                }
            }
        }
        return sections;
    }
}

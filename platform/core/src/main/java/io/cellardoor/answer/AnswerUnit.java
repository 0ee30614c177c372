package io.cellardoor.answer;

import io.cellardoor.knowledge.TextLines;
import io.cellardoor.retrieval.RetrievedChunk;
import io.cellardoor.text.Initials;
import io.cellardoor.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The smallest piece of a passage an extractive answer quotes: a bullet, a table row, a short line or a sentence of a
 * long line, with its document title and heading as context.
 *
 * @param passage the index of its passage in the request (0 = best)
 * @param path its document's path
 * @param title its document's title
 * @param heading the heading above it
 * @param text the unit as quoted (markdown emphasis removed)
 * @param terms its stemmed terms, and those of the label line right above it ("Tasting Notes") for the first unit
 *     after one
 * @param context the stemmed terms of its title and heading
 * @param cosine its passage's cosine similarity to the question
 * @param paragraph the index of the source line it comes from, counted over all passages: sentences of one paragraph share
 *     it
 */
record AnswerUnit(
        int passage,
        String path,
        String title,
        String heading,
        String text,
        Set<String> terms,
        Set<String> context,
        double cosine,
        int paragraph) {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"'(])");
    /** Lines that say nothing to a visitor: a page's bookkeeping, navigation, references and scraped scripts. */
    private static final Pattern NOISE =
            Pattern.compile("(?i)^(- )?(type|status|created|updated)\\s*:|no (additional )?"
                    + "(description|details) available|^scraped from|page not found|go to slide|^(read|learn) more$|"
                    + "^click here|^skip to|^shop now$|^add to cart$"
                    // A reference to another part of the page ("Follow directions as listed in the section above"):
                    // nothing to a visitor reading one line of it.
                    + "|\\b(as|see) (listed|described|shown|explained|noted)? ?(in [^.]{0,40})?(section )?(above|below)\\b"
                    // A script scraped with the page's text ("(function($){ $(window).on('load', ..."): code, not text.
                    + "|\\bfunction\\s*\\([^)]*\\)\\s*\\{|\\$\\((window|document|['\"#.])|console\\.log\\(|"
                    + "document\\.getElementById\\(");

    /**
     * A page's layout flattened into one line ("###**5 points**###**10 Points**###**400 points**..."): heading marks
     * inside a line make neither a heading nor a sentence.
     */
    private static final Pattern FLATTENED_LAYOUT = Pattern.compile("\\S\\s*#{3,}\\s*\\S");
    /** Headings that say nothing about their section; the one above them is shown instead. */
    private static final Set<String> GENERIC_HEADINGS = Set.of(
            "details",
            "description",
            "overview",
            "information",
            "product information",
            "notes",
            "summary",
            "quick overview",
            "source",
            "more information");

    /** Units are equal by passage, path, heading and text: a line repeated there is one unit wherever it stands. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AnswerUnit u
                && u.passage == passage
                && u.path.equals(path)
                && u.text.equals(text)
                && u.heading.equals(heading);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(passage, path, heading, text);
    }

    /** The units of the passages, in passage order. */
    static List<AnswerUnit> of(List<RetrievedChunk> passages, TermAnalyzer analyzer) {
        List<AnswerUnit> units = new ArrayList<>();
        int lines = 0;
        for (int i = 0; i < passages.size(); i++) {
            RetrievedChunk p = passages.get(i);
            String heading = p.headingPath();
            String label = "";
            String[] source = p.text().split("\n");
            List<String> header = List.of();
            for (int n = 0; n < source.length; n++) {
                String l = source[n].strip();
                List<String> cells = cells(l);
                if (cells.size() != header.size()) {
                    header = List.of();
                }
                if (FLATTENED_LAYOUT.matcher(l).find()) {
                    continue;
                }
                if (l.startsWith("#")) {
                    heading = l.replaceFirst("^#+\\s*", "");
                    label = "";
                    continue;
                }
                // A table's first row names its columns: not quoted, but said with each row after it.
                if (header.isEmpty()
                        && cells.size() >= 2
                        && n + 1 < source.length
                        && cells(source[n + 1].strip()).size() == cells.size()) {
                    header = cells;
                    continue;
                }
                if (!header.isEmpty()) {
                    l = row(header, cells);
                }
                // A label line ("Tasting Notes") is not quoted; its words are those of the first unit after it.
                if (TextLines.isCapitalisedLabel(l)) {
                    label = l.replace("**", "").strip().replaceFirst(":$", "");
                    continue;
                }
                if (l.isEmpty() || NOISE.matcher(l).find()) {
                    continue;
                }
                List<String> pieces = l.startsWith("- ") || l.contains(" | ") || l.length() < 220
                        ? List.of(l)
                        : List.of(SENTENCE_END.split(l));
                lines++;
                for (String piece : pieces) {
                    String clean =
                            piece.replace("**", "").replaceAll("^[-*•]\\s+", "").strip();
                    if (clean.length() > 2) {
                        units.add(new AnswerUnit(
                                i,
                                p.path(),
                                p.title(),
                                heading,
                                clean,
                                analyzer.terms(label.isEmpty() ? clean : label + " " + clean),
                                analyzer.terms(p.title() + " " + heading),
                                p.cosineSimilarity(),
                                lines));
                        label = "";
                    }
                }
            }
        }
        return units;
    }

    /**
     * The units with the terms of a measure added to those of each unit stating it as a number with its unit ("about 15
     * minutes away" states a distance, "our 102-acre property" a size): what answers "how far?" or "how big?" though
     * the line never names the measure.
     *
     * @param units units as {@link #of} makes them
     * @param stated each asked measure's terms (e.g. {@code {distanc}}) with the pattern of a number stating it
     * @return the same units, those stating a measure with its terms; the list itself when {@code stated} is empty
     */
    static List<AnswerUnit> withMeasures(
            List<AnswerUnit> units, java.util.Map<Set<String>, java.util.function.Predicate<String>> stated) {
        if (stated.isEmpty()) {
            return units;
        }
        List<AnswerUnit> out = new ArrayList<>(units.size());
        for (AnswerUnit u : units) {
            Set<String> more = new java.util.HashSet<>();
            stated.forEach((terms, states) -> {
                if (states.test(u.text())) {
                    more.addAll(terms);
                }
            });
            out.add(more.isEmpty() || u.terms().containsAll(more) ? u : u.withTerms(more));
        }
        return out;
    }

    /** This unit with more terms of its own. */
    AnswerUnit withTerms(Set<String> more) {
        Set<String> all = new java.util.HashSet<>(terms);
        all.addAll(more);
        return new AnswerUnit(passage, path, title, heading, text, all, context, cosine, paragraph);
    }

    /**
     * The units with the initials of the names they spell out added to their terms (to their context for a name in the
     * title or heading), for the words given: "nyc" for a line saying "2 hours north of New York City", "cia" for "The
     * Culinary Institute of America". Initials as {@link Initials} reads them.
     *
     * @param units units as {@link #of} makes them
     * @param words the question's words the knowledge never uses, as terms (lower case)
     * @return the same units, those spelling out one of the words with it among their terms; the list itself when
     *     {@code words} is empty
     */
    static List<AnswerUnit> withInitials(List<AnswerUnit> units, Set<String> words) {
        if (words.isEmpty()) {
            return units;
        }
        List<AnswerUnit> out = new ArrayList<>(units.size());
        // A passage's units share their title and heading: read each once.
        java.util.Map<String, Set<String>> contexts = new java.util.HashMap<>();
        for (AnswerUnit u : units) {
            Set<String> inText = initials(u.text(), words);
            Set<String> inContext = contexts.computeIfAbsent(u.title() + " | " + u.heading(), c -> initials(c, words));
            if (inText.isEmpty() && inContext.isEmpty()) {
                out.add(u);
                continue;
            }
            Set<String> terms = new java.util.HashSet<>(u.terms());
            terms.addAll(inText);
            Set<String> context = new java.util.HashSet<>(u.context());
            context.addAll(inContext);
            out.add(new AnswerUnit(
                    u.passage(),
                    u.path(),
                    u.title(),
                    u.heading(),
                    u.text(),
                    terms,
                    context,
                    u.cosine(),
                    u.paragraph()));
        }
        return out;
    }

    /** Which of the words are initials of a name in the text. */
    private static Set<String> initials(String text, Set<String> words) {
        Set<String> found = new java.util.HashSet<>(Initials.of(text));
        found.retainAll(words);
        return found;
    }

    /** The cells of a table row as the parser writes it ({@code "a | b | c"}); empty for any other line. */
    private static List<String> cells(String line) {
        return line.contains(" | ") ? List.of(line.split(" \\| ", -1)) : List.of();
    }

    /**
     * A table row said with the names of its columns: "Per Dollar Spent | Jumper Tier: 1 point | Grand Prix Tier: 3
     * points" under the header "Activity | Jumper Tier | Grand Prix Tier". The first cell names the row; a column whose
     * name is blank keeps its value alone.
     */
    static String row(List<String> header, List<String> cells) {
        StringBuilder sb = new StringBuilder(cells.getFirst().strip());
        for (int i = 1; i < cells.size(); i++) {
            String name = header.get(i).strip();
            sb.append(" | ")
                    .append(name.isEmpty() ? "" : name + ": ")
                    .append(cells.get(i).strip());
        }
        return sb.toString();
    }

    /** A column's name said before its value in a table row (see {@link #row}). */
    private static final Pattern COLUMN_NAME = Pattern.compile(" \\| [^|:]+: ");

    /**
     * The text whose meaning is compared with the question: a table row's cells without the names of their columns (a
     * question about one row names its label, not every column, and the names would outweigh it).
     */
    String meaningText() {
        return COLUMN_NAME.matcher(text).replaceAll(" | ");
    }

    /** The unit as an answer line: its informative heading first when the text does not say it already. */
    String line() {
        String h = informativeHeading(heading);
        boolean headingHelps = !h.isEmpty()
                && !h.equalsIgnoreCase(title)
                && !text.toLowerCase(Locale.ROOT).contains(h.toLowerCase(Locale.ROOT));
        return (headingHelps ? h + ": " : "") + text;
    }

    /** The last heading of a path that says something ("Private Tour & Tasting > Details:" -> "Private Tour & Tasting"). */
    static String informativeHeading(String headingPath) {
        String[] parts = headingPath.split(" > ");
        for (int i = parts.length - 1; i >= 0; i--) {
            String h = parts[i].strip().replaceAll("[:\\s]+$", "");
            if (!h.isEmpty() && !GENERIC_HEADINGS.contains(h.toLowerCase(Locale.ROOT))) {
                return h;
            }
        }
        return "";
    }
}

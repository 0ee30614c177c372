package io.cellardoor.knowledge;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A line-by-line comparison of two texts (java-diff-utils' Myers diff), e.g. a version of a document (old) against
 * the current document (new).
 *
 * @param lines every line of both texts in order: unchanged, removed (only in the old text), added (only in the new)
 */
public record DocumentDiff(List<Line> lines) {

    /** How a line differs. */
    public enum Change {
        SAME,
        REMOVED,
        ADDED
    }

    /**
     * One line.
     *
     * @param change how it differs
     * @param oldNumber its 1-based line number in the old text, null for an added line
     * @param newNumber its 1-based line number in the new text, null for a removed line
     * @param text the line without its line break
     */
    public record Line(
            Change change,
            @Nullable Integer oldNumber,
            @Nullable Integer newNumber,
            String text) {}

    /** Compares two texts line by line; {@code \r\n} counts as {@code \n}. */
    public static DocumentDiff between(String oldText, String newText) {
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            while (i < delta.getSource().getPosition()) {
                out.add(new Line(Change.SAME, i + 1, j + 1, a.get(i)));
                i++;
                j++;
            }
            for (String line : delta.getSource().getLines()) {
                out.add(new Line(Change.REMOVED, ++i, null, line));
            }
            for (String line : delta.getTarget().getLines()) {
                out.add(new Line(Change.ADDED, null, ++j, line));
            }
        }
        while (i < a.size()) {
            out.add(new Line(Change.SAME, i + 1, j + 1, a.get(i)));
            i++;
            j++;
        }
        return new DocumentDiff(List.copyOf(out));
    }

    /** Number of added and removed lines. */
    public int changedLines() {
        return (int) lines.stream().filter(l -> l.change() != Change.SAME).count();
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : text.replace("\r\n", "\n").lines().toList();
    }
}

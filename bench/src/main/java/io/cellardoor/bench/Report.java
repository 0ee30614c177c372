package io.cellardoor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One command's section of {@code docs/benchmarks.md}, between {@code <!-- bench:KEY -->} and
 * {@code <!-- /bench:KEY -->}. Writing replaces that section and keeps the rest of the file; a new section goes
 * before {@code <!-- bench:end -->} when the file has that marker, else at the end.
 */
final class Report {

    private final String key;
    private final StringBuilder body = new StringBuilder();

    Report(String key, String title, BenchRun run) {
        this.key = key;
        body.append("## ").append(title).append("\n\n");
        body.append("Command: `").append(run.invocation()).append("`  \n");
        body.append("Date: ")
                .append(run.started().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append("; took ")
                .append(run.elapsedText())
                .append("; load average at start ")
                .append(run.loadAtStart())
                .append(" (1, 5, 15 min)  \n");
        body.append("Machine: ").append(run.machine().line()).append("\n\n");
    }

    Report para(String text) {
        body.append(text).append("\n\n");
        return this;
    }

    Report table(List<String> header, List<List<String>> rows) {
        body.append("| ").append(String.join(" | ", header)).append(" |\n");
        body.append("|").append("---|".repeat(header.size())).append("\n");
        for (List<String> row : rows) {
            body.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        body.append('\n');
        return this;
    }

    Report image(Path plot, Path markdownFile, String alt) {
        Path rel = markdownFile.toAbsolutePath().getParent().relativize(plot.toAbsolutePath());
        body.append("![")
                .append(alt)
                .append("](")
                .append(rel.toString().replace('\\', '/'))
                .append(")\n\n");
        return this;
    }

    Report code(String text) {
        body.append("```\n").append(text.strip()).append("\n```\n\n");
        return this;
    }

    String markdown() {
        return "<!-- bench:" + key + " -->\n" + body.toString().strip() + "\n<!-- /bench:" + key + " -->";
    }

    /** Writes this section into the file, creating the file when missing. */
    void writeTo(Path file) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n<!-- bench:end -->\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, replaceSection(text, key, markdown()));
    }

    static String replaceSection(String text, String key, String section) {
        String open = "<!-- bench:" + key + " -->";
        String close = "<!-- /bench:" + key + " -->";
        int start = text.indexOf(open);
        int end = text.indexOf(close);
        if (start >= 0 && end > start) {
            return text.substring(0, start) + section + text.substring(end + close.length());
        }
        int marker = text.indexOf("<!-- bench:end -->");
        if (marker >= 0) {
            return text.substring(0, marker) + section + "\n\n" + text.substring(marker);
        }
        return text.stripTrailing() + "\n\n" + section + "\n";
    }

    /** Rows as lists of cells, built fluently. */
    static final class Rows {
        final List<List<String>> rows = new ArrayList<>();

        Rows add(Object... cells) {
            List<String> row = new ArrayList<>();
            for (Object c : cells) {
                row.add(c instanceof Double d ? Stats.fmt(d) : String.valueOf(c));
            }
            rows.add(row);
            return this;
        }
    }

    /** "met" / "missed" against a goal, for the goal tables. */
    static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    static String now() {
        return ZonedDateTime.now().toString();
    }
}

package io.cellardoor.admin.insights.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Locale;

/**
 * Small charts drawn on the server as SVG (no chart library, nothing fetched at run time). Each has a {@code title}
 * and {@code desc} for screen readers ({@code role="img"}, {@code aria-labelledby}) and a data table under a
 * "Data table" disclosure. Every text is XML-escaped.
 */
final class SvgCharts {

    /** One bar: its label, its value, and a part of it drawn darker (e.g. answered of asked); part &lt;= value. */
    record Bar(String label, double value, double part) {}

    private static final int WIDTH = 720;
    private static final int HEIGHT = 200;
    private static final int PAD = 28;
    private static final java.util.concurrent.atomic.AtomicInteger IDS =
            new java.util.concurrent.atomic.AtomicInteger();

    private SvgCharts() {}

    /** Vertical bars over time (e.g. questions per day, answered ones darker). */
    static Component columns(String title, String description, List<Bar> bars, String valueName, String partName) {
        String id = "cd-chart-" + IDS.incrementAndGet();
        double max = Math.max(1, bars.stream().mapToDouble(Bar::value).max().orElse(1));
        double slot = (WIDTH - 2.0 * PAD) / Math.max(1, bars.size());
        double plot = HEIGHT - 2.0 * PAD;
        StringBuilder svg = open(id, title, description, WIDTH, HEIGHT);
        svg.append(line(PAD, HEIGHT - PAD, WIDTH - PAD, HEIGHT - PAD));
        svg.append(text(4, PAD + 4, fmt(max), "start"));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double h = plot * b.value() / max;
            double hp = plot * b.part() / max;
            double x = PAD + i * slot + slot * 0.15;
            double w = slot * 0.7;
            svg.append(rect(
                    x,
                    HEIGHT - PAD - h,
                    w,
                    h,
                    "var(--lumo-primary-color-50pct)",
                    b.label() + ": " + fmt(b.value()) + " " + valueName));
            svg.append(rect(
                    x,
                    HEIGHT - PAD - hp,
                    w,
                    hp,
                    "var(--lumo-primary-color)",
                    b.label() + ": " + fmt(b.part()) + " " + partName));
            if (bars.size() <= 14 || i % Math.ceil(bars.size() / 10.0) == 0) {
                svg.append(text(x + w / 2, HEIGHT - 8, b.label(), "middle"));
            }
        }
        return chart(svg.append("</svg>").toString(), table(bars, "Day", valueName, partName));
    }

    /** Horizontal bars by category (e.g. questions per domain). */
    static Component rows(String title, String description, List<Bar> bars, String valueName) {
        String id = "cd-chart-" + IDS.incrementAndGet();
        int rowHeight = 26;
        int height = Math.max(1, bars.size()) * rowHeight + 8;
        double max = Math.max(1, bars.stream().mapToDouble(Bar::value).max().orElse(1));
        int labelWidth = 130;
        StringBuilder svg = open(id, title, description, WIDTH, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double w = (WIDTH - labelWidth - 60.0) * b.value() / max;
            int y = 4 + i * rowHeight;
            svg.append(text(labelWidth - 8, y + 17, b.label(), "end"));
            svg.append(rect(
                    labelWidth,
                    y + 3,
                    w,
                    rowHeight - 8,
                    "var(--lumo-primary-color)",
                    b.label() + ": " + fmt(b.value()) + " " + valueName));
            svg.append(text(labelWidth + w + 6, y + 17, fmt(b.value()), "start"));
        }
        return chart(svg.append("</svg>").toString(), table(bars, "Domain", valueName, null));
    }

    private static Component chart(String svg, String table) {
        Svg picture = new Svg(svg);
        picture.getStyle().set("width", "100%");
        Details data = new Details("Data table", new Html(table));
        VerticalLayout box = new VerticalLayout(picture, data);
        box.setPadding(false);
        box.setSpacing(false);
        return box;
    }

    private static StringBuilder open(String id, String title, String description, int width, int height) {
        return new StringBuilder(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\" "
                                .formatted(width, height)
                        + "style=\"max-width:" + width + "px\" aria-labelledby=\"" + id + "-t " + id + "-d\">"
                        + "<title id=\"" + id + "-t\">" + esc(title) + "</title><desc id=\"" + id + "-d\">"
                        + esc(description) + "</desc>");
    }

    private static String rect(double x, double y, double w, double h, String fill, String tooltip) {
        return "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>"
                .formatted(x, y, Math.max(0, w), Math.max(0, h), fill, esc(tooltip));
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"var(--lumo-contrast-30pct)\"/>"
                .formatted(x1, y1, x2, y2);
    }

    private static String text(double x, double y, String text, String anchor) {
        return "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"11\" fill=\"var(--lumo-secondary-text-color)\">%s</text>"
                .formatted(x, y, anchor, esc(text));
    }

    private static String table(
            List<Bar> bars, String labelName, String valueName, @org.jspecify.annotations.Nullable String partName) {
        StringBuilder t = new StringBuilder(
                "<table class=\"cd-data\"><thead><tr><th>" + esc(labelName) + "</th><th>" + esc(valueName) + "</th>"
                        + (partName == null ? "" : "<th>" + esc(partName) + "</th>") + "</tr></thead><tbody>");
        for (Bar b : bars) {
            t.append("<tr><td>")
                    .append(esc(b.label()))
                    .append("</td><td>")
                    .append(fmt(b.value()))
                    .append("</td>");
            if (partName != null) {
                t.append("<td>").append(fmt(b.part())).append("</td>");
            }
            t.append("</tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package io.cellardoor.admin.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A running total over a billing period drawn on the server as SVG: the total day by day (a line), the limit (a dashed
 * line) and, when given, the projection to the period's end (a dotted line), with {@code title}/{@code desc} for screen
 * readers and the data as a table under a "Data table" disclosure. Used by the Billing (messages against the quota)
 * and Budgets (LLM spend against the budget) views.
 */
public final class PeriodChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 220;
    private static final int PAD = 36;
    private static final AtomicInteger IDS = new AtomicInteger();

    private PeriodChart() {}

    /**
     * @param perDay the amount of each day (days without any left out)
     * @param start the period's first day
     * @param end the first day after the period
     * @param today the last day drawn
     * @param limit the limit line, or null for none
     * @param projection the projected total at the period's end, or null
     * @param unit how amounts are written: {@code messages} or {@code USD}
     */
    public static Component of(
            String title,
            String description,
            Map<LocalDate, Double> perDay,
            LocalDate start,
            LocalDate end,
            LocalDate today,
            @Nullable Double limit,
            @Nullable Double projection,
            String unit) {
        String id = "cd-period-" + IDS.incrementAndGet();
        int days = (int) (end.toEpochDay() - start.toEpochDay());
        TreeMap<LocalDate, Double> running = new TreeMap<>();
        double total = 0;
        LocalDate last = today.isBefore(end) ? today : end.minusDays(1);
        for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(1)) {
            total += perDay.getOrDefault(d, 0.0);
            running.put(d, total);
        }
        double max = Math.max(
                1e-9, Math.max(total, Math.max(limit == null ? 0 : limit, projection == null ? 0 : projection)));
        double plotW = WIDTH - 2.0 * PAD;
        double plotH = HEIGHT - 2.0 * PAD;
        StringBuilder svg = new StringBuilder(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\" "
                                .formatted(WIDTH, HEIGHT)
                        + "style=\"max-width:" + WIDTH + "px\" aria-labelledby=\"" + id + "-t " + id + "-d\">"
                        + "<title id=\"" + id + "-t\">" + esc(title) + "</title><desc id=\"" + id + "-d\">"
                        + esc(description) + "</desc>");
        svg.append(line(PAD, HEIGHT - PAD, WIDTH - PAD, HEIGHT - PAD, "var(--lumo-contrast-30pct)", ""));
        svg.append(text(4, PAD - 4, fmt(max, unit), "start"));
        svg.append(text(PAD, HEIGHT - 10, start.toString(), "start"));
        svg.append(text(WIDTH - PAD, HEIGHT - 10, end.minusDays(1).toString(), "end"));
        if (limit != null) {
            double y = HEIGHT - PAD - plotH * limit / max;
            svg.append(line(PAD, y, WIDTH - PAD, y, "var(--lumo-error-color)", "6 4"));
            svg.append(text(WIDTH - PAD, y - 4, "limit " + fmt(limit, unit), "end"));
        }
        StringBuilder points = new StringBuilder();
        double lastX = PAD;
        double lastY = HEIGHT - PAD;
        for (var e : running.entrySet()) {
            double x = PAD + plotW * (e.getKey().toEpochDay() - start.toEpochDay() + 1) / days;
            double y = HEIGHT - PAD - plotH * e.getValue() / max;
            points.append(points.isEmpty() ? "" : " ").append("%.1f,%.1f".formatted(x, y));
            lastX = x;
            lastY = y;
        }
        if (!points.isEmpty()) {
            svg.append("<polyline fill=\"none\" stroke=\"var(--lumo-primary-color)\" stroke-width=\"2.5\" points=\"")
                    .append(points)
                    .append("\"/>");
        }
        if (projection != null) {
            double y = HEIGHT - PAD - plotH * projection / max;
            svg.append(line(lastX, lastY, WIDTH - PAD, y, "var(--lumo-primary-color-50pct)", "2 4"));
            svg.append(text(WIDTH - PAD, y + 14, "projected " + fmt(projection, unit), "end"));
        }
        svg.append("</svg>");
        StringBuilder table = new StringBuilder(
                "<table class=\"cd-data\"><thead><tr><th>Day</th><th>That day</th><th>Total</th></tr></thead><tbody>");
        running.forEach((d, t) -> table.append("<tr><td>")
                .append(d)
                .append("</td><td>")
                .append(fmt(perDay.getOrDefault(d, 0.0), unit))
                .append("</td><td>")
                .append(fmt(t, unit))
                .append("</td></tr>"));
        table.append("</tbody></table>");
        Svg picture = new Svg(svg.toString());
        picture.getStyle().set("width", "100%");
        VerticalLayout box = new VerticalLayout(picture, new Details("Data table", new Html(table.toString())));
        box.setPadding(false);
        box.setSpacing(false);
        return box;
    }

    /** Points of a list of (day, amount) pairs. */
    public static Map<LocalDate, Double> days(List<Map.Entry<LocalDate, Double>> entries) {
        Map<LocalDate, Double> map = new TreeMap<>();
        entries.forEach(e -> map.merge(e.getKey(), e.getValue(), Double::sum));
        return map;
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke, String dash) {
        return "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>"
                .formatted(x1, y1, x2, y2, stroke, dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"");
    }

    private static String text(double x, double y, String text, String anchor) {
        return ("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"11\" "
                        + "fill=\"var(--lumo-secondary-text-color)\">%s</text>")
                .formatted(x, y, anchor, esc(text));
    }

    static String fmt(double v, String unit) {
        return unit.equals("USD")
                ? String.format(Locale.ROOT, "%.2f USD", v)
                : (v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v)) + " " + unit;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

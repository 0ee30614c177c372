package io.cellardoor.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** PNG charts (XChart), written headless. */
final class Plots {

    /** One line of an XY chart. */
    record Line(List<? extends Number> x, List<? extends Number> y) {}

    private Plots() {}

    static void bars(Path file, String title, String yTitle, List<String> categories, Map<String, List<Double>> series)
            throws Exception {
        CategoryChart chart = new CategoryChartBuilder()
                .width(900)
                .height(480)
                .title(title)
                .yAxisTitle(yTitle)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setXAxisLabelRotation(0);
        chart.getStyler().setLabelsVisible(false);
        series.forEach((name, values) -> chart.addSeries(name, categories, values));
        save(chart, file);
    }

    static void lines(
            Path file, String title, String xTitle, String yTitle, boolean logX, boolean logY, Map<String, Line> series)
            throws Exception {
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(480)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        int[] added = {0};
        series.forEach((name, line) -> {
            List<Number> x = new java.util.ArrayList<>();
            List<Number> y = new java.util.ArrayList<>();
            for (int i = 0; i < line.x().size(); i++) {
                boolean drop = (logX && line.x().get(i).doubleValue() <= 0)
                        || (logY && line.y().get(i).doubleValue() <= 0)
                        || Double.isNaN(line.y().get(i).doubleValue());
                if (!drop) {
                    x.add(line.x().get(i));
                    y.add(line.y().get(i));
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(name, x, y);
                added[0]++;
            }
        });
        if (added[0] == 0) {
            chart.getStyler().setXAxisLogarithmic(false);
            chart.getStyler().setYAxisLogarithmic(false);
            chart.addSeries("no data", List.of(0), List.of(0));
        }
        save(chart, file);
    }

    private static void save(Chart<?, ?> chart, Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}

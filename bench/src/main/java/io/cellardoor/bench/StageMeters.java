package io.cellardoor.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's chat stage timers ({@code cellardoor_chat_stage_seconds} on {@code /actuator/prometheus}): count and total
 * seconds per stage, so the difference of two scrapes gives each stage's mean over the requests in between.
 */
final class StageMeters {

    private static final Pattern LINE = Pattern.compile(
            "^cellardoor_chat_stage_seconds_(count|sum)\\{[^}]*stage=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$");

    /** Per stage: [count, seconds]. */
    static Map<String, double[]> scrape(URI base) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String line : r.body().split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                out.computeIfAbsent(m.group(2), s -> new double[2])[m.group(1).equals("count") ? 0 : 1] =
                        Double.parseDouble(m.group(3));
            }
        }
        return out;
    }

    /** The chat service's stages in the order a turn runs them (io.cellardoor.chat.internal.Stages). */
    private static final List<String> ORDER = List.of(
            "flags",
            "quota",
            "budget",
            "conversation",
            "guard",
            "language",
            "rewrite",
            "embed",
            "curated",
            "cache",
            "classify",
            "split",
            "retrieve",
            "handle",
            "parts",
            "rank",
            "generate",
            "cite",
            "persist",
            "usage");

    /**
     * Mean milliseconds per stage between two scrapes, in the pipeline's order (stages this list does not know come
     * last); stages without calls are left out.
     */
    static Map<String, Double> meanMs(Map<String, double[]> before, Map<String, double[]> after) {
        Map<String, Double> out = new LinkedHashMap<>();
        List<String> stages = new ArrayList<>(ORDER);
        after.keySet().stream().filter(s -> !ORDER.contains(s)).forEach(stages::add);
        for (String stage : stages) {
            double[] a = after.get(stage);
            double[] b = before.getOrDefault(stage, new double[2]);
            if (a != null && a[0] > b[0]) {
                out.put(stage, (a[1] - b[1]) * 1000 / (a[0] - b[0]));
            }
        }
        return out;
    }

    private StageMeters() {}
}

package io.cellardoor.plugin.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a plugin's {@link DomainPlugin#synonyms()} from text: one entry a line, {@code words=page words}, where the
 * left side is one or more visitor words separated by commas and the right side the page words they stand for,
 * separated by spaces, e.g. {@code cab,cabs=cabernet}. Blank lines and lines starting with {@code #} are skipped.
 *
 * @since 1.2.0
 */
public final class Synonyms {

    private Synonyms() {}

    /**
     * @throws IllegalArgumentException for a line without {@code =} or with an empty side
     */
    public static Map<String, List<String>> parse(String lines) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String raw : lines.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String targets = eq < 0 ? "" : line.substring(eq + 1).strip();
            if (eq <= 0 || targets.isEmpty()) {
                throw new IllegalArgumentException("synonym line must be 'words=page words': '" + line + "'");
            }
            List<String> pageWords = List.of(targets.split("\\s+"));
            for (String word : line.substring(0, eq).split(",")) {
                if (!word.isBlank()) {
                    map.put(word.strip(), pageWords);
                }
            }
        }
        return Map.copyOf(map);
    }
}

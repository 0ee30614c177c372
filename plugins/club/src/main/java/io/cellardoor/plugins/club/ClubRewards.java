package io.cellardoor.plugins.club;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.PluginContext;
import io.cellardoor.plugin.api.UserQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What loyalty points can be redeemed for, read from a loyalty page's tables: a question asking what the rewards are
 * ("what can I redeem my miles for?", "what rewards are there?", "¿qué puedo canjear con mis puntos?") gets each
 * reward with the points it takes, grouped by the section listing it ("Wine Rewards: 50% Off a Case of Wine (5,000
 * points); ..."). A reward table is a table under a heading saying redemption or rewards, its first column the reward
 * and its second the points; the page's title (its level-one heading) is no such heading.
 */
final class ClubRewards {

    private static final int MAX_READS = 10;
    private static final int MAX_ROWS = 20;

    /** Asks what can be had for points as a whole, not what one reward takes ("how many points for a tasting?"). */
    private static final Pattern ASKED = Pattern.compile("\\b(what|which|list|options|anything|que|quoi|quelles?)\\b.*"
            + "\\b(redeem\\w*|redemption|rewards?|use (my |our )?(points|miles)|spend (my |our )?(points|miles)"
            + "|canje\\w*|recompensas?|echanger|recompenses?|utiliser (mes |nos )?(points|miles)"
            + "|(get|buy) with (my |our )?(points|miles)|obtenir avec (mes |nos )?(points|miles)"
            + "|conseguir con (mis )?puntos)\\b"
            + "|\\b(rewards?|recompensas|recompenses) (are there|available|do you (have|offer)|disponibles)\\b");
    /** A number in the question: it asks about one reward's points, not the list. */
    private static final Pattern NUMBER = Pattern.compile("\\d");

    private static final Pattern REWARD_HEADING = Pattern.compile("(?i)\\b(redemption|redeem\\w*|rewards?)\\b");
    /**
     * A table row, with or without its outer bars ("| Wine Key | 1,000 points |", or "Wine Key | 1,000 points" as a
     * document's plain text keeps it): its cells between them.
     */
    private static final Pattern ROW = Pattern.compile("^\\|?\\s*(.+?\\|.+?)\\s*\\|?\\s*$");

    private static final Pattern POINTS = Pattern.compile("(?i)\\d[\\d,]*\\s*(points?|pts|miles)");

    private ClubRewards() {}

    /**
     * The rewards answer, or empty when the question does not ask what points buy as a whole, or no loyalty page of
     * the club (of the first {@value #MAX_READS}) has a reward table.
     */
    static Optional<DirectAnswer> answer(UserQuery query, PluginContext context) {
        String focus = query.normalizedFocus();
        if (!ASKED.matcher(focus).find() || NUMBER.matcher(focus).find()) {
            return Optional.empty();
        }
        for (DocumentSummary page : context.listDocuments(ClubHandler.DOMAIN).stream()
                .limit(MAX_READS)
                .toList()) {
            if (!ClubHandler.LOYALTY_TITLE
                    .matcher(page.title().toLowerCase(Locale.ROOT))
                    .find()) {
                continue;
            }
            Map<String, List<String>> rewards = context.readDocument(page.path())
                    .map(d -> rewards(d.text()))
                    .orElse(Map.of());
            if (!rewards.isEmpty()) {
                StringBuilder text = new StringBuilder("What points can be redeemed for (")
                        .append(page.title())
                        .append("):");
                rewards.forEach((section, rows) ->
                        text.append("\n- ").append(section).append(": ").append(String.join("; ", rows)));
                return Optional.of(new DirectAnswer(text.toString(), List.of(page.path()), 0.85));
            }
        }
        return Optional.empty();
    }

    /**
     * A page's reward tables by the heading right above each ("Wine Rewards" -> "50% Off a Case of Wine (5,000
     * points)"), in page order, for tables under a heading saying redemption or rewards whose rows state points.
     */
    static Map<String, List<String>> rewards(String markdown) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<Integer, String> open = new LinkedHashMap<>();
        String section = "";
        int rows = 0;
        for (String line : markdown.split("\\R")) {
            String stripped = line.strip();
            Matcher h = ClubTiers.HEADING.matcher(stripped);
            if (h.matches()) {
                int level = h.group(1).length();
                open.keySet().removeIf(l -> l >= level);
                open.put(level, h.group(2).replaceAll("[*_`]", "").strip());
                section = open.get(level);
                continue;
            }
            Matcher row = ROW.matcher(stripped);
            // under a section saying so, not only a page titled so ("Vine Stars Rewards" earns points too)
            boolean underRewards = open.entrySet().stream()
                    .anyMatch(e -> e.getKey() > 1
                            && REWARD_HEADING.matcher(e.getValue()).find());
            if (!row.matches() || !underRewards || rows >= MAX_ROWS) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : row.group(1).split("\\|")) {
                cells.add(cell.replaceAll("[*_`]", "").strip());
            }
            if (cells.size() >= 2
                    && POINTS.matcher(cells.get(1)).find()
                    && !cells.getFirst().isEmpty()) {
                out.computeIfAbsent(section, k -> new ArrayList<>()).add(cells.getFirst() + " (" + cells.get(1) + ")");
                rows++;
            }
        }
        return out;
    }
}

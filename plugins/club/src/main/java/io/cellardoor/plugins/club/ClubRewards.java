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
 * What loyalty points buy and how they are earned, read from a loyalty page's tables. A question asking what the
 * rewards are ("what can I redeem my miles for?", "what rewards are there?", "¿qué puedo canjear con mis puntos?") gets
 * each reward with the points it takes, grouped by the section listing it ("Wine Rewards: 50% Off a Case of Wine
 * (5,000 points); ..."); one asking how points are earned ("how do I earn points?", "ways to earn miles?", "¿cómo gano
 * puntos?", "comment gagner des points ?") gets each way with the points it gives, per column where the table has one
 * per tier ("Per Dollar Spent: 1 point (Jumper), 3 points (Grand Prix)"). A table counts under a heading saying so
 * (redemption or rewards; earning), its first column the reward or activity and the others points; the page's title
 * (its level-one heading) is no such heading.
 */
final class ClubRewards {

    private static final int MAX_READS = 10;
    private static final int MAX_ROWS = 20;

    /** What a question asks of the points program, and where a loyalty page says it. */
    enum Asked {
        /** What can be had for points as a whole, not what one reward takes ("how many points for a tasting?"). */
        REDEEMED(
                Pattern.compile(
                        "\\b(what|which|list|options|anything|que|quoi|quelles?)\\b.*"
                                + "\\b(redeem\\w*|redemption|rewards?|use (my |our )?(points|miles)|spend (my |our )?(points|miles)"
                                + "|canje\\w*|recompensas?|echanger|recompenses?|utiliser (mes |nos )?(points|miles)"
                                + "|(get|buy) with (my |our )?(points|miles)|obtenir avec (mes |nos )?(points|miles)"
                                + "|conseguir con (mis )?puntos)\\b"
                                + "|\\b(rewards?|recompensas|recompenses) (are there|available|do you (have|offer)|disponibles)\\b"),
                Pattern.compile("(?i)\\b(redemption|redeem\\w*|rewards?)\\b"),
                "What points can be redeemed for"),
        /**
         * How points are earned as a whole ("how do I earn points?"), not one activity's points ("how many points do I
         * earn per dollar?").
         */
        EARNED(
                Pattern.compile("\\b(how|ways?|what)\\b.*\\b(earn\\w*|collect|accumulate|rack up)\\b"
                        + "|\\bc[oó]mo (gano|ganar|se ganan|consigo|conseguir|acumulo|acumular)\\b"
                        + "|\\bcomment (gagner|obtenir|cumuler|accumuler)\\b"),
                Pattern.compile("(?i)\\b(earn\\w*|gagner|ganar)\\b"),
                "How points are earned");

        private final Pattern question;
        private final Pattern heading;
        private final String intro;

        Asked(Pattern question, Pattern heading, String intro) {
            this.question = question;
            this.heading = heading;
            this.intro = intro;
        }

        /** What the question asks of the points program, if it asks what they buy or how they are earned. */
        static Optional<Asked> of(String focus) {
            if (NUMBER.matcher(focus).find()) {
                return Optional.empty();
            }
            if (REDEEMED.question.matcher(focus).find()) {
                return Optional.of(REDEEMED);
            }
            return POINTS_WORD.matcher(focus).find()
                            && EARNED.question.matcher(focus).find()
                            && !HOW_MANY.matcher(focus).find()
                    ? Optional.of(EARNED)
                    : Optional.empty();
        }
    }

    /** A number in the question: it asks about one reward's points, not the list. */
    private static final Pattern NUMBER = Pattern.compile("\\d");
    /** "How many points do I earn per dollar?" asks one activity's points: the page's line answers. */
    private static final Pattern HOW_MANY = Pattern.compile("\\bhow (many|much)\\b|\\bcu[aá]nt[oa]s\\b|\\bcombien\\b");

    /** The program's unit: how points are earned is asked of points, not of a membership or a reward. */
    private static final Pattern POINTS_WORD = Pattern.compile("\\b(points?|miles|puntos|millas)\\b");

    /**
     * A table row, with or without its outer bars ("| Wine Key | 1,000 points |", or "Wine Key | 1,000 points" as a
     * document's plain text keeps it): its cells between them.
     */
    private static final Pattern ROW = Pattern.compile("^\\|?\\s*(.+?\\|.+?)\\s*\\|?\\s*$");
    /** A table's line between its header and its rows ("|---|:---:|"). */
    private static final Pattern RULE = Pattern.compile("^[|:\\-\\s]+$");

    private static final Pattern POINTS = Pattern.compile("(?i)\\d[\\d,]*\\s*(points?|pts|miles)");

    private ClubRewards() {}

    /**
     * The answer to what points buy or how they are earned, or empty when the question asks neither as a whole, or no
     * loyalty page of the club (of the first {@value #MAX_READS}) has such a table.
     */
    static Optional<DirectAnswer> answer(UserQuery query, PluginContext context) {
        Optional<Asked> asked = Asked.of(query.normalizedFocus());
        if (asked.isEmpty()) {
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
            Map<String, List<String>> rows = context.readDocument(page.path())
                    .map(d -> rows(d.text(), asked.get().heading))
                    .orElse(Map.of());
            if (!rows.isEmpty()) {
                StringBuilder text = new StringBuilder(asked.get().intro)
                        .append(" (")
                        .append(page.title())
                        .append("):");
                rows.forEach((section, lines) ->
                        text.append("\n- ").append(section).append(": ").append(String.join("; ", lines)));
                return Optional.of(new DirectAnswer(text.toString(), List.of(page.path()), 0.85));
            }
        }
        return Optional.empty();
    }

    /**
     * A page's tables under a heading matching {@code heading} (below the title) whose rows state points, by the
     * heading right above each, in page order: a row of two cells as "Tote Bag (500 points)", a row of more as "Per
     * Dollar Spent: 1 point (Jumper Tier), 3 points (Grand Prix Tier)" after the table's header.
     */
    static Map<String, List<String>> rows(String markdown, Pattern heading) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<Integer, String> open = new LinkedHashMap<>();
        String section = "";
        List<String> header = List.of();
        int rows = 0;
        for (String line : markdown.split("\\R")) {
            String stripped = line.strip();
            Matcher h = ClubTiers.HEADING.matcher(stripped);
            if (h.matches()) {
                int level = h.group(1).length();
                open.keySet().removeIf(l -> l >= level);
                open.put(level, unmarked(h.group(2)));
                section = open.get(level);
                header = List.of();
                continue;
            }
            if (RULE.matcher(stripped).matches()) {
                continue;
            }
            Matcher row = ROW.matcher(stripped);
            if (!row.matches()) {
                header = List.of(); // the table ended
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : row.group(1).split("\\|")) {
                cells.add(unmarked(cell));
            }
            boolean states = cells.size() >= 2
                    && cells.stream().skip(1).anyMatch(c -> POINTS.matcher(c).find());
            if (!states) {
                header = cells; // a table's first row names its columns
                continue;
            }
            // under a section saying so, not only a page titled so ("Vine Stars Rewards" earns points too)
            boolean under = open.entrySet().stream()
                    .anyMatch(
                            e -> e.getKey() > 1 && heading.matcher(e.getValue()).find());
            if (!under || rows >= MAX_ROWS || cells.getFirst().isEmpty()) {
                continue;
            }
            out.computeIfAbsent(section, k -> new ArrayList<>()).add(row(cells, header));
            rows++;
        }
        return out;
    }

    /** A heading or cell without its markdown emphasis ("**Cellar Tour**" -> "Cellar Tour"). */
    private static String unmarked(String text) {
        return text.replaceAll("[*_`]", "").strip();
    }

    /**
     * A row of points: "Tote Bag (500 points)", or per column named by the header ("Per Dollar: 1 point (Jumper), 3
     * points (Summit)"), or once when every column has the same ("Referral: 5,000 points").
     */
    private static String row(List<String> cells, List<String> header) {
        if (cells.size() == 2) {
            return cells.getFirst() + " (" + cells.get(1) + ")";
        }
        if (cells.stream().skip(1).distinct().count() == 1) {
            return cells.getFirst() + ": " + cells.get(1); // the same in every column
        }
        List<String> values = new ArrayList<>();
        for (int i = 1; i < cells.size(); i++) {
            String column = i < header.size() ? header.get(i) : "";
            values.add(column.isEmpty() ? cells.get(i) : cells.get(i) + " (" + column + ")");
        }
        return cells.getFirst() + ": " + String.join(", ", values);
    }
}

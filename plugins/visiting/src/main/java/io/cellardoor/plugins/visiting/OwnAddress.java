package io.cellardoor.plugins.visiting;

import io.cellardoor.plugin.api.UserQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers where the org itself is ("where is the winery?", "what town are you in?", "¿dónde están?") from the section
 * of its pages that gives its postal address ("## Official Address", "## Location": lines down to "Town, ST 12345"),
 * rather than from whatever line shares the question's words.
 */
final class OwnAddress {

    /** A question about where the org is (normalized text); also what the classifier routes here. */
    static final Pattern WHERE = Pattern.compile("\\b(where( exactly)? (are|r) (you|u|y all|yall|you guys)"
            + "|(where( exactly)? (is|s)|wheres) (the |your |ur )?(winery|vineyard|estate|tasting room|tasting barn)"
            + "|whereabouts"
            + "|(what|which) (town|city|county)|donde (estan|quedan?)|donde (esta|queda) (el |la )?(vinedo|bodega|finca)"
            + "|ou etes vous|ou vous trouvez|ou (se trouve|est) (le |la |l )?(vignoble|domaine|cave))\\b");

    /**
     * Words the generic path already answers well from the directions page's own lines ("where are you located?": the
     * location, the address with its navigation warning), another place whose address a question may ask for, or an
     * origin ("where is the vineyard's wine grown?").
     */
    private static final Pattern ELSEWHERE = Pattern.compile("\\b(located|location|address|ubicad[oa]s?|ubicacion"
            + "|direccion|situes?|adresse|hotels?|inns?|lodging|airbnb|bnb|attractions?|museums?|parks?|mansions?"
            + "|restaurants?|stations?|airports?|entrance|uber|lyft|gps"
            // where its wine or grapes come from is an origin, no address
            + "|grown|grows?|grapes?|comes? from|made|produced|sourced)\\b");

    /** A section heading that announces the org's address. */
    private static final Pattern HEADING = Pattern.compile("(?i)\\b(address|location|find us)\\b");

    /** The last line of a US postal address: "Staatsburg, NY 12580". */
    private static final Pattern TOWN_LINE = Pattern.compile("\\b[A-Z]{2}\\s+\\d{5}(-\\d{4})?\\b");

    private OwnAddress() {}

    /** Whether a question asks where the org is, not where another place is. */
    static boolean asked(UserQuery query) {
        String text = query.normalizedFocus();
        return WHERE.matcher(text).find() && !ELSEWHERE.matcher(text).find();
    }

    /**
     * The first section of a page whose heading announces an address and whose lines end in a town line.
     *
     * @return "heading: line, line, town line" (markdown emphasis removed); empty when the page has none
     */
    static Optional<String> read(String markdown) {
        for (String section : markdown.split("(?m)^#{2,3} ")) {
            int end = section.indexOf('\n');
            if (end < 0
                    || section.startsWith("#")
                    || !HEADING.matcher(section.substring(0, end)).find()) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            for (String line : section.substring(end + 1).split("\n")) {
                String plain = line.replaceAll("[*_]", "")
                        .replaceFirst("^\\s*[-•]\\s*", "")
                        .strip();
                if (plain.isEmpty()) {
                    continue;
                }
                lines.add(plain);
                if (TOWN_LINE.matcher(plain).find()) {
                    return Optional.of(section.substring(0, end).strip() + ": " + String.join(", ", lines));
                }
                if (lines.size() == 4) {
                    break;
                }
            }
        }
        return Optional.empty();
    }
}

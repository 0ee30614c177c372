package io.cellardoor.plugins.visiting;

import io.cellardoor.plugin.api.UserQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a visitor can stay the night, read from the org's lodging pages: every place a page names (a section headed
 * with a lodging word, "The Bellefield Inn (Hyde Park)", "#### Roosevelt Inn", or a short bullet naming one under a
 * lodging heading, "- Primrose Hill B&B") with its first line of description and its distance when the page gives one.
 * Places on a page about the org's own lodging, outside its sections about other or local options, are "on the estate";
 * the rest are nearby. Advice sections ("Best Times to Visit") name no lodging and are left out.
 */
final class Lodging {

    /** The most places one answer lists. */
    static final int MAX_PLACES = 10;

    /** Asking where to stay, whatever else it says ("where can we stay?", "somewhere to spend the night"). */
    private static final String STAY = "(where|place\\w* to|somewhere to|best place to) (\\w+ ){0,3}stay"
            + "|stay (\\w+ )?(overnight|the night|nearby|near|close|in the area|around)|overnight (stay|accommodations?"
            + "|lodging)|spend the night|place to sleep|where (\\w+ ){0,3}sleep|hospedarnos|alojarnos|donde dormir"
            + "|ou dormir|loger";

    /** A kind of lodging ("hotel", "B&B"): asks where to stay only with {@link #LOCATOR}. */
    private static final String NOUN = "hotels?|motels?|inns?|b ?& ?bs?|b and b|bnb|bed (and|&) breakfasts?|lodging"
            + "|accommodations?|airbnbs?|vacation rentals?|rooms? (on site|to rent|for the night)|hospedaje|alojamiento"
            + "|hoteles|hebergements?|gites?|chambres? d'hotes?";

    /** Words looking for a place ("any hotels?", "a B&B near you", "is there lodging on the property?"). */
    private static final String LOCATOR = "any|where|recommend\\w*|suggest\\w*|near\\w*|close|around|area|is there"
            + "|are there|do you (have|offer)|on (site|the property|property|the estate)|options?|places?|list|best|good"
            + "|hay|cerca|donde|pres|proche|y a t il|ou";

    /** What makes a question about lodging ask something else ("a shuttle from the hotels?", "ship overnight?"). */
    private static final String OTHER =
            "shuttles?|taxis?|uber|lyft|rides?|transport\\w*|discounts?|ship\\w*" + "|deliver\\w*";

    /**
     * A question asking where to stay the night, on the folded text (accents removed): {@link #STAY}, or a kind of
     * lodging with a word looking for one, unless it asks about transport, discounts or shipping.
     */
    static final Pattern ASKED = Pattern.compile("^(?!.*\\b(" + OTHER + ")\\b)(?:.*\\b(" + STAY + ")\\b|(?=.*\\b("
            + NOUN + ")\\b)(?=.*\\b(" + LOCATOR + ")\\b))");

    /** Words naming a place to stay in a heading or a bullet. */
    private static final Pattern PLACE = Pattern.compile("(?i)\\b(inns?|hotels?|motels?|b ?& ?b|bed (and|&) breakfast"
            + "|lodge|resort|suites?|guest ?house|house|cottages?|cabins?|farmhouse|spa|hostel|chateau)\\b");

    /** A section about lodging that is not the org's own ("Other Local Lodging Options"). */
    private static final Pattern ELSEWHERE = Pattern.compile("(?i)\\b(other|local|nearby|near|area|additional)\\b");

    /** A page title about somewhere else's lodging ("Accommodations Near ..."). */
    private static final Pattern NEAR_TITLE = Pattern.compile("(?i)\\b(near|nearby|local|area|around)\\b");

    /** A page title about lodging. */
    static final Pattern TITLE =
            Pattern.compile("(?i)\\b(accommodations?|lodging|hotels?|where to stay|stay|inns?)\\b");

    /** Words a name leaves in lower case ("Inn at the Falls", "Maison de la Côte"). */
    private static final Set<String> SMALL_WORDS =
            Set.of("a", "an", "the", "at", "on", "by", "of", "and", "in", "de", "la", "le", "du", "des", "y");

    private static final Pattern BULLET = Pattern.compile("^\\s*[-*]\\s*(.+)$");

    /** A place to stay: its name, what the page says of it first, and whether it is on the org's own estate. */
    record Place(String name, String description, boolean onEstate) {}

    private Lodging() {}

    /** Whether the visitor's words of this turn ask where to stay the night. */
    static boolean asked(UserQuery query) {
        return ASKED.matcher(query.normalizedFocus()).find();
    }

    /**
     * The places a page names, in page order: each leaf section headed with a lodging word, or the short title-case
     * bullets of such a section when it lists places in them.
     *
     * @param title the page's title
     * @param text its plain text, headings ({@code #}) and bullets ({@code -}) kept
     */
    static List<Place> read(String title, String text) {
        boolean nearPage = NEAR_TITLE.matcher(title).find();
        List<Place> places = new ArrayList<>();
        for (PageSections.Section section : PageSections.leaves(text)) {
            if (!PLACE.matcher(section.heading()).find()) {
                continue;
            }
            boolean onEstate = !nearPage && !section.under(ELSEWHERE);
            List<String> named = section.lines().stream()
                    .map(BULLET::matcher)
                    .filter(Matcher::matches)
                    .map(m -> m.group(1).strip())
                    .filter(Lodging::isPlaceName)
                    .toList();
            if (named.isEmpty()) {
                places.add(new Place(section.heading(), section.description(), onEstate));
            }
            named.forEach(name -> places.add(new Place(name, "", onEstate)));
        }
        return places;
    }

    /**
     * The answer listing the places, those on the estate first, each once ({@link PageSections#onceEach}).
     *
     * @return empty when no page names a place
     */
    static Optional<String> answer(List<Place> places) {
        List<Place> all = PageSections.onceEach(places, Place::name, MAX_PLACES);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        List<Place> estate = all.stream().filter(Place::onEstate).toList();
        List<Place> near = all.stream().filter(p -> !p.onEstate()).toList();
        StringBuilder out = new StringBuilder();
        if (!estate.isEmpty()) {
            out.append("On the estate:\n");
            estate.forEach(p -> out.append(line(p)));
        }
        if (!near.isEmpty()) {
            out.append(estate.isEmpty() ? "Places to stay nearby:\n" : "\nNearby:\n");
            near.forEach(p -> out.append(line(p)));
        }
        return Optional.of(out.toString().strip());
    }

    private static String line(Place p) {
        return PageSections.bullet(p.name(), p.description());
    }

    /** A short bullet that names a place in title case ("Maple Row B&B"), not one describing it ("Cozy lodge"). */
    private static boolean isPlaceName(String text) {
        String[] words = text.split("\\s+");
        if (words.length > 6 || !PLACE.matcher(text).find() || text.contains(":")) {
            return false;
        }
        for (String word : words) {
            if (Character.isLetter(word.charAt(0))
                    && !Character.isUpperCase(word.charAt(0))
                    && !SMALL_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }
}

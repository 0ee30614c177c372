package io.cellardoor.plugins.visiting;

import io.cellardoor.plugin.api.UserQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What there is to do near the org, read from its pages about local attractions: every leaf section of such a page
 * ("### Walkway Over the Hudson") with its first line and distance, under the heading that groups it ("Natural
 * Attractions"); sections of advice ("Planning Your Visit", "Suggested Itineraries") are left out. A question about one
 * kind of place ("any museums nearby?") is left to the passages that name it.
 */
final class Attractions {

    /** The most places one answer lists. */
    static final int MAX_PLACES = 12;

    /** Words that ask about the places around by themselves ("any attractions?", "sightseeing"). */
    private static final String AROUND = "attractions?|sights|sightseeing|places to (visit|see|go)|worth (seeing"
            + "|visiting)|atracciones|lugares (para|que) visitar|a visiter";

    /** Words asking what to do, about the area only with an {@link #AREA} word ("things to do for kids" is not). */
    private static final String TO_DO = "things? to (do|see)|que hacer|que ver|que faire|a voir|activites"
            + "|(what|anything|something) (else )?((fun|interesting|nice|good|cool) )?(is there |can we |could we "
            + "|should we |do you recommend |to )*(to )?(do|see|visit)";

    private static final String AREA =
            "area|around|nearby|near|close|region|local|town|valley|cerca|zona|alentours" + "|autour|environs|pres";

    /** A question about what there is to do or see around: {@link #AROUND}, or {@link #TO_DO} with an area word. */
    static final Pattern CLAIMED =
            Pattern.compile("^(?:.*\\b(" + AROUND + ")\\b|(?=.*\\b(" + TO_DO + ")\\b)(?=.*\\b(" + AREA + ")\\b))");

    /** A page title about local attractions. */
    static final Pattern TITLE = Pattern.compile("(?i)\\b(attractions?|things to do|explore|sights|around us)\\b");

    /** A section of advice, no place. */
    private static final Pattern ADVICE = Pattern.compile("(?i)\\b(plan\\w*|tips?|itinerar\\w*|considerations?"
            + "|best times?|when to (visit|go)|getting (here|there|around)|transportation|reservations?|faq)\\b");

    /** A place and the heading that groups it ("" when none). */
    record Place(String group, String name, String description) {}

    private Attractions() {}

    /** Whether the visitor's words of this turn ask what there is to do or see around the org. */
    static boolean asked(UserQuery query) {
        return CLAIMED.matcher(query.normalizedFocus()).find();
    }

    /** The places a page names, in page order. */
    static List<Place> read(String text) {
        List<Place> places = new ArrayList<>();
        for (PageSections.Section section : PageSections.leaves(text)) {
            if (!section.under(ADVICE)) {
                String group = section.above().isEmpty() ? "" : section.above().getFirst();
                places.add(new Place(group, section.heading(), section.description()));
            }
        }
        return places;
    }

    /**
     * The answer listing the places under their groups, each once ({@link PageSections#onceEach}).
     *
     * @return empty when no page names a place
     */
    static Optional<String> answer(List<Place> places) {
        Map<String, List<Place>> groups = new LinkedHashMap<>();
        PageSections.onceEach(places, Place::name, MAX_PLACES)
                .forEach(p -> groups.computeIfAbsent(p.group(), g -> new ArrayList<>())
                        .add(p));
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder("Near us:\n");
        groups.forEach((group, list) -> {
            if (!group.isEmpty()) {
                out.append("\n**").append(group).append("**\n");
            }
            list.forEach(p -> out.append(PageSections.bullet(p.name(), p.description())));
        });
        return Optional.of(out.toString().strip());
    }
}

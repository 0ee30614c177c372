package io.cellardoor.plugins.visiting;

import io.cellardoor.plugin.api.Passage;
import io.cellardoor.plugin.api.UserQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How old a visitor must be: questions about age or proof of it ("how old do you have to be to do a tasting?", "can my
 * 18 year old come?", "do you allow minors?", "do I need to bring ID?", "¿cuál es la edad mínima?") and the lines of
 * the knowledge that state an age rule ("You must be 21+ to purchase alcohol", "Children: Welcome on property, but must
 * be supervised").
 */
final class AgeRules {

    /** At most this many lines answer. */
    static final int MAX_LINES = 3;

    /** Asks how old a visitor must be, in a normalized question. */
    static final Pattern ASKED = Pattern.compile("\\bhow old (do|must|should|would|will)\\b"
            + "|\\bhow old\\b.{0,30}\\b(have to|has to|need to|needs to|must) be\\b"
            + "|\\b(minimum|legal|drinking|what|required) age\\b|\\bage (limit|requirement|restriction|minimum|requis)"
            + "|\\b\\d{1,2} ?(year|yr)s? olds?\\b|\\bunder ?(18|21)s?\\b|\\b(minors?|underage|teens?|teenagers?"
            + "|menores|mineurs?|adolescentes?|ados)\\b|\\bedad\\b|\\bquel age\\b|\\bage minimum\\b"
            // proof of age: "do I need to bring ID?", "do you card everyone?"
            + "|\\b(bring|need|show|check|require)s? (an? |my |your |our )?(photo )?(id|ids|identification)\\b"
            + "|\\bcard (everyone|everybody|people|us)\\b");
    /**
     * Asks whether children may come, in a normalized question: "are kids allowed?", "can I bring my baby?", "is it
     * family friendly?", "¿se permiten niños?", "les enfants sont-ils admis ?" (not "a kids' menu", "things for kids").
     */
    static final Pattern CHILDREN_ASKED = Pattern.compile("\\b(kids?|children|child|babies|baby|infants?|toddlers?"
            + "|little ones|ninos|ninas|bebes?|hijos|enfants?)\\b.{0,30}\\b(allowed|welcome|permitted|ok|okay|admitted"
            + "|permiten|permitidos|bienvenidos|admis|bienvenus|acceptes|autorises)\\b"
            + "|\\b(allow|welcome|permit|admit|accept)s? (kids|children|babies|infants|toddlers)\\b"
            + "|\\b(bring|come with|take)\\b.{0,20}\\b(kids?|children|child|babies|baby|infants?|toddlers?|stroller)\\b"
            + "|\\b(kid|kids|child|children|family|baby)[ -]friendly\\b"
            + "|\\b(permiten|puedo llevar|pueden venir)\\b.{0,20}\\b(ninos|bebes?|hijos)\\b");
    /** A line stating an age: "21+", "must be 21", "21 or older", "under 21", "of legal drinking age". */
    private static final Pattern AGE_RULE = Pattern.compile("\\b(1[6-9]|2[0-5])\\s*\\+|\\bmust be (at least )?(1[6-9]"
            + "|2[0-5])\\b|\\b(1[6-9]|2[0-5]) (years )?(of age|or older|and (over|older))\\b|\\bunder (the age of )?"
            + "(1[6-9]|2[0-5])\\b|\\blegal drinking age\\b");
    /** A line saying whether children may come. */
    private static final Pattern CHILDREN = Pattern.compile("(?i)\\b(children|kids|minors)\\b.{0,60}\\b(welcome"
            + "|allowed|permitted|supervised|not permitted)\\b|\\b(welcome|allowed|permitted)\\b.{0,40}\\b(children"
            + "|kids|minors)\\b");
    /** Rules about the website or social media, not about a visit. */
    private static final Pattern NOT_A_VISIT =
            Pattern.compile("(?i)\\b(social media|post|website|privacy|collect information)\\b");
    /** An age rule about buying or drinking, which a visitor's question is about before anything else. */
    private static final Pattern ALCOHOL = Pattern.compile("(?i)\\b(alcohol\\w*|purchase|drink\\w*|wine|tasting)\\b");

    private AgeRules() {}

    /**
     * Words naming a visitor's age or a child. A follow-up whose own words name none ("and is there parking?" after
     * "what about kids?") asks about something else, whatever its carried words asked.
     */
    private static final Pattern AGE_OR_CHILD = Pattern.compile("\\b(kids?|children|child|babies|baby|infants?"
            + "|toddlers?|minors?|underage|teens?|teenagers?|age|old|olds|id|ids|identification|\\d{1,2}"
            + "|ninos|ninas|bebes?|hijos|menores|edad|enfants?|mineurs?|ados)\\b");

    /** Whether the query asks how old a visitor must be, or whether children may come. */
    static boolean asked(UserQuery query) {
        return reads(ASKED, query) || aboutChildren(query);
    }

    /** Whether the query asks whether children may come ({@link #CHILDREN_ASKED}): their lines answer it first. */
    static boolean aboutChildren(UserQuery query) {
        return reads(CHILDREN_ASKED, query);
    }

    /**
     * Whether the visitor's own words of the turn ask it, or they name an age or a child and the question with its
     * carried words asks it ("what about kids?" after "are dogs allowed?").
     */
    private static boolean reads(Pattern asking, UserQuery query) {
        String focus = query.normalizedFocus();
        return asking.matcher(focus).find()
                || AGE_OR_CHILD.matcher(focus).find()
                        && asking.matcher(query.normalized()).find();
    }

    /**
     * The age-rule lines of the passages, each once, as "**page title**: line": rules about buying or drinking first (one
     * a page), then whether children may come (or those first, {@code childrenFirst}); rules about the website or social
     * media left out. Empty when none states one.
     *
     * @return at most {@value #MAX_LINES} lines, each with the path it comes from
     */
    static List<Line> read(List<Passage> passages, boolean childrenFirst) {
        List<Line> alcohol = new ArrayList<>();
        List<Line> other = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Passage p : passages) {
            for (String raw : p.text().split("\n")) {
                String line = raw.strip().replaceFirst("^[-*+•]\\s*", "").replace("**", "");
                boolean age = AGE_RULE.matcher(line).find();
                if (!(age || CHILDREN.matcher(line).find())
                        || NOT_A_VISIT.matcher(line).find()
                        || !seen.add(line.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                Line found = new Line(p.path(), "**" + p.title().strip() + "**: " + line);
                if (!(age && ALCOHOL.matcher(line).find())) {
                    other.add(found);
                } else if (alcohol.stream().noneMatch(l -> l.path().equals(p.path()))) {
                    alcohol.add(found); // one page's "21+ to purchase" once, however many times it says it
                }
            }
        }
        List<Line> lines = new ArrayList<>(childrenFirst ? other : alcohol);
        lines.addAll(childrenFirst ? alcohol : other);
        return lines.subList(0, Math.min(MAX_LINES, lines.size()));
    }

    /**
     * One line of an answer.
     *
     * @param path the document it comes from
     * @param text "**page title**: the line"
     */
    record Line(String path, String text) {}
}

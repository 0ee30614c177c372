package io.cellardoor.plugins.club;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.PluginContext;
import io.cellardoor.plugin.api.UserQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The club's tiers side by side, read from the club pages: a question about what the club costs or which tiers it has
 * that names no tier and asks nothing else ("how much is the wine club?", "what are the membership levels?", "what
 * does it cost?" after "do you have a wine club?") gets each tier with its bottles and price lines. A tier is one of
 * two or more sibling sections of a club page (the same heading level under the same parent) that each state a price.
 */
final class ClubTiers {

    private static final int MAX_READS = 10;

    /** Words of a question that only ask about the club as a whole: its price, tiers or joining. */
    private static final Set<String> WHOLE_CLUB = Set.of(
            "how",
            "much",
            "is",
            "are",
            "the",
            "a",
            "an",
            "it",
            "its",
            "does",
            "do",
            "to",
            "of",
            "for",
            "your",
            "you",
            "what",
            "whats",
            "which",
            "there",
            "i",
            "we",
            "can",
            "cost",
            "costs",
            "price",
            "prices",
            "pricing",
            "pricey",
            "pricy",
            "expensive",
            "costly",
            "afford",
            "affordable",
            "fee",
            "fees",
            "charge",
            "charges",
            "pay",
            "would",
            "join",
            "joining",
            "wine",
            "club",
            "clubs",
            "membership",
            "memberships",
            "member",
            "tier",
            "tiers",
            "level",
            "levels",
            "option",
            "options",
            "different",
            // what the tiers are called: "what are the club tiers called?", "the names of the levels?"
            "called",
            "named",
            "name",
            "names",
            "kinds",
            "types",
            "available",
            "nombres",
            "llaman",
            "noms",
            "appellent",
            "have",
            "offer",
            // "¿qué tipos de membresía tienen en el club?", "quels types d'adhésion proposez-vous ?"
            "tipos",
            "clases",
            "tienen",
            "ofrecen",
            "en",
            "sortes",
            "d",
            "proposez",
            "avez",
            "vous",
            // "how much is each tier?", "the tiers and prices?", "what does it cost per year?": the tiers say how
            // often they ship
            "each",
            "every",
            "all",
            "and",
            "per",
            "year",
            "yearly",
            "annual",
            "annually",
            "s",
            "cuanto",
            "cuesta",
            "el",
            "la",
            "de",
            "del",
            "vino",
            "niveles",
            "combien",
            "coute",
            "le",
            "du",
            "vin",
            "niveaux",
            // the same in Spanish and French: "¿cuánto cuesta la membresía del club de vinos?", "combien coûte
            // l'adhésion au club ?"
            "cuestan",
            "precio",
            "precios",
            "membresia",
            "vinos",
            "los",
            "las",
            "es",
            "son",
            "cual",
            "cuales",
            "que",
            "coutent",
            "prix",
            "tarif",
            "tarifs",
            "adhesion",
            "l",
            "au",
            "des",
            "les",
            "vins",
            "est",
            "sont",
            "quel",
            "quels",
            "quelle",
            // a follow-up ranking the tiers: "lequel est le plus cher ?", "et le niveau le plus cher ?", "¿y cuál ...?"
            "lequel",
            "laquelle",
            "niveau",
            "nivel",
            "et",
            "y");
    /** The question asks which tiers the club has (what it costs is {@link UserQuery#asksPrice()}). */
    private static final Pattern TIERS_ASKED = Pattern.compile(
            "\\b(tiers?|levels?|options|niveles|niveaux|(kinds?|types?|tipos|clases|sortes) (of|de|d))\\b");
    /** The question, with what it carried, is about the club. */
    private static final Pattern CLUB =
            Pattern.compile("\\b(club|membership|tiers?|levels?|membresia|adhesion|niveles|niveaux)\\b");

    /** A markdown heading: its level's hashes and its text. */
    static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    /** A price and its amount ("$1,250.00": 1,250.00). */
    private static final Pattern PRICE = Pattern.compile("\\$\\s?(\\d[\\d,]*(\\.\\d+)?)");
    /** The question asks for the cheapest tier. */
    private static final Pattern LEAST = Pattern.compile(
            "\\b(cheapest|least expensive|lowest|cheaper|smallest|entry level|mas barat[oa]|moins cher\\w*)\\b");
    /** The question asks for the dearest tier. */
    private static final Pattern MOST =
            Pattern.compile("\\b(most expensive|priciest|highest|biggest|largest|top|mas car[oa]|plus cher\\w*)\\b");
    /** The question asks for the tier between the others by price. */
    private static final Pattern MIDDLE =
            Pattern.compile("\\b(middle|mid level|mid tier|medium|intermediate|del medio|intermedi[oa]|du milieu"
                    + "|intermediaire)\\b");

    private static final Pattern BOTTLES = Pattern.compile("(?i)\\bbottles?\\b");

    private ClubTiers() {}

    /**
     * The tiers answer, or empty when the question is not about the whole club or no club page lists tiers. A question
     * about the cheapest or dearest tier ("what's the cheapest membership?"), or the middle one of an odd number by price
     * ("what does the middle tier cost?"), gets that tier alone.
     */
    static Optional<DirectAnswer> answer(UserQuery query, PluginContext context) {
        String focus = query.normalizedFocus();
        boolean least = LEAST.matcher(focus).find();
        boolean most = !least && MOST.matcher(focus).find();
        boolean middle = !least && !most && MIDDLE.matcher(focus).find();
        boolean asked = new UserQuery(query.focus(), query.language()).asksPrice()
                || TIERS_ASKED.matcher(focus).find();
        if (!(asked || least || most || middle)
                || !CLUB.matcher(query.normalized()).find()) {
            return Optional.empty();
        }
        // the words left beside the ranking asked for ("the cheapest one") are the whole club's
        Pattern ranking = least ? LEAST : most ? MOST : middle ? MIDDLE : null;
        String rest = ranking == null ? focus : ranking.matcher(focus).replaceAll(" ");
        for (String word : rest.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !WHOLE_CLUB.contains(word) && !(ranking != null && word.equals("one"))) {
                return Optional.empty(); // "how much is shipping for the club?" asks about shipping
            }
        }
        return tierPage(context).map(page -> {
            if (least || most) {
                Comparator<Tier> byPrice = Comparator.comparingDouble(ClubTiers::price);
                Tier ranked = least
                        ? page.tiers().stream().min(byPrice).orElseThrow()
                        : page.tiers().stream().max(byPrice).orElseThrow();
                return new DirectAnswer(
                        "Our " + (least ? "least" : "most") + " expensive tier is " + summary(ranked) + ".",
                        List.of(page.path()),
                        0.85);
            }
            // "what does the middle tier cost?": of an odd number of tiers by price, the one between the others
            if (middle && page.tiers().size() % 2 == 1) {
                List<Tier> byPrice = page.tiers().stream()
                        .sorted(Comparator.comparingDouble(ClubTiers::price))
                        .toList();
                return new DirectAnswer(
                        "Our middle tier by price is " + summary(byPrice.get(byPrice.size() / 2)) + ".",
                        List.of(page.path()),
                        0.85);
            }
            // "how much does it cost?" after "tell me about the grand prix tier": the tier the conversation is on
            List<Tier> carried = named(page.tiers(), query.normalized());
            if (carried.size() == 1) {
                return new DirectAnswer(summary(carried.getFirst()) + ".", List.of(page.path()), 0.85);
            }
            StringBuilder sb = new StringBuilder("Our club tiers:");
            page.tiers().forEach(t -> sb.append("\n- ").append(summary(t)));
            return new DirectAnswer(sb.toString(), List.of(page.path()), 0.85);
        });
    }

    /** "Which tier gets the most bottles?", "... the fewest guests?": the superlative and the word it counts. */
    private static final Pattern COUNTED = Pattern.compile("\\b(most|fewest|least)\\s+(\\p{L}{3,})\\b");

    /**
     * Which tier has the most (or fewest) of what the question counts ("which one gets the most bottles?", "which tier
     * brings the most guests to tastings?"): of the tiers whose lines give a number of it, the word right after the
     * number ("12 bottles per shipment", "member plus 3 guests", "15% discount"), those with the highest (lowest)
     * number, then each such tier's line.
     * Empty when the question names no such count, is not about the club, or no tier line counts the word.
     */
    static Optional<DirectAnswer> most(UserQuery query, PluginContext context) {
        Matcher asked = COUNTED.matcher(query.normalizedFocus());
        if (!asked.find() || !CLUB.matcher(query.normalized()).find()) {
            return Optional.empty();
        }
        boolean most = asked.group(1).equals("most");
        String word = asked.group(2);
        String stem = singular(word);
        Pattern counted = Pattern.compile("(?i)(?<![$\\d.,])(\\d+(?:\\.\\d+)?)\\s*%?\\s+(?:" + Pattern.quote(stem) + "|"
                + Pattern.quote(word) + ")s?\\b");
        record Counted(double n, String line) {}
        return tierPage(context).flatMap(page -> {
            // each tier's highest (lowest) count of the word, and the line giving it
            Map<Tier, Counted> counts = new LinkedHashMap<>();
            for (Tier tier : page.tiers()) {
                for (String line : tier.lines()) {
                    Matcher m = counted.matcher(line);
                    while (m.find()) {
                        double n = Double.parseDouble(m.group(1));
                        Counted before = counts.get(tier);
                        if (before == null || (most ? n > before.n() : n < before.n())) {
                            counts.put(tier, new Counted(n, line));
                        }
                    }
                }
            }
            if (counts.isEmpty()) {
                return Optional.empty();
            }
            double best = counts.values().stream()
                    .mapToDouble(Counted::n)
                    .reduce(most ? Math::max : Math::min)
                    .orElseThrow();
            List<String> ranked = counts.entrySet().stream()
                    .filter(e -> e.getValue().n() == best)
                    .map(e -> e.getKey().name())
                    .toList();
            String superlative = asked.group(1);
            StringBuilder sb = new StringBuilder(Character.toUpperCase(superlative.charAt(0)) + superlative.substring(1)
                    + " " + word + ": " + String.join(" and ", ranked) + ".");
            counts.forEach((tier, c) ->
                    sb.append("\n- ").append(tier.name()).append(": ").append(c.line()));
            return Optional.of(new DirectAnswer(sb.toString(), List.of(page.path()), 0.85));
        });
    }

    /** The first club page (of at most {@value #MAX_READS}) with two or more tier sections, and those tiers. */
    private static Optional<TierPage> tierPage(PluginContext context) {
        for (DocumentSummary page : context.listDocuments(ClubHandler.DOMAIN).stream()
                .limit(MAX_READS)
                .toList()) {
            List<Tier> tiers = context.readDocument(page.path())
                    .map(d -> sections(d.text()))
                    .orElse(List.of());
            if (tiers.size() >= 2) {
                return Optional.of(new TierPage(page.path(), tiers));
            }
        }
        return Optional.empty();
    }

    /** A club page's path and its tiers. */
    private record TierPage(String path, List<Tier> tiers) {}

    /**
     * A tier's first price, in the page's currency units ("Starting at $104 per shipment": 104); every tier states one.
     */
    private static double price(Tier tier) {
        for (String line : tier.lines()) {
            Matcher m = PRICE.matcher(line);
            if (m.find()) {
                return Double.parseDouble(m.group(1).replace(",", ""));
            }
        }
        return Double.NaN;
    }

    /**
     * Two or more tiers the question names, side by side ("jumper vs grand prix?", "what's the difference between
     * Bramble and Summit?"): each named tier with the lines only it has, then the lines all of them share. Empty when
     * fewer than two tiers of the tier page are named.
     */
    static Optional<DirectAnswer> compare(UserQuery query, PluginContext context) {
        return tierPage(context).flatMap(page -> {
            List<Tier> named = named(page.tiers(), query.normalizedFocus());
            if (named.size() < 2) {
                return Optional.empty();
            }
            String heading = String.join(" and ", named.stream().map(Tier::name).toList()) + " side by side:";
            return Optional.of(sideBySide(heading, named, page.path()));
        });
    }

    /** Words asking what the club gives its members ("what are the club benefits?", "what do members get?"). */
    private static final Pattern BENEFITS = Pattern.compile("\\b(benefits?|perks?|advantages?|what do (\\w+ ){1,2}get"
            + "|what comes with|what (is|s) included|includ\\w*|beneficios|ventajas|que incluye|avantages"
            + "|comprend\\w*)\\b");
    /** Words besides {@link #WHOLE_CLUB}'s that ask about membership as a whole ("what do I get if I join?"). */
    private static final Set<String> MEMBERSHIP_WORDS = Set.of(
            "members",
            "get",
            "gets",
            "receive",
            "if",
            "in",
            "with",
            "being",
            "become",
            "they",
            "my",
            "miembros",
            "socios",
            "membres",
            "tiene",
            "ofrece",
            "un",
            "una");
    /** The question, with what it carried, is about the club or its members. */
    private static final Pattern CLUB_OR_MEMBERS =
            Pattern.compile("\\b(club|membership|members?|membresia|miembros?" + "|socios?|adhesion|membres?)\\b");

    /**
     * What membership gives, when a question asks it of the club as a whole ("what are the wine club benefits?", "what
     * do club members get?"): every tier with the lines only it has, then the lines all of them share. Empty when the
     * question names a tier ({@link #describe}), asks nothing about benefits, or no club page lists tiers.
     */
    static Optional<DirectAnswer> benefits(UserQuery query, PluginContext context) {
        String focus = query.normalizedFocus();
        if (!BENEFITS.matcher(focus).find()
                || !CLUB_OR_MEMBERS.matcher(query.normalized()).find()
                || LEAST.matcher(focus).find()
                || MOST.matcher(focus).find()
                || MIDDLE.matcher(focus).find()) {
            return Optional.empty();
        }
        // the words beside those asking what it gives are the whole club's ("does it include shipping?" asks about
        // shipping)
        for (String word : BENEFITS.matcher(focus).replaceAll(" ").split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !WHOLE_CLUB.contains(word) && !MEMBERSHIP_WORDS.contains(word)) {
                return Optional.empty();
            }
        }
        return tierPage(context)
                .filter(page -> named(page.tiers(), focus).isEmpty())
                .map(page -> sideBySide("What each club tier includes:", page.tiers(), page.path()));
    }

    /** Tiers side by side under a heading: each with the lines only it has, then the lines all of them share. */
    private static DirectAnswer sideBySide(String heading, List<Tier> tiers, String path) {
        Set<String> shared = new LinkedHashSet<>(tiers.getFirst().lines());
        tiers.forEach(t -> shared.retainAll(t.lines()));
        StringBuilder sb = new StringBuilder(heading);
        for (Tier t : tiers) {
            List<String> own =
                    t.lines().stream().filter(l -> !shared.contains(l)).toList();
            sb.append("\n- ").append(t.name()).append(": ").append(String.join("; ", own));
        }
        if (!shared.isEmpty()) {
            sb.append("\n- ")
                    .append(tiers.size() == 2 ? "Both" : "All of them")
                    .append(": ")
                    .append(String.join("; ", shared));
        }
        return new DirectAnswer(sb.toString(), List.of(path), 0.85);
    }

    /** What is left of a follow-up of nothing but a name and a connective ("and triple crown?", "what about Summit?"). */
    private static final Pattern ONLY_NAMED =
            Pattern.compile("^\\s*((and|what|about|how|y|et|the|el|la|le|tier|level|membership|then|ok)\\s+)*$");

    /** Words asking what something is or holds ("what's the X tier?", "what does X include?", "X benefits"). */
    private static final Pattern DESCRIBE = Pattern.compile("\\b(what is|what'?s|what s|tell me (more )?about|describe"
            + "|explain|what do (i|you|we|members) get|what comes with|includ\\w*|benefits?|perks?|que es|que incluye"
            + "|beneficios|ventajas|qu est ce|c est quoi|avantages|comprend\\w*)\\b");

    /**
     * The one tier a question names and asks about as a whole ("what's the Summit tier?", "what does Summit
     * include?"): its every line, as its section states them; a follow-up naming nothing but one tier ("and triple
     * crown?" after a tier's price) gets that tier's bottles and price. Empty when the question names no tier or
     * several, or asks something else about it.
     */
    static Optional<DirectAnswer> describe(UserQuery query, PluginContext context) {
        String focus = " " + query.normalizedFocus() + " ";
        boolean described = DESCRIBE.matcher(focus).find();
        // "and triple crown?" after "what does grand prix cost?": the tier alone, with its bottles and price.
        boolean followUp = !described && !query.focus().equals(query.text());
        if (!described && !followUp) {
            return Optional.empty();
        }
        return tierPage(context).flatMap(page -> {
            List<Tier> named = named(page.tiers(), query.normalizedFocus());
            if (named.size() != 1) {
                return Optional.empty();
            }
            Tier tier = named.getFirst();
            String rest = focus.replace(" " + new UserQuery(tier.name(), "en").normalized() + " ", " ");
            if (!described && !ONLY_NAMED.matcher(rest).matches()) {
                return Optional.empty();
            }
            if (!described) {
                // "what about grand prix?" after "does the jumper tier get a discount on wine?": its lines about what
                // the earlier question asked, else its bottles and price
                List<String> about = linesAbout(tier, carriedQuestion(query), page.tiers());
                return Optional.of(new DirectAnswer(
                        about.isEmpty() ? summary(tier) + "." : tier.name() + ": " + String.join("; ", about) + ".",
                        List.of(page.path()),
                        0.85));
            }
            StringBuilder sb = new StringBuilder("The ").append(tier.name()).append(" tier:");
            tier.lines().forEach(l -> sb.append("\n- ").append(l));
            return Optional.of(new DirectAnswer(sb.toString(), List.of(page.path()), 0.85));
        });
    }

    /**
     * The questions a follow-up carries, normalized: its carried words up to their last question mark (the earlier
     * questions, without the title and heading of the page they were answered from); empty for a question standing
     * alone.
     */
    private static String carriedQuestion(UserQuery query) {
        String text = query.text();
        if (query.focus().equals(text) || !text.startsWith(query.focus())) {
            return "";
        }
        String carried = text.substring(query.focus().length());
        int end = carried.lastIndexOf('?');
        return new UserQuery(end < 0 ? carried : carried.substring(0, end), "en").normalized();
    }

    /**
     * A tier's lines holding the most of a question's words (of four letters or more, not the club's or a tier's name
     * words, a plural matching its singular: "wine" for "wines"), at most {@value #MAX_LINES_ABOUT}; empty when none
     * holds one.
     */
    private static List<String> linesAbout(Tier tier, String question, List<Tier> tiers) {
        Set<String> names = new HashSet<>();
        tiers.forEach(t ->
                names.addAll(List.of(new UserQuery(t.name(), "en").normalized().split(" "))));
        List<String> words = Arrays.stream(question.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 4
                        && !ASKING_WORDS.contains(w)
                        && !MEMBERSHIP_WORDS.contains(w)
                        && !names.contains(w))
                .distinct()
                .toList();
        if (words.isEmpty()) {
            return List.of();
        }
        Map<String, Long> held = new LinkedHashMap<>();
        for (String line : tier.lines()) {
            Set<String> lineWords = new HashSet<>();
            for (String w : new UserQuery(line, "en").normalized().split("[^\\p{L}\\p{N}]+")) {
                lineWords.add(singular(w));
            }
            long count =
                    words.stream().filter(w -> lineWords.contains(singular(w))).count();
            held.put(line, count);
        }
        long most = held.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return most == 0
                ? List.of()
                : held.entrySet().stream()
                        .filter(e -> e.getValue() == most)
                        .map(Map.Entry::getKey)
                        .limit(MAX_LINES_ABOUT)
                        .toList();
    }

    /**
     * Words of four letters or more that ask rather than name what is asked about ("does the tier get a discount on
     * wine?": "discount" and "wine" are what it asks).
     */
    private static final Set<String> ASKING_WORDS = Set.of(
            "what",
            "whats",
            "about",
            "does",
            "tier",
            "tiers",
            "level",
            "levels",
            "club",
            "membership",
            "member",
            "that",
            "this",
            "they",
            "there",
            "have",
            "much",
            "many",
            "which",
            "tell",
            "more",
            "also",
            "come",
            "comes");

    /** A word without a plural's final "s" ("wines": "wine"), to match a line's word either way. */
    private static String singular(String word) {
        return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    /** Lines of a tier quoted at most for what a follow-up's earlier question asked. */
    private static final int MAX_LINES_ABOUT = 3;

    /** The tiers a normalized text names, each by its whole name ("grand prix" in "how much is grand prix"). */
    private static List<Tier> named(List<Tier> tiers, String normalized) {
        String text = " " + normalized + " ";
        return tiers.stream()
                .filter(t -> text.contains(" " + new UserQuery(t.name(), "en").normalized() + " "))
                .toList();
    }

    /** A tier: its name as its heading ends ("Tiers > Summit": Summit) and its lines, cleaned. */
    record Tier(String name, List<String> lines) {}

    /**
     * A tier in one line, "Jumper: 4 bottles per shipment (quarterly); Starting at $104 per shipment": its first
     * bottles line and first price line.
     */
    static String summary(Tier tier) {
        Set<String> facts = new LinkedHashSet<>();
        tier.lines().stream().filter(l -> BOTTLES.matcher(l).find()).findFirst().ifPresent(facts::add);
        tier.lines().stream().filter(l -> PRICE.matcher(l).find()).findFirst().ifPresent(facts::add);
        return tier.name() + ": " + String.join("; ", facts);
    }

    /**
     * The tier sections of a page: of the first group of sibling sections (the same heading level under the same
     * parent) of which at least two, and at least half, state a price, those that do.
     */
    static List<Tier> sections(String markdown) {
        record Section(int level, String parent, String name, List<String> lines) {}
        List<Section> sections = new ArrayList<>();
        Map<Integer, String> open = new HashMap<>();
        Section current = null;
        for (String line : markdown.split("\\R")) {
            Matcher h = HEADING.matcher(line.strip());
            if (h.matches()) {
                int level = h.group(1).length();
                String name = clean(h.group(2));
                open.keySet().removeIf(l -> l >= level);
                String parent = open.keySet().stream()
                        .max(Integer::compare)
                        .map(open::get)
                        .orElse("");
                open.put(level, name);
                current = new Section(level, parent, name, new ArrayList<>());
                sections.add(current);
            } else if (current != null && !line.isBlank()) {
                current.lines().add(clean(line));
            }
        }
        Map<String, List<Section>> siblings = new java.util.LinkedHashMap<>();
        sections.forEach(s -> siblings.computeIfAbsent(s.level() + "\n" + s.parent(), k -> new ArrayList<>())
                .add(s));
        for (List<Section> group : siblings.values()) {
            List<Tier> tiers = new ArrayList<>();
            for (Section s : group) {
                if (s.lines().stream().anyMatch(l -> PRICE.matcher(l).find())) {
                    String[] path = s.name().split(" > "); // "Tiers > Summit" names the Summit
                    tiers.add(new Tier(path[path.length - 1].strip(), List.copyOf(s.lines())));
                }
            }
            // Tiers are most of their group ("Shipping" beside "Fees" with one price each is not a set of tiers).
            if (tiers.size() >= 2 && tiers.size() * 2 >= group.size()) {
                return tiers;
            }
        }
        return List.of();
    }

    /** A line without its bullet and emphasis; an all-capitals line in sentence case. */
    private static String clean(String line) {
        String text = line.strip()
                .replaceFirst("^[-*•]\\s+", "")
                .replaceAll("[*_`]", "")
                .strip();
        if (text.equals(text.toUpperCase(Locale.ROOT)) && text.chars().anyMatch(Character::isLetter)) {
            text = text.charAt(0) + text.substring(1).toLowerCase(Locale.ROOT);
        }
        return text;
    }
}

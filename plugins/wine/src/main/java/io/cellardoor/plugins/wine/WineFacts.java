package io.cellardoor.plugins.wine;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.PluginContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a question about one fact of a named wine that its page states in a line of its own or in its name: the
 * vintage ("what vintage is the reserve cab franc?", from the title's year, "NV" for a non-vintage wine), its scores
 * and awards ("what score did the farmhouse cab franc get?", from lines such as "92 Points - Wine Enthusiast") and its
 * alcohol ("what's the abv of the vincenza?", from a line giving a percentage of alcohol). A page that does not state
 * the fact is said not to, with the wine's price, instead of the page's opening lines being quoted as if they answered.
 */
final class WineFacts {

    /** A kind of fact, the words asking for it (folded text) and how a page states it. */
    enum Fact {
        VINTAGE(Pattern.compile("\\b(vintage|what year|which year|cosecha|ano|annee|millesime)\\b"), null, "vintage"),
        ACCOLADES(
                Pattern.compile("\\b(scores?|scored|points?|ratings?|rated|awards?|medals?|accolades?|reviews?"
                        + "|puntos|puntuacion|premios?|medallas?|notes? de|recompenses?)\\b"),
                Pattern.compile("(?i)\\b\\d{2,3}\\s*(points|pts)\\b|\\b(gold|silver|bronze)\\b.{0,20}\\bmedal"
                        + "|\\bbest in class\\b|\\bawarded\\b|\\baward\\b(?!-)"),
                "scores or awards"),
        ALCOHOL(
                Pattern.compile("\\b(abv|alcohol|alc|proof|alcool|alcohol content|graduacion)\\b"),
                Pattern.compile(
                        "(?i)(\\b\\d{1,2}(\\.\\d{1,2})?\\s*%\\s*(abv|alc|alcohol|vol)|\\b(abv|alcohol|alc)\\b[^.]{0,25}"
                                + "\\b\\d{1,2}(\\.\\d{1,2})?\\s*%)"),
                "alcohol content");

        private final Pattern asked;
        private final Pattern stated;
        private final String name;

        Fact(Pattern asked, Pattern stated, String name) {
            this.asked = asked;
            this.stated = stated;
            this.name = name;
        }
    }

    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");
    private static final Pattern NON_VINTAGE = Pattern.compile("(?i)^nv\\b|\\bnon[- ]vintage\\b");

    /** Words that make a question about something else even when it names a fact ("how much is the 2022?"). */
    private static final Pattern OTHER = Pattern.compile("\\b(how much|prices?|costs?|pair\\w*|taste|tastes|grapes?"
            + "|precio|prix|combien|cuanto|founded|established|planted)\\b");

    private static final int MAX_LINES = 3;

    /** A question about the wines as such, by a word for wine. */
    private static final Pattern WINES =
            Pattern.compile("\\b(wines?|vinos?|vins?|bottles?|reds?|whites?|ros[eé]s?|sparkling|bubbly)\\b");
    /** Words of the loyalty programme's points, which are no score ("how many points per bottle of wine?"). */
    private static final Pattern LOYALTY = Pattern.compile(
            "\\b(earn\\w*|redeem\\w*|miles|spend|spent|dollars?|per|members?|membership|club|tiers?|referrals?)\\b");

    private WineFacts() {}

    /** The fact the visitor's words of this turn (folded) ask about, when they ask about exactly one of them. */
    static Optional<Fact> asked(String normalizedFocus) {
        if (OTHER.matcher(normalizedFocus).find()) {
            return Optional.empty();
        }
        List<Fact> asked = new ArrayList<>();
        for (Fact fact : Fact.values()) {
            if (fact.asked.matcher(normalizedFocus).find()) {
                asked.add(fact);
            }
        }
        return asked.size() == 1 ? Optional.of(asked.getFirst()) : Optional.empty();
    }

    /**
     * A paragraph per named wine ({@link WineHandler#read}): the fact as its title or page states it, else that the page
     * does not state it.
     *
     * @param wines the wines the question names; more than {@link TastingNotes#MAX_WINES} after merging gives empty
     * @return empty when no page can be read; confidence 0.9 when every wine's fact was found, 0.6 otherwise
     */
    static Optional<DirectAnswer> answer(Fact fact, List<DocumentSummary> wines, PluginContext context) {
        Optional<List<WineHandler.ReadWine>> read = WineHandler.readFew(wines, context);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        List<String> paragraphs = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        boolean allFound = true;
        for (WineHandler.ReadWine named : read.get()) {
            WineHandler.PricedWine wine = named.wine();
            WineHandler.Found found =
                    named.firstSaying(text -> (fact == Fact.VINTAGE ? vintage(wine.title()) : lines(fact, text))
                            .stream().toList());
            Optional<String> stated = found.said().stream().findFirst();
            sources.add(found.page().path());
            allFound &= stated.isPresent();
            paragraphs.add(stated.map(s -> switch (fact) {
                        case VINTAGE -> "The " + wine.priced() + " is " + s + ".";
                        case ACCOLADES, ALCOHOL -> "The " + wine.priced() + ": " + s;
                    })
                    .orElse(wine.pageLacks("does not give its " + fact.name)));
        }
        return Optional.of(
                new DirectAnswer(String.join("\n\n", paragraphs), List.copyOf(sources), allFound ? 0.9 : 0.6));
    }

    /**
     * Whether the visitor's words of this turn (folded) ask about the wines as such ("which wine has the highest
     * score?"), not about the loyalty programme's points ("how many points does a bottle of wine earn?").
     */
    static boolean aboutTheWines(String normalizedFocus) {
        return WINES.matcher(normalizedFocus).find()
                && !LOYALTY.matcher(normalizedFocus).find();
    }

    /**
     * The scores and awards of every wine whose page states one, for a question naming no wine ("which wine has the
     * highest score?", "have your wines won awards?"): "Of our wines, only the 2023 Orchard Rosé ($25.00) has a score or
     * award on its page: 92 Points - Some Magazine." or a line per wine. A draft page of a wine beside the real one is one
     * wine ({@link WineHandler#mergeOrAdd}).
     *
     * @return empty for another fact, when a wine page cannot be read, or when no wine page states one (the passages
     *     answer then: a page off the wine pages may)
     */
    static Optional<DirectAnswer> acrossWines(Fact fact, PluginContext context) {
        if (fact != Fact.ACCOLADES) {
            return Optional.empty();
        }
        Optional<List<WineCatalog.Read>> pages = WineCatalog.readAll(context);
        if (pages.isEmpty()) {
            return Optional.empty();
        }
        List<WineHandler.PricedWine> stating = new ArrayList<>();
        java.util.Map<String, String> byPath = new java.util.HashMap<>();
        for (WineCatalog.Read read : pages.get()) {
            Optional<String> stated = lines(fact, read.document().text());
            if (stated.isPresent()) {
                byPath.put(read.summary().path(), stated.get());
                WineHandler.mergeOrAdd(
                        stating,
                        new WineHandler.PricedWine(
                                WineHandler.cleanTitle(read.summary().title()),
                                WineHandler.price(read.document().text()).orElse(""),
                                List.of(read.summary().path())));
            }
        }
        if (stating.isEmpty()) {
            return Optional.empty();
        }
        List<String> said = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (WineHandler.PricedWine wine : stating) {
            String path = wine.paths().stream()
                    .filter(byPath::containsKey)
                    .findFirst()
                    .orElseThrow();
            sources.add(path);
            said.add("the " + wine.title() + (wine.price().isEmpty() ? "" : " (" + wine.price() + ")")
                    + (stating.size() == 1 ? " has a score or award on its page: " : ": ") + byPath.get(path));
        }
        String text = said.size() == 1
                ? "Of our wines, only " + said.getFirst()
                : "Scores and awards on our wine pages:\n- "
                        + String.join(
                                "\n- ",
                                said.stream().map(l -> "The " + l.substring(4)).toList());
        return Optional.of(new DirectAnswer(text, List.copyOf(sources), 0.85));
    }

    /**
     * Words with which a wine page suggests food ("pairs beautifully with duck", "alongside spicy cured sausages",
     * "culinary companions such as Korean BBQ"); in a sentence describing the taste ("accompanied by notes of graphite",
     * "alongside the red fruit flavors") they suggest none, unless it says "pair".
     */
    private static final Pattern PAIRING_STATED = Pattern.compile(
            "(?i)\\b(pair\\w*|alongside|companions?|accompan\\w*"
                    + "|match\\w* (with|beautifully|perfectly)|serve\\w* (it |this wine )?with|enjoy\\w* (it |this wine )?with"
                    + "|go(es)? (well |beautifully |nicely )?with|dish(es)?|cuisine|food|meals?"
                    + "|(lovely|delicious|wonderful|perfect|great|excellent|best|ideal|terrific|superb|try it|try this) with)\\b");

    private static final Pattern PAIR_WORD = Pattern.compile("(?i)\\bpair\\w*");

    /** A line or heading labelling a page's pairing ("Pairing Recommendation:", "**PAIRING RECOMMENDATION**", "## Food Pairing"). */
    private static final Pattern PAIRING_LABEL =
            Pattern.compile("(?i)^\\W*(food )?pairings?( recommendations?| suggestions?)?\\W*$");

    private static final int MAX_PAIRING_SENTENCES = 3;

    /**
     * What the named wines' pages suggest eating with them ("what food goes with the vincenza?"): for each, the
     * sentences under its pairing label, else its sentences suggesting food ({@link #PAIRING_STATED}), at most
     * {@value #MAX_PAIRING_SENTENCES}: "The 2022 Vincenza Reserve BDX Blend ($45.00), from its page: Enjoy it alongside
     * ..."; a page suggesting none is said to ("Our page for the 2022 Reserve Cabernet Franc does not suggest a food
     * pairing; it is $45.00."), instead of a decline or another wine's pairing lines.
     *
     * @param wines the wines the question names; more than {@link TastingNotes#MAX_WINES} after merging gives empty
     * @return empty when a page cannot be read
     */
    static Optional<DirectAnswer> pairings(List<DocumentSummary> wines, PluginContext context) {
        Optional<List<WineHandler.ReadWine>> read = WineHandler.readFew(wines, context);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        List<String> paragraphs = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        boolean anySuggested = false;
        for (WineHandler.ReadWine named : read.get()) {
            WineHandler.PricedWine wine = named.wine();
            WineHandler.Found found = named.firstSaying(WineFacts::pairingSentences);
            List<String> suggested = found.said();
            sources.add(found.page().path());
            anySuggested |= !suggested.isEmpty();
            paragraphs.add(
                    suggested.isEmpty()
                            ? wine.pageLacks("does not suggest a food pairing")
                            : "The " + wine.priced() + ", from its page: " + found.quoted());
        }
        return Optional.of(
                new DirectAnswer(String.join("\n\n", paragraphs), List.copyOf(sources), anySuggested ? 0.85 : 0.6));
    }

    /** The sentences of a page suggesting food: those under its pairing label, else those stating a pairing. */
    static List<String> pairingSentences(String pageText) {
        List<String> lines = pageText.lines().map(String::strip).toList();
        List<String> labelled = new ArrayList<>();
        for (int i = 0; i < lines.size() && labelled.isEmpty(); i++) {
            if (PAIRING_LABEL.matcher(lines.get(i)).matches()) {
                for (int j = i + 1; j < lines.size(); j++) {
                    String line = lines.get(j);
                    if (line.startsWith("#") || (!labelled.isEmpty() && line.isEmpty())) {
                        break;
                    }
                    labelled.addAll(TastingNotes.sentences(line));
                }
            }
        }
        if (!labelled.isEmpty()) {
            return labelled.stream().limit(MAX_PAIRING_SENTENCES).toList();
        }
        return lines.stream()
                .filter(l -> !l.startsWith("#"))
                .flatMap(l -> TastingNotes.sentences(l.replaceFirst("^[-*]\\s+", "")).stream())
                .filter(WineFacts::suggestsFood)
                .limit(MAX_PAIRING_SENTENCES)
                .toList();
    }

    private static boolean suggestsFood(String sentence) {
        return PAIR_WORD.matcher(sentence).find()
                || (PAIRING_STATED.matcher(sentence).find() && !TastingNotes.describesTaste(sentence));
    }

    /** "the 2022 vintage" from a title's year, "a non-vintage wine" for an "NV" title; empty without either. */
    static Optional<String> vintage(String title) {
        Matcher year = YEAR.matcher(title);
        if (year.find()) {
            return Optional.of("the " + year.group() + " vintage");
        }
        return NON_VINTAGE.matcher(title.strip()).find() ? Optional.of("a non-vintage wine") : Optional.empty();
    }

    /**
     * The lines of a page (plain text; headings skipped, bullets and emphasis removed) stating a fact, at most
     * {@value #MAX_LINES}, joined by "; ", each ending without a mark; empty when none does.
     */
    static Optional<String> lines(Fact fact, String pageText) {
        List<String> found = new ArrayList<>();
        for (String line : pageText.lines().map(String::strip).toList()) {
            if (line.startsWith("#") || found.size() >= MAX_LINES) {
                continue;
            }
            String text = line.replaceFirst("^[-*]\\s*", "").replace("**", "").strip();
            for (String sentence : TastingNotes.sentences(text)) {
                if (fact.stated.matcher(sentence).find() && found.size() < MAX_LINES) {
                    found.add(sentence.replaceAll("[.;]+$", ""));
                }
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", found) + ".");
    }
}

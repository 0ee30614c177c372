package io.cellardoor.plugins.wine;

import io.cellardoor.plugin.api.DocumentSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves casual, partial wine names ("reserve cab franc", "the lark", "a rosé") against the titles of
 * the wine pages. Each query word that occurs in some title (after expanding abbreviations) must occur in a
 * matching title; vintages and generic words are ignored.
 */
final class WineNames {

    private static final List<String> SPARKLING =
            List.of("sparkling", "brut", "bubbly", "cremant", "champagne", "prosecco", "petillant", "spumante");
    private static final List<String> RED = List.of(
            "red",
            "cabernet",
            "franc",
            "merlot",
            "bdx",
            "bordeaux",
            "noir",
            "syrah",
            "malbec",
            "zinfandel",
            "verdot",
            "gamay",
            "blaufrankisch",
            "chambourcin",
            "meritage");
    private static final List<String> WHITE = List.of(
            "white",
            "chardonnay",
            "riesling",
            "gruner",
            "veltliner",
            "seyval",
            "viognier",
            "gris",
            "grigio",
            "chenin",
            "albarino",
            "vidal",
            "cayuga",
            "traminette");

    /**
     * Words of grape varieties' names, beyond {@link #RED} and {@link #WHITE}'s: a word of these the query says and no
     * wine's title holds names a wine this winery does not make ("sauvignon" of "sauvignon blanc" is not the Seyval
     * Blanc).
     */
    private static final Set<String> OTHER_VARIETIES = Set.of(
            "sauvignon",
            "blanc",
            "pinot",
            "moscato",
            "muscat",
            "sangiovese",
            "tempranillo",
            "nebbiolo",
            "grenache",
            "garnacha",
            "mourvedre",
            "carmenere",
            "primitivo",
            "barbera",
            "dolcetto",
            "shiraz",
            "sirah",
            "lambrusco",
            "gewurztraminer",
            "semillon",
            "marsanne",
            "roussanne",
            "verdejo",
            "vermentino",
            "torrontes",
            "marquette",
            "frontenac",
            "lemberger",
            "aligote",
            "muscadet",
            "trebbiano",
            "zweigelt",
            "baco",
            "vignoles",
            "carignan",
            "cinsault",
            "aglianico",
            "montepulciano",
            "tannat",
            "pinotage",
            "furmint",
            "assyrtiko",
            "sylvaner",
            "silvaner");

    /** Casual words and abbreviations mapped to the title words they stand for. */
    private static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("cab", List.of("cabernet")),
            Map.entry("cabs", List.of("cabernet")),
            Map.entry("sauv", List.of("sauvignon")),
            Map.entry("savvy", List.of("sauvignon")),
            Map.entry("chard", List.of("chardonnay")),
            Map.entry("chards", List.of("chardonnay")),
            Map.entry("bordeaux", List.of("bdx", "bordeaux")),
            Map.entry("bdx", List.of("bdx", "bordeaux")),
            Map.entry("gruener", List.of("gruner")),
            Map.entry("rosado", List.of("rose")),
            Map.entry("rosato", List.of("rose")),
            Map.entry("bubbly", SPARKLING),
            Map.entry("sparkling", SPARKLING),
            Map.entry("brut", SPARKLING),
            Map.entry("champagne", SPARKLING),
            Map.entry("prosecco", SPARKLING),
            Map.entry("fizz", SPARKLING),
            Map.entry("red", RED),
            Map.entry("reds", RED),
            Map.entry("tinto", RED),
            Map.entry("rouge", RED),
            Map.entry("white", WHITE),
            Map.entry("whites", WHITE),
            Map.entry("blanco", WHITE));

    /** Title words that do not tell one wine from another. */
    private static final Set<String> GENERIC =
            Set.of("wine", "wines", "the", "of", "and", "de", "du", "nv", "a", "vineyard", "vineyards", "estate", "ml");

    /** A title matching only some of the query's wine words needs this many of them to count. */
    private static final int MIN_PARTIAL_HITS = 2;

    /**
     * The wines a query names.
     *
     * @param wines matching pages, best first (fewest unmatched title words)
     * @param exact every wine word of the query occurs in each of these titles
     * @param namesOnly the visitor's own words hold nothing but wine-name words and filler (e.g. a pure price question;
     *     a follow-up's carried words, such as "oaked" of "is it oaked?", do not count)
     * @param lacking the grape varieties the query names that no wine's title holds, as the visitor wrote them with
     *     abbreviations spelt out ("sauvignon blanc", "cabernet sauvignon"); when any, no match is exact
     */
    record Match(List<DocumentSummary> wines, boolean exact, boolean namesOnly, List<String> lacking) {

        static final Match NONE = new Match(List.of(), false, false, List.of());

        Match(List<DocumentSummary> wines, boolean exact, boolean namesOnly) {
            this(wines, exact, namesOnly, List.of());
        }
    }

    /** Whether a folded word is a word of a grape variety's name ("cabernet", "blanc", "riesling"). */
    static boolean variety(String word) {
        return (RED.contains(word) || WHITE.contains(word) || OTHER_VARIETIES.contains(word))
                && !word.equals("red")
                && !word.equals("white");
    }

    /**
     * The grape varieties the query names that no title holds: each run of variety words (abbreviations spelt out)
     * with a word no title has, e.g. "sauvignon blanc" against titles with "Seyval Blanc" only.
     */
    private static List<String> lacking(String query, List<Title> titles) {
        List<String> found = new ArrayList<>();
        List<String> run = new ArrayList<>();
        boolean missing = false;
        List<String> words = new ArrayList<>(Words.of(query));
        words.add(""); // ends the last run
        for (String word : words) {
            List<String> spelt = ALIASES.getOrDefault(word, List.of(word));
            String name = spelt.size() == 1 ? spelt.getFirst() : word;
            if (!word.isEmpty() && variety(name)) {
                run.add(name);
                missing |= titles.stream().noneMatch(t -> t.has(List.of(name)));
                continue;
            }
            if (missing) {
                found.add(String.join(" ", run));
            }
            run.clear();
            missing = false;
        }
        return List.copyOf(found);
    }

    private record Title(DocumentSummary doc, List<String> words) {

        boolean has(List<String> alternatives) {
            return count(alternatives) > 0;
        }

        /** How many of the title's words are one of the alternatives. */
        long count(List<String> alternatives) {
            return words.stream()
                    .filter(w -> alternatives.stream().anyMatch(a -> Words.same(w, a)))
                    .count();
        }
    }

    private WineNames() {}

    /** The distinctive words of a wine title: no vintage, no generic words. */
    static List<String> distinctiveWords(String title) {
        return Words.of(title).stream()
                .filter(w -> !Words.isNumber(w) && !GENERIC.contains(w))
                .toList();
    }

    /**
     * The wines of an exact match with the pages naming one of them in fewer words of the same vintage ("2023 Meadow
     * Rosé" beside a matched "2023 Meadow Rosé Test", as a follow-up carries a cited title): the same wine, which a
     * price or notes answer then merges under its shorter name.
     *
     * @return the match itself when it is not exact or no such page exists
     */
    static Match withShorterNames(Match match, List<DocumentSummary> pages) {
        if (!match.exact()) {
            return match;
        }
        List<DocumentSummary> wines = new ArrayList<>(match.wines());
        for (DocumentSummary page : pages) {
            List<String> words = distinctiveWords(page.title());
            if (wines.contains(page) || words.size() < 2) {
                continue;
            }
            boolean shorter = match.wines().stream()
                    .anyMatch(m -> vintages(m.title()).equals(vintages(page.title()))
                            && distinctiveWords(m.title()).size() > words.size()
                            && distinctiveWords(m.title()).containsAll(words));
            if (shorter) {
                wines.add(page);
            }
        }
        return wines.size() == match.wines().size()
                ? match
                : new Match(wines, true, match.namesOnly(), match.lacking());
    }

    private static List<String> vintages(String title) {
        return Words.of(title).stream().filter(Words::isNumber).toList();
    }

    /** Resolves the wines a query names among the given wine pages. */
    static Match resolve(String query, List<DocumentSummary> pages) {
        return resolve(query, query, pages);
    }

    /** Words joining the wines a comparison names ("the farmhouse and the reserve", "x vs y", "x compared to y"). */
    private static final Pattern BETWEEN =
            Pattern.compile("\\b(?:and|vs|versus|or|with|to|against|y|o|et|ou|contra)\\b|,");

    /**
     * The wines a comparison names one by one ("the farmhouse and reserve cab franc", "the meadow rosé vs the seasons
     * rosé"): each part between joining words resolved on its own, and a part naming several wines read again with
     * the grape varieties of the last part ("farmhouse" as the Farmhouse Cabernet Franc).
     *
     * @param normalizedFocus the visitor's words of this turn, folded
     * @return the wines in the order named, each wine's pages together; empty when a part names no wine exactly
     */
    static List<DocumentSummary> eachNamed(String normalizedFocus, List<DocumentSummary> pages) {
        List<String> parts = BETWEEN.splitAsStream(normalizedFocus)
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .toList();
        if (parts.size() < 2) {
            return List.of();
        }
        String varieties = String.join(
                " ",
                Words.of(parts.getLast()).stream().filter(WineNames::variety).toList());
        List<DocumentSummary> named = new ArrayList<>();
        for (String part : parts) {
            Match match = resolve(part, pages);
            if ((!match.exact() || match.wines().size() > 1) && !varieties.isEmpty()) {
                Match narrowed = resolve(part + " " + varieties, pages);
                match = narrowed.exact() ? narrowed : match;
            }
            if (!match.exact()) {
                return List.of();
            }
            match.wines().stream().filter(w -> !named.contains(w)).forEach(named::add);
        }
        return named;
    }

    /**
     * Resolves the wines a query names; a word the visitor's own words say twice must be in the name twice ("blanc de
     * blanc"), a word repeated only by what a follow-up carried need not.
     *
     * @param focus the visitor's own words of a follow-up (the query itself for a question that stands alone)
     */
    static Match resolve(String query, String focus, List<DocumentSummary> pages) {
        List<String> said = Words.of(focus);
        List<Title> titles = pages.stream()
                .map(d -> new Title(d, distinctiveWords(d.title())))
                .filter(t -> !t.words().isEmpty())
                .toList();
        List<List<String>> concepts = new ArrayList<>();
        List<String> conceptWords = new ArrayList<>(); // the query word of each concept
        List<String> vintages = new ArrayList<>();
        boolean namesOnly = true;
        for (String word : Words.of(query)) {
            if (Words.isNumber(word)) {
                vintages.add(word);
                continue;
            }
            if (Words.FILLER.contains(word) || GENERIC.contains(word)) {
                continue;
            }
            List<String> alternatives = ALIASES.getOrDefault(word, List.of(word));
            if (titles.stream().anyMatch(t -> t.has(alternatives))) {
                concepts.add(alternatives);
                conceptWords.add(word);
            } else if (said.contains(word)) {
                // only the visitor's own words say what is asked: "how much is it?" after "is it oaked?" asks a price
                namesOnly = false;
            }
        }
        List<String> lacking = lacking(focus, titles);
        if (!lacking.isEmpty()) {
            return new Match(List.of(), false, false, lacking);
        }
        if (concepts.isEmpty()) {
            return Match.NONE;
        }
        // A word said twice is in the name twice ("blanc de blanc" is not the Seyval Blanc).
        List<Title> exact = titles.stream()
                .filter(t -> java.util.stream.IntStream.range(0, concepts.size())
                        .allMatch(i -> t.count(concepts.get(i))
                                >= Math.max(1, java.util.Collections.frequency(said, conceptWords.get(i)))))
                .toList();
        if (!exact.isEmpty()) {
            return new Match(rank(ofVintage(exact, vintages), concepts.size()), true, namesOnly);
        }
        int best = titles.stream().mapToInt(t -> hits(t, concepts)).max().orElse(0);
        if (best < MIN_PARTIAL_HITS) {
            return Match.NONE;
        }
        List<Title> closest =
                titles.stream().filter(t -> hits(t, concepts) == best).toList();
        return new Match(rank(ofVintage(closest, vintages), best), false, false);
    }

    private static int hits(Title title, List<List<String>> concepts) {
        return (int) concepts.stream().filter(title::has).count();
    }

    /** Keeps the titles of a vintage the query names, when any title has it. */
    private static List<Title> ofVintage(List<Title> titles, List<String> vintages) {
        List<Title> kept = titles.stream()
                .filter(t -> vintages.stream()
                        .anyMatch(v -> Words.of(t.doc().title()).contains(v)))
                .toList();
        return kept.isEmpty() ? titles : kept;
    }

    /** Best first: the larger the share of a title the query matched, the better; then by title. */
    private static List<DocumentSummary> rank(List<Title> titles, int matched) {
        return titles.stream()
                .sorted(Comparator.<Title>comparingDouble(
                                t -> -(double) matched / t.words().size())
                        .thenComparing(t -> t.doc().title()))
                .map(Title::doc)
                .toList();
    }
}

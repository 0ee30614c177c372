package io.cellardoor.plugins.merchandise;

import io.cellardoor.plugin.api.DocumentSummary;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Resolves product and dish names ("the tweed cap", "crispy tofu bao bun") against the shop
 * pages' titles: every query word found in some title must be in a matching title; the fewer extra title
 * words, the better the match. A word that only qualifies several titles ("wine" of "Wine Opener" and "Wine Glass")
 * names none of them.
 */
final class ProductNames {

    /** Function words, price words and casual filler that never name a product. */
    private static final Set<String> FILLER = Set.of("""
            a an the is are of for on in at to and or with your you u do does have has got i me my we our can could
            would get please pls tell it its s this that these those there any some what whats which how much many
            one ones sell buy price prices priced pricing cost costs dollars charge pay prix combien cuanto cuesta
            precio el la le de un una une des du los las unos unas still now hey hi just like kind kinds type types
            sort sorts other anything something else
            """.split("\\s+"));

    /**
     * The products a query names.
     *
     * @param products matching pages, best first; when {@code single}, only the pages of that one product
     * @param single the query names one product: one name matches, or the query spells out (in two or more
     *     words) the whole name of exactly one of the matches ("cheese plate" among "cheese & charcuterie plate")
     * @param namesOnly the query holds nothing but product-name words and filler (a pure price question)
     */
    record Match(List<DocumentSummary> products, boolean single, boolean namesOnly) {

        static final Match NONE = new Match(List.of(), false, false);
    }

    /**
     * What the shop has of one thing asked about.
     *
     * @param products the pages, best first
     * @param whole every word of the thing is in their titles ("gift baskets"), not only some ("vegan cheese")
     */
    record Offer(List<DocumentSummary> products, boolean whole) {}

    /** Where an item's name ends and what it is for, comes with or holds begins. */
    private static final Pattern HEAD_END = Pattern.compile("\\s(?:for|with|to go|of)(?:\\s|$)|[(\\[]");

    /** Distinct titles a word must qualify, ending none of them, to be taken for a purpose, not a name. */
    private static final int QUALIFIER_TITLES = 3;

    /** A title matching only some of the query's product words needs this many of them to count. */
    private static final int MIN_PARTIAL_HITS = 2;

    private record Title(DocumentSummary doc, List<String> words) {

        boolean has(String word) {
            return words.stream().anyMatch(w -> same(w, word));
        }
    }

    /** Pages with their titles' words read once, for several {@link #offered} calls of one question. */
    record Shelf(List<Title> titles) {

        static Shelf of(List<DocumentSummary> pages) {
            return new Shelf(pages.stream()
                    .map(d -> new Title(d, words(d.title())))
                    .filter(t -> !t.words().isEmpty())
                    .toList());
        }
    }

    private ProductNames() {}

    /** Resolves the products a query names among the given shop pages. */
    static Match resolve(String query, List<DocumentSummary> pages) {
        List<Title> titles = pages.stream()
                .map(d -> new Title(d, words(d.title())))
                .filter(t -> !t.words().isEmpty())
                .toList();
        List<String> asked = new ArrayList<>();
        List<String> qualifiers = new ArrayList<>();
        boolean namesOnly = true;
        for (String word : words(query)) {
            if (titles.stream().noneMatch(t -> t.has(word))) {
                namesOnly = false;
            } else if (!qualifierOnly(word, titles)) {
                asked.add(word);
            } else {
                qualifiers.add(word);
            }
        }
        if (asked.isEmpty()) {
            return Match.NONE;
        }
        // "Gift card": "gift" qualifies several items and names none, yet a title without it matches only when a card
        // is what the item is ("Credit Card Processing Fee" is a fee, not a gift card).
        List<Title> named = titles.stream()
                .filter(t ->
                        qualifiers.stream().allMatch(t::has) || asked.stream().anyMatch(w -> same(head(t), w)))
                .toList();
        List<Title> exact =
                named.stream().filter(t -> asked.stream().allMatch(t::has)).toList();
        if (exact.stream().map(Title::words).distinct().count() == 1) {
            return new Match(rank(exact), true, namesOnly);
        }
        List<Title> spelledOut =
                exact.stream().filter(t -> t.words().size() == asked.size()).toList();
        if (asked.size() >= 2
                && spelledOut.stream().map(Title::words).distinct().count() == 1) {
            return new Match(rank(spelledOut), true, namesOnly);
        }
        if (!exact.isEmpty()) {
            return new Match(rank(exact), false, namesOnly);
        }
        int best = named.stream().mapToInt(t -> hits(t, asked)).max().orElse(0);
        return best < MIN_PARTIAL_HITS
                ? Match.NONE
                : new Match(
                        rank(named.stream().filter(t -> hits(t, asked) == best).toList()), false, false);
    }

    /**
     * The pages one thing asked about in a "do you have ...?" question names: those whose titles hold every word of
     * the thing that some title holds, so "wine glasses" is the wine glass and not the cider glass, and "gift cards"
     * (no title holds both words) is nothing. A visitor word with page words ("corkscrew" for "opener", "dessert" for
     * "chocolate", "cookies", "mousse") stands for any of them, and itself, that some title holds.
     *
     * @param thing the phrase asked about, e.g. "wine glasses"
     * @param shelf the pages to look among ({@link Shelf#of})
     * @param synonyms visitor word to page words, as {@link MerchandiseVocabulary#SYNONYMS}
     * @param elsewhere names of what other domains answer ("wine"), which alone name no item here
     * @return empty when no title holds a word of the thing, or every word titles hold names another domain, or more
     *     of its words are in no title than in one
     */
    static Optional<Offer> offered(
            String thing, Shelf shelf, Map<String, List<String>> synonyms, List<String> elsewhere) {
        List<Title> titles = shelf.titles();
        // each word of the thing as the titles spell it: the word itself and its page words, any of which an item holds
        // ("dessert" is a chocolate, a cookie or a mousse)
        List<List<String>> named = new ArrayList<>();
        int unknown = 0;
        for (String word : words(thing)) {
            if (word.chars().allMatch(Character::isDigit)) {
                continue; // a number is a quantity or a price, not a name
            }
            List<String> titled = Stream.concat(Stream.of(word), pageWords(word, synonyms).stream())
                    .filter(w -> titles.stream().anyMatch(t -> t.has(w)))
                    .distinct()
                    .toList();
            if (!titled.isEmpty()) {
                named.add(titled);
            } else {
                unknown++;
            }
        }
        if (named.stream()
                        .flatMap(List::stream)
                        .allMatch(w -> elsewhere.stream().anyMatch(d -> same(d, w)))
                || unknown > named.size()) {
            return Optional.empty(); // "vegan wines" are another plugin's, whatever accessories say "wine"
        }
        List<Title> holding = titles.stream()
                .filter(t -> named.stream().allMatch(any -> any.stream().anyMatch(t::has)))
                .toList();
        // What a title ends with is what the item is: "Blueberry Lemon Chocolate" is a chocolate, "Chocolate Mousse" a
        // mousse; items that are the thing asked about come first.
        List<DocumentSummary> ranked = holding.stream()
                .sorted(Comparator.comparing((Title t) ->
                                named.stream().flatMap(List::stream).noneMatch(w -> same(head(t), w)))
                        .thenComparing(BY_LENGTH))
                .map(Title::doc)
                .toList();
        return ranked.isEmpty() ? Optional.empty() : Optional.of(new Offer(ranked, unknown == 0));
    }

    /**
     * Each word of a thing as the items' titles spell it, singular or plural ("caps" is "cap" beside "Linen Cap"); a
     * word no title holds stays as asked.
     */
    static String asTitled(String thing, List<DocumentSummary> items) {
        List<String> titled =
                items.stream().flatMap(d -> words(d.title()).stream()).toList();
        return words(thing).stream()
                .map(w -> titled.stream().filter(t -> same(t, w)).findFirst().orElse(w))
                .collect(Collectors.joining(" "));
    }

    /**
     * The items that are the thing ("Herbed Goat Cheese" for "cheese"), not only named after it ("Extra Bread for
     * Cheese"): those whose {@link #head} is one of the thing's words, singular or plural; all of them when none is.
     */
    static List<DocumentSummary> beingThe(String thing, List<DocumentSummary> items) {
        List<String> asked = words(thing);
        List<DocumentSummary> being = items.stream()
                .filter(d -> {
                    Title t = new Title(d, words(d.title()));
                    return !t.words().isEmpty() && asked.stream().anyMatch(w -> same(head(t), w));
                })
                .toList();
        return being.isEmpty() ? items : being;
    }

    /**
     * The word saying what an item is: the last of its title before what it is for or comes with ("Extra Bread for
     * Cheese" is bread, "Goat Cheese To Go" cheese, "Coasters [ Set of 2 ]" coasters).
     */
    private static String head(Title title) {
        String name = HEAD_END.split(title.doc().title().toLowerCase(Locale.ROOT), 2)[0];
        List<String> words = words(name);
        return words.isEmpty() ? title.words().getLast() : words.getLast();
    }

    /** The page words a visitor word stands for, looked up as typed and, for a plural, in the singular. */
    private static List<String> pageWords(String word, Map<String, List<String>> synonyms) {
        List<String> pageWords = synonyms.get(word);
        if (pageWords == null && word.endsWith("s")) {
            pageWords = synonyms.get(word.substring(0, word.length() - 1));
        }
        return pageWords == null ? List.of() : pageWords;
    }

    /** Words of a text without filler: lower-cased, accent-free. */
    static List<String> words(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty() && !FILLER.contains(w))
                .toList();
    }

    /**
     * Whether a word only qualifies what several products are ("wine" in "Wine Opener", "Wine Glass" and "Wine Club
     * Dinner"): it is in at least {@value #QUALIFIER_TITLES} distinct titles and ends none of them. Such a word says
     * what the products are for, not which product is meant; a qualifier of one or two titles ("tweed", "bao") still
     * names them.
     */
    private static boolean qualifierOnly(String word, List<Title> titles) {
        List<Title> with = titles.stream().filter(t -> t.has(word)).toList();
        return with.stream().map(Title::words).distinct().count() >= QUALIFIER_TITLES
                && with.stream().noneMatch(t -> same(t.words().getLast(), word));
    }

    private static int hits(Title title, List<String> asked) {
        return (int) asked.stream().filter(title::has).count();
    }

    /** Shorter titles first (the fewer words beyond those asked, the closer the match), then alphabetically. */
    private static final Comparator<Title> BY_LENGTH = Comparator.<Title>comparingInt(
                    t -> t.words().size())
            .thenComparing(t -> t.doc().title());

    private static List<DocumentSummary> rank(List<Title> titles) {
        return titles.stream().sorted(BY_LENGTH).map(Title::doc).toList();
    }

    private static boolean same(String a, String b) {
        return a.equals(b) || pluralOf(a, b) || pluralOf(b, a);
    }

    private static boolean pluralOf(String one, String many) {
        return many.equals(one + "s")
                || many.equals(one + "es")
                || one.endsWith("y") && many.equals(one.substring(0, one.length() - 1) + "ies");
    }
}

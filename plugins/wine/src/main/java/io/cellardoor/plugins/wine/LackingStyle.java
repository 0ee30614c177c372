package io.cellardoor.plugins.wine;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.PluginContext;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Do you have a dessert wine?", "do you make port?", "¿tienen vino de hielo?" when no wine page mentions that kind of
 * wine: says so, then lists every wine with its price (the wine list is what the winery does make). Nothing when a wine
 * page, or a passage of the turn on another page, mentions it: the passages answer then. Answering from the nearest
 * passages instead quoted the sparkling wine's making for a dessert wine and an ice bucket's price for an ice wine.
 */
final class LackingStyle {

    /**
     * A kind of wine no colour or grape names, as a question asks for it (English, Spanish, French) and as a page would
     * mention it.
     *
     * @param name how the answer calls it ("dessert wine")
     * @param asked the question's words for it (folded: lower case, no accents)
     * @param mentioned the folded words a page mentioning it holds in a row
     */
    record Kind(String name, Pattern asked, List<String> mentioned) {

        Kind(String name, String asked, String mentioned) {
            this(name, Pattern.compile("\\b(" + asked + ")\\b"), Words.of(mentioned));
        }
    }

    /** The kinds this plugin can tell are missing: each names a wine, not a taste ("sweet") or a farming ("organic"). */
    static final List<Kind> KINDS = List.of(
            new Kind("dessert wine", "dessert wines?|vinos? de postre|vins? de dessert", "dessert wine"),
            new Kind(
                    "orange wine", "orange wines?|skin[- ]contact wines?|vinos? naranjas?|vins? orange", "orange wine"),
            new Kind("ice wine", "ice ?wines?|eiswein|vinos? de hielo|vins? de glace", "ice wine"),
            new Kind("late-harvest wine", "late[- ]harvest|vendanges? tardives?|cosecha tardia", "late harvest"),
            new Kind("fortified wine", "fortified wines?|vinos? fortificados?|vins? mutes?", "fortified"),
            new Kind("fruit wine", "fruit wines?|vinos? de frutas?|vins? de fruits?", "fruit wine"),
            new Kind("port", "port|porto|oporto", "port"),
            new Kind("sherry", "sherry|jerez|xeres", "sherry"),
            new Kind("Madeira", "madeira", "madeira"));

    private LackingStyle() {}

    /** The kinds of wine a folded question asks about, in {@link #KINDS}' order; empty when it asks about none. */
    static List<Kind> asked(String folded) {
        return KINDS.stream().filter(k -> k.asked().matcher(folded).find()).toList();
    }

    /**
     * The answer when no page mentions any of the kinds asked about.
     *
     * @param kinds the kinds the question asks about, at least one
     * @return empty when a page mentions one, a wine page cannot be read, or there is no wine to list
     */
    static Optional<DirectAnswer> answer(List<Kind> kinds, PluginContext context) {
        if (WineCatalog.offTheWinePages(context, words -> kinds.stream().anyMatch(k -> holds(words, k.mentioned())))) {
            return Optional.empty();
        }
        Optional<List<WineCatalog.Read>> pages = WineCatalog.readAll(context);
        if (pages.isEmpty()
                || pages.get().stream()
                        .map(r -> Words.of(
                                r.summary().title() + " " + r.document().text()))
                        .anyMatch(words -> kinds.stream().anyMatch(k -> holds(words, k.mentioned())))) {
            return Optional.empty(); // a wine page mentions it: its passages answer
        }
        List<WineHandler.PricedWine> wines = WineCatalog.distinct(pages.get().stream()
                .map(r -> new WineCatalog.Wine(
                        r.summary(), WineHandler.price(r.document().text()))));
        if (wines.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = kinds.stream().map(Kind::name).toList();
        String named = names.size() == 1
                ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
        return Optional.of(WineCatalog.listed("We have no " + named + " among our wines. Our wines:", wines));
    }

    /** Whether the words hold the run in a row, each word up to a plural ending ("dessert wines"). */
    private static boolean holds(List<String> words, List<String> run) {
        for (int i = 0; i + run.size() <= words.size(); i++) {
            int at = i;
            if (java.util.stream.IntStream.range(0, run.size())
                    .allMatch(j -> Words.same(words.get(at + j), run.get(j)))) {
                return true;
            }
        }
        return false;
    }
}

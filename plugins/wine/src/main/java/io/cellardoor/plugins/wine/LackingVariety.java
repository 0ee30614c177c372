package io.cellardoor.plugins.wine;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.PluginContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Do you have a Riesling?", "what does the sauvignon blanc taste like?" when no wine's title names that grape
 * ({@link WineNames.Match#lacking()}): says so, then names the wines whose pages mention the grape (a blend holding it),
 * else the wines of its colour, else all wines, each with its price; nothing when a passage of the turn on another
 * page names the grape (the wine pages may not be the whole list). Answering from the neighbouring names instead quoted
 * another wine as if it were the one asked about (the Seyval Blanc for a Sauvignon Blanc).
 */
final class LackingVariety {

    /** Wines named at most, in each sentence. */
    static final int MAX_NAMED = 6;

    private LackingVariety() {}

    /**
     * The answer for the varieties the question names and no wine's title holds.
     *
     * @param lacking the varieties, folded words ("sauvignon blanc"), at least one
     * @return empty when the wine pages cannot be read or there is no wine to name
     */
    static Optional<DirectAnswer> answer(List<String> lacking, PluginContext context) {
        if (WineCatalog.offTheWinePages(
                context,
                words -> lacking.stream().anyMatch(v -> Collections.indexOfSubList(words, Words.of(v)) >= 0))) {
            return Optional.empty(); // another page names it (a wine sold from it, say): its passages answer
        }
        Optional<List<WineCatalog.Read>> pages = WineCatalog.readAll(context);
        if (pages.isEmpty()) {
            return Optional.empty();
        }
        List<Page> read = pages.get().stream()
                .map(r -> new Page(
                        new WineCatalog.Wine(
                                r.summary(), WineHandler.price(r.document().text())),
                        Words.of(r.document().text())))
                .toList();
        List<String> sentences = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (String variety : lacking) {
            String name = displayed(variety);
            List<String> grape = Words.of(variety);
            List<Page> holding = read.stream()
                    .filter(p -> Collections.indexOfSubList(p.words(), grape) >= 0)
                    .toList();
            if (!holding.isEmpty()) {
                sentences.add("We have no " + name + " on its own; it is part of " + named(holding, sources) + ".");
                continue;
            }
            Optional<WineCatalog.Style> colour = colourOf(variety);
            List<Page> others = read.stream()
                    .filter(p -> colour.isEmpty()
                            || colour.get()
                                    .title
                                    .matcher(p.wine().page().title())
                                    .find())
                    .toList();
            if (others.isEmpty()) {
                others = read;
            }
            if (others.isEmpty()) {
                return Optional.empty();
            }
            sentences.add("We have no " + name + " among our wines. Our "
                    + colour.map(c -> c.name + " ").orElse("") + "wines are " + named(others, sources) + ".");
        }
        return Optional.of(new DirectAnswer(String.join(" ", sentences), List.copyOf(sources), 0.85));
    }

    /**
     * The colour a variety's name says, as the wine list tells a title's ("pinot noir" is red, "sauvignon blanc"
     * white): empty when it says none ("moscato") or both.
     */
    private static Optional<WineCatalog.Style> colourOf(String variety) {
        List<WineCatalog.Style> said = java.util.stream.Stream.of(WineCatalog.Style.RED, WineCatalog.Style.WHITE)
                .filter(s -> s.title.matcher(variety).find())
                .toList();
        return said.size() == 1 ? Optional.of(said.getFirst()) : Optional.empty();
    }

    /** A wine page as the wine list reads it, and its folded words. */
    private record Page(WineCatalog.Wine wine, List<String> words) {}

    /** "the 2022 Vincenza Reserve BDX Blend ($45.00) and the ..." (merged like a price answer), adding the sources. */
    private static String named(List<Page> pages, Set<String> sources) {
        List<WineHandler.PricedWine> wines = WineCatalog.distinct(pages.stream().map(Page::wine));
        List<String> parts = new ArrayList<>();
        for (WineHandler.PricedWine w : wines.subList(0, Math.min(MAX_NAMED, wines.size()))) {
            parts.add("the " + w.title() + (w.price().isEmpty() ? "" : " (" + w.price() + ")"));
            sources.addAll(w.paths());
        }
        return Words.joined(parts);
    }

    /** "sauvignon blanc" -> "Sauvignon Blanc". */
    static String displayed(String variety) {
        StringBuilder sb = new StringBuilder();
        for (String w : variety.split(" ")) {
            sb.append(sb.isEmpty() ? "" : " ")
                    .append(Character.toUpperCase(w.charAt(0)))
                    .append(w.substring(1));
        }
        return sb.toString();
    }
}

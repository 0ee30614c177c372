package io.cellardoor.plugins.wine;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.PluginContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers which grapes a named wine is made from ("what grapes are in the right bank brut?", "¿qué uvas lleva el
 * vincenza?", "quels cépages dans le rosé ?") from that wine's own page: its sentences naming a grape variety, at most
 * three, in page order. The passages of a question about a wine's grapes are otherwise its price and product lines,
 * which share the wine's name but not the question's other words.
 */
final class GrapeVarieties {

    private static final int MAX_SENTENCES = 3;

    /** Words asking what a wine is made from, on the folded text (accents removed). */
    private static final Pattern ASKED = Pattern.compile("\\b(grapes?|varietals?|variet(y|ies)|blend(ed)? of"
            + "|made (from|with|of)|composition|uvas?|variedad(es)?|cepages?|raisins?)\\b");

    /** Words that make a question about something else even when it names grapes ("how much is the blend?"). */
    private static final Pattern OTHER =
            Pattern.compile("\\b(how much|prices?|costs?|pair\\w*|go(es)? (well |best |good )?with|tastes? like"
                    + "|precio|prix|combien|cuanto)\\b");

    /**
     * Variety words that name a grape only beside another ("Cabernet Franc", "Pinot Noir", "Seyval Blanc"), or a
     * region ("Bordeaux"): alone they do not make a sentence about grapes ("Blanc de Blanc", "Bordeaux, France").
     */
    private static final Set<String> PARTNERED = Set.of("franc", "blanc", "noir", "gris", "bordeaux", "bdx");

    private GrapeVarieties() {}

    /** Whether the visitor's words of this turn (folded) ask what a wine is made from, and nothing else about it. */
    static boolean asked(String normalizedFocus) {
        return ASKED.matcher(normalizedFocus).find()
                && !OTHER.matcher(normalizedFocus).find();
    }

    /**
     * The grapes of each named wine ({@link WineHandler#read}), a paragraph each; wines
     * whose pages name no grape in a sentence are left out.
     *
     * @param wines the wines the question names; more than {@link TastingNotes#MAX_WINES} after merging gives empty
     * @return empty when no page can be read or none names a grape
     */
    static Optional<DirectAnswer> answer(List<DocumentSummary> wines, PluginContext context) {
        Optional<List<WineHandler.ReadWine>> read = WineHandler.readFew(wines, context);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        List<String> paragraphs = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (WineHandler.ReadWine named : read.get()) {
            WineHandler.Found found = named.firstSaying(GrapeVarieties::of);
            if (!found.said().isEmpty()) {
                paragraphs.add("From our page for the " + named.wine().title() + ": " + found.quoted());
                sources.add(found.page().path());
            }
        }
        return paragraphs.isEmpty()
                ? Optional.empty()
                : Optional.of(new DirectAnswer(String.join("\n\n", paragraphs), List.copyOf(sources), 0.85));
    }

    /**
     * The sentences of a page (plain text; headings skipped, bullets read without their marker and emphasis) that name
     * a grape variety, at most {@value #MAX_SENTENCES}, in page order.
     */
    static List<String> of(String pageText) {
        List<String> found = new ArrayList<>();
        for (String line : pageText.lines().map(String::strip).toList()) {
            if (line.startsWith("#")) {
                continue;
            }
            String text = line.replaceFirst("^[-*]\\s*", "").replace("**", "");
            for (String sentence : TastingNotes.sentences(text)) {
                if (namesGrape(sentence) && found.size() < MAX_SENTENCES) {
                    found.add(sentence);
                }
            }
        }
        return found;
    }

    private static boolean namesGrape(String sentence) {
        return Words.of(sentence).stream().anyMatch(w -> WineNames.variety(w) && !PARTNERED.contains(w));
    }
}

package io.cellardoor.plugins.wine;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.KnowledgeDocument;
import io.cellardoor.plugin.api.PluginContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers what a named wine tastes like ("what does the reserve cab franc taste like?", "describe the rosé", "¿a qué
 * sabe el chardonnay?", "is the rosé dry?") from that wine's own page: the sentences under its "Tasting notes" label, else the sentences of
 * its page about aroma, palate and finish. A wine whose page says nothing in sentences is said to have no notes, with
 * its price, instead of another wine's notes being quoted for it (the passages of a named wine without a description are otherwise the
 * neighbouring wines').
 */
final class TastingNotes {

    /** The most wines one answer gives notes for ("the cabernet franc" may name two). */
    static final int MAX_WINES = 3;

    private static final int MAX_SENTENCES = 4;

    /** A comparison is read from the pages as the notes are, but sets two wines' notes beside each other. */
    private static final double COMPARISON_CONFIDENCE = 0.85;

    /**
     * Words of a wine's style that a yes-or-no question ends with ("is the rosé dry?", "is it sweet or dry?"): its notes
     * answer it. At the end, so that "is it dry farmed?" is not one.
     */
    private static final String STYLE = "sweet|dry|fruity|tannic|acidic|oaky|jammy|buttery|earthy|bold|smooth|crisp"
            + "|(full|light|medium)[- ]?bodied";

    /** Words asking how a wine tastes or smells, on the folded text (accents removed). */
    private static final Pattern ASKED = Pattern.compile(
            "\\b(tastes? like|smells? like|(what|how) (does|do|did|would|will)"
                    + "\\b[^?]{0,60}\\b(taste|smell)|flavou?rs?|flavou?r profile|aromas?|bouquet|on the nose|palate|tasting notes"
                    + "|a que sabe|sabor(es)?|notas de cata|describ\\w+|quel gout|gouts?|saveurs?|aromes?"
                    + "|notes de degustation|decri\\w+"
                    + "|(is|are|was)\\b[^?]{0,60}\\b(" + STYLE + ")(?=$| or | and )|how (" + STYLE + ")"
                    + "|(es|son) (muy )?(dulces?|secos?|afrutados?)|(est|sont)[- ](il|elle|ils|elles) (doux|secs?|fruites?))\\b");

    /** Words that make a question about something else even when it names a taste ("flavors that go with ..."). */
    private static final Pattern OTHER = Pattern.compile("\\b(pair\\w*|go(es)? (well |best |good )?with|match\\w* with"
            + "|how much|prices?|costs?|grapes?|blend(ed)? (of|with)|made (from|with)|maridaje|precio|prix)\\b");

    /**
     * A line that labels the tasting notes of a page ("TASTING NOTES", "## Tasting Notes", "Tasting notes: plum,
     * graphite"), the notes that follow on the same line in group 1.
     */
    private static final Pattern LABEL = Pattern.compile("(?i)^\\W*tasting notes\\W*?(?:[:\\-–]\\s*(.*))?$");

    /** A page's placeholder for a missing description ("No description available."). */
    private static final Pattern PLACEHOLDER =
            Pattern.compile("(?i)^no (\\w+ ){0,2}(description|details?) available\\W*$");

    /** A line that labels another part of a page ("Pairing Recommendation:", "Accolades", "## Quick Overview"). */
    private static final Pattern OTHER_LABEL = Pattern.compile("^(#.*|\\W*\\p{L}[\\p{L} ]{0,30}\\W*)$");

    /** Words of a sentence describing a wine's taste. */
    private static final Pattern SENSORY = Pattern.compile("(?i)\\b(aroma\\w*|bouquet|nose|palate|notes? of|flavou?rs?"
            + "|finish\\w*|tannins?|acidity|sips?|bod(y|ied)|hints? of|opens with|nuances?|crisp)\\b");

    private static final Pattern PAIRING_SENTENCE =
            Pattern.compile("(?i)\\b(pair\\w*|enjoy\\w* (it|our \\w+) with)\\b", Pattern.UNICODE_CHARACTER_CLASS);

    /** A label in capitals run into the sentence after it on one line ("TASTING NOTES Admire ...", "WINE NOTES ..."). */
    private static final Pattern RUN_IN_LABEL = Pattern.compile("^(?:TASTING NOTES|WINE NOTES)\\W*\\s+(?=\\p{Lu})");

    /** A sentence: up to a full stop, "!" or "?" before a space or the end. */
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");

    private TastingNotes() {}

    /** Whether the visitor's words of this turn (folded) ask how a wine tastes, and nothing else about it. */
    static boolean asked(String normalizedFocus) {
        return ASKED.matcher(normalizedFocus).find()
                && !OTHER.matcher(normalizedFocus).find();
    }

    /**
     * The notes of each named wine, merged by name and price like a price answer (a draft page beside the real one is
     * one wine); empty when no page can be read.
     *
     * @param wines the wines the question names, at most {@link #MAX_WINES} after merging, else empty
     */
    static Optional<DirectAnswer> answer(List<DocumentSummary> wines, PluginContext context) {
        Optional<List<Noted>> noted = WineHandler.readFew(wines, context).flatMap(TastingNotes::noted);
        if (noted.isEmpty()) {
            return Optional.empty();
        }
        List<String> paragraphs = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        boolean anyNotes = false;
        for (Noted named : noted.get()) {
            List<String> notes = named.found().said();
            sources.add(named.found().page().path());
            anyNotes |= !notes.isEmpty();
            paragraphs.add(
                    notes.isEmpty()
                            ? named.wine().pageLacks("gives no tasting notes yet")
                            : "Tasting notes for the " + named.wine().title() + ": "
                                    + named.found().quoted());
        }
        return Optional.of(
                new DirectAnswer(String.join("\n\n", paragraphs), List.copyOf(sources), anyNotes ? 0.9 : 0.6));
    }

    /** A named wine with the first of its pages' tasting notes (none when no page gives any). */
    private record Noted(WineHandler.PricedWine wine, WineHandler.Found found) {}

    /**
     * Each wine with its notes, in order; empty when a wine without notes is described in words this reader does not
     * know (its passages answer then).
     */
    private static Optional<List<Noted>> noted(List<WineHandler.ReadWine> wines) {
        List<Noted> noted = new ArrayList<>();
        for (WineHandler.ReadWine named : wines) {
            WineHandler.Found found = named.firstSaying(TastingNotes::of);
            if (found.said().isEmpty() && named.pages().stream().anyMatch(p -> hasProse(p.text()))) {
                return Optional.empty();
            }
            noted.add(new Noted(named.wine(), found));
        }
        return Optional.of(noted);
    }

    /**
     * Words asking how wines differ or which to choose ("what's the difference between the farmhouse and reserve cab
     * franc?", "compare the two chardonnays", "farmhouse vs reserve", "¿cuál es la diferencia ...?", "quelle est la
     * différence ...?"), on the folded text.
     */
    private static final Pattern COMPARED = Pattern.compile("\\b(differen\\w*|diferen\\w*|differ|compar\\w*|vs|versus"
            + "|which (one )?(is|would be|should i|do you) (better|recommend|choose|pick|get))\\b");

    /** Whether the visitor's words of this turn (folded) ask how the wines they name differ. */
    static boolean comparison(String normalizedFocus) {
        return COMPARED.matcher(normalizedFocus).find()
                && !OTHER.matcher(normalizedFocus).find();
    }

    /**
     * Two or three named wines side by side: each with its price and its tasting notes ("- **2022 Farmhouse Cabernet
     * Franc** ($32.00): ..."), or that its page gives none, merged by name and price as a price answer merges them.
     *
     * @return empty for fewer than two wines after merging, more than {@link #MAX_WINES}, a page that cannot be read,
     *     or a page describing its wine in words this reader does not know (the passages answer)
     */
    static Optional<DirectAnswer> compared(List<DocumentSummary> wines, PluginContext context) {
        Optional<List<Noted>> noted = WineHandler.readFew(wines, context)
                .filter(read -> read.size() >= 2)
                .flatMap(TastingNotes::noted);
        if (noted.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (Noted named : noted.get()) {
            sources.add(named.found().page().path());
            String price =
                    named.wine().price().isEmpty() ? "" : " (" + named.wine().price() + ")";
            lines.add("- **" + named.wine().title() + "**" + price + ": "
                    + (named.found().said().isEmpty()
                            ? "its page gives no tasting notes yet."
                            : named.found().quoted()));
        }
        return Optional.of(new DirectAnswer(
                "Side by side:\n" + String.join("\n", lines), List.copyOf(sources), COMPARISON_CONFIDENCE));
    }

    /**
     * Words asking about a wine as a whole ("tell me about the blanc de blanc", "what is the four seasons rosé?", "what's
     * the brut like?"), on the folded text.
     */
    private static final Pattern ABOUT = Pattern.compile("\\b(tell (me|us) (a bit |more )?about|info\\w* (on|about)"
            + "|(what|what's|whats) (is|s)? ?(the|your|this|that)\\b|know about|hablame de|parle[sz]?[- ]moi de)"
            + "|\\blike$");

    /** Whether the visitor's words of this turn (folded) ask about a wine as a whole, and nothing else about it. */
    static boolean askedAbout(String normalizedFocus) {
        return ABOUT.matcher(normalizedFocus).find()
                && !OTHER.matcher(normalizedFocus).find();
    }

    /**
     * For named wines whose pages describe nothing in sentences (a price and placeholders only): that each page gives no
     * description yet, with its price, so that no other wine's description sharing a word of the name is quoted for it.
     *
     * @return empty when a page cannot be read or any page of the wines says something in sentences (the passages
     *     answer)
     */
    static Optional<DirectAnswer> undescribed(List<DocumentSummary> wines, PluginContext context) {
        Optional<List<WineHandler.ReadWine>> read = WineHandler.readFew(wines, context);
        if (read.isEmpty()
                || read.get().stream().flatMap(w -> w.pages().stream()).anyMatch(page -> hasProse(page.text()))) {
            return Optional.empty();
        }
        List<String> paragraphs = read.get().stream()
                .map(w -> w.wine().pageLacks("gives no description yet"))
                .toList();
        List<String> sources = read.get().stream()
                .flatMap(w -> w.pages().stream().limit(1))
                .map(KnowledgeDocument::path)
                .toList();
        return Optional.of(new DirectAnswer(String.join("\n\n", paragraphs), sources, 0.6));
    }

    /**
     * The sentences of a page (plain text, headings kept) that say how its wine tastes: those under its "Tasting notes"
     * label that describe taste (all of them when none does), else any of its sentences describing taste that neither
     * recommend a pairing nor follow a pairing label; at most four, in page order.
     */
    static List<String> of(String pageText) {
        List<String> lines = pageText.lines().map(String::strip).toList();
        List<String> labelled = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher label = LABEL.matcher(lines.get(i));
            if (label.matches()) {
                if (label.group(1) != null) {
                    labelled.addAll(sentences(label.group(1)));
                }
                for (int j = i + 1; j < lines.size(); j++) {
                    String line = lines.get(j);
                    if (!line.isEmpty() && OTHER_LABEL.matcher(line).matches()) {
                        break;
                    }
                    labelled.addAll(sentences(line));
                }
                break;
            }
        }
        List<String> sensory = new ArrayList<>();
        labelled.stream().filter(TastingNotes::describesTaste).forEach(sensory::add);
        if (!sensory.isEmpty() || !labelled.isEmpty()) {
            return first(sensory.isEmpty() ? labelled : sensory);
        }
        boolean pairing = false;
        for (String line : lines) {
            if (OTHER_LABEL.matcher(line).matches()) {
                pairing = PAIRING_SENTENCE.matcher(line).find();
            }
            if (pairing || line.startsWith("#") || line.startsWith("-")) {
                continue;
            }
            sentences(line).stream().filter(TastingNotes::describesTaste).forEach(sensory::add);
        }
        return first(sensory);
    }

    /** Whether a sentence says how the wine tastes, not what to eat with it. */
    static boolean describesTaste(String sentence) {
        return SENSORY.matcher(sentence).find()
                && !PAIRING_SENTENCE.matcher(sentence).find();
    }

    /** Whether a page says anything in sentences: a line of six words or more that is no heading, bullet or placeholder. */
    static boolean hasProse(String pageText) {
        return pageText.lines()
                .map(String::strip)
                .filter(l -> !l.startsWith("#")
                        && !l.startsWith("-")
                        && !PLACEHOLDER.matcher(l).matches())
                .anyMatch(l -> l.split("\\s+").length >= 6);
    }

    /** The sentences of one line of text, stripped, none empty. */
    static List<String> sentences(String line) {
        return line.isBlank()
                ? List.of()
                : List.of(SENTENCE.split(line.strip())).stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /** A sentence with a full stop when it ends without a mark ("Bright, crisp, and fresh"). */
    static String ended(String sentence) {
        return sentence.matches("(?s).*[.!?\"”)]$") ? sentence : sentence + ".";
    }

    /** The first sentences, each without a label run into it ("TASTING NOTES Admire the hue ..." is "Admire ..."). */
    private static List<String> first(List<String> sentences) {
        return sentences.subList(0, Math.min(MAX_SENTENCES, sentences.size())).stream()
                .map(s -> RUN_IN_LABEL.matcher(s).replaceFirst(""))
                .filter(s -> !s.isBlank())
                .toList();
    }
}

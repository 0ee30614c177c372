package io.cellardoor.plugins.wine;

import io.cellardoor.plugin.api.ClassifierScore;
import io.cellardoor.plugin.api.KeywordClassifier;
import io.cellardoor.plugin.api.QueryClassifier;
import io.cellardoor.plugin.api.UserQuery;
import java.util.ArrayList;
import java.util.regex.Pattern;

/**
 * Scores wine questions: grapes and styles, vintages, tasting notes and pairings. "Wine" alone is a weak
 * signal (it appears in club, event and shop questions); questions about the estate's vineyard (what
 * is grown, soil, acreage) belong to the host's general domain and are damped.
 */
public final class WineQueryClassifier implements QueryClassifier {

    /** What ranks the wines: by price or by vintage. */
    private static final String RANKINGS = WineCatalog.MOST_WORDS + "|" + WineCatalog.LEAST_WORDS + "|"
            + WineCatalog.OLDEST_WORDS + "|" + WineCatalog.NEWEST_WORDS;

    /** The wines as a set: what a ranking by price is about. */
    private static final String WINES = "(wines?|vinos?|vins?|bottles?|reds?|whites?)";

    private static final KeywordClassifier SIGNALS = KeywordClassifier.builder()
            .rule(
                    "\\b(cabernet|cab (franc|sauv\\w*)|franc|sauvignon|merlot|pinot|chardonnay|chard|riesling|gruner"
                            + "|veltliner|seyval|syrah|shiraz|malbec|zinfandel|petit verdot|gamay|blaufrankisch|lemberger|cayuga|vidal"
                            + "|traminette|gewurztraminer|viognier|chenin|albarino|tempranillo|sangiovese|nebbiolo|grenache"
                            + "|moscato|muscat|chambourcin|baco noir|marechal foch|bdx|bordeaux|meritage)\\b",
                    0.55,
                    "grape")
            .rule("\\bcabs?\\b", 0.3, "grape")
            .rule(
                    "\\b(roses?|rosado|rosato|sparkling|bubbly|brut|champagne|prosecco|cremant|pet ?nat|blanc de blancs?"
                            + "|(dessert|ice|orange|fruit|fortified) wines?|icewine|late harvest|port|sherry|madeira)\\b",
                    0.5,
                    "style")
            .rule("\\b(reds?|whites?|tinto|blanco|rouge|blanc)\\b", 0.35, "colour")
            .rule(
                    "\\b(vintages?|varietals?|blend|blends|cuvee|vino|vinos"
                            + "|reserve(?! (a|an|the|my|our|for|tasting|table|spot|seat)\\b))\\b",
                    0.4,
                    "wine term")
            .rule("\\b(wines?|vins?)\\b(?! club)", 0.25, "wine")
            .rule(
                    "\\b(which|best|good|recommend\\w*|suggest\\w*|favou?rite) (of your |one of your )?"
                            + "(wines?|reds?|whites?|bottles?)\\b|\\bwines? (for|to bring)\\b"
                            // "what wine do you recommend for ...?", "which red would you suggest?"
                            + "|\\b(wines?|reds?|whites?|bottles?) (do|would|could|can|should) (you|u|y ?all|i|we)"
                            + " (recommend|suggest|bring|serve|pour|order)\\b",
                    0.3,
                    "recommendation")
            // "looking for a nice red to bring to a dinner party": a visitor wishing for a wine, whatever it is for
            .rule(
                    "\\b(" + WineCatalog.WISH_WORDS + "|after|bring)"
                            + " (a |an |some |un |una |une |du )?((nice|good|great|special|bon|bonne|buen|buena) )?"
                            + "(bottle of )?(reds?|whites?|roses?|sparkling|wines?|bottles?|tinto|vino|vin rouge|vin blanc"
                            + "|vin)\\b(?! (glass|glasses|opener|openers|stopper|club|tasting|tastings|bag|tote|rack|tour))",
                    0.6,
                    "wine wished for")
            .rule(
                    "\\b(pair\\w*|go(es)? (well |best |good )?with|match\\w* with|maridaje|accord\\w*)\\b",
                    0.35,
                    "pairing")
            // "what food goes with the vincenza?", "what should I eat with it?": food asked for a wine, not the menu
            .rule(
                    "\\b(what|which|any) (foods?|dish(es)?|meals?|cheeses?|snacks?)\\b.{0,20}\\b(go(es)?|pairs?|match(es)?)"
                            + " (well |best )?with\\b|\\b(eat|serve) (it |this |that )?with (it|this|that|the|your)\\b",
                    0.5,
                    "pairing")
            .rule(
                    "\\b(tannins?|oaky|oaked|acidity|aromas?|palate|full bodied|light bodied|abv|sulfites?|decant\\w*"
                            + "|cellar(ing)?|tasting notes?|dry|sweet|fruity)\\b",
                    0.35,
                    "tasting notes")
            .rule("\\bbottles?\\b", 0.25, "bottle")
            // "do you sell wine?", "can I buy a bottle?", "do you ship wine?": the wines themselves, not the shop's
            // wine glasses (its own item words outweigh this)
            .rule(
                    "\\b(buy|purchase|order|sell|sold|ship|shipping|deliver\\w*)\\b.{0,20}\\b(wines?|bottles?)\\b",
                    0.3,
                    "buying wine")
            .rule(
                    "\\b(" + RANKINGS + ")\\b.{0,30}\\b" + WINES + "\\b|\\b" + WINES + "\\b.{0,30}\\b(" + RANKINGS
                            + ")\\b",
                    0.3,
                    "wines ranked")
            .rule(
                    "\\bgrapes? (go(es)? |are |is )?(in|into)\\b|\\bmade (from|with)\\b|\\bwhat grapes\\b",
                    0.35,
                    "composition")
            .rule("\\bgrapes?\\b", 0.15, "grape")
            .build();

    /** The host's general domain owns the estate itself: vineyard work, soil, acreage, history. */
    private static final Pattern ESTATE_TOPIC = Pattern.compile(
            "\\b(grow|grown|growing|planted|planting|soils?|acres?|acreage|hectares?|birds?|pests?|netting"
                    + "|sustainab\\w*|organic|history|founded|climate|frost|terroir)\\b");

    private static final double ESTATE_DAMPING = 0.4;

    @Override
    public ClassifierScore classify(UserQuery query) {
        ClassifierScore score = SIGNALS.classify(query);
        if (score.score() == 0 || !ESTATE_TOPIC.matcher(query.normalized()).find()) {
            return score;
        }
        var evidence = new ArrayList<>(score.evidence());
        evidence.add("estate topic (general domain): damped");
        return new ClassifierScore(score.score() * ESTATE_DAMPING, evidence);
    }
}

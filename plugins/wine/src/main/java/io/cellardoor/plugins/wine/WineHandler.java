package io.cellardoor.plugins.wine;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.DomainHandler;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.KnowledgeDocument;
import io.cellardoor.plugin.api.PluginContext;
import io.cellardoor.plugin.api.PriceBound;
import io.cellardoor.plugin.api.RetrievalPlan;
import io.cellardoor.plugin.api.UserQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the wine a question names (partial names, abbreviations, styles) and boosts its page; answers
 * a pure price question ("what does the reserve cab franc cost?", "do you have a rosé? how much") directly
 * from the matched pages' price lines, what a named wine tastes like from its own page ({@link TastingNotes}), which
 * grapes it is made from ({@link GrapeVarieties}), its vintage, scores and alcohol ({@link WineFacts}; the scores of
 * every wine when none is named), and
 * that a grape no wine's title names is not made here ({@link LackingVariety}), nor a kind of wine no wine page mentions
 * ({@link LackingStyle}).
 */
public final class WineHandler implements DomainHandler {

    static final String DOMAIN = "wine";
    private static final int K = 8;
    private static final int MAX_BOOSTED = 5;
    private static final int MAX_LISTED = 5;

    private static final Pattern PRICE_LINE =
            Pattern.compile("(?i)\\bprice\\W{0,6}(\\$\\s?\\d[\\d,]*(?:\\.\\d{1,2})?)");
    private static final Pattern PAIRING = Pattern.compile(
            "\\b(pair\\w*|go(es)? (well |best |good )?with|match\\w* with|with (my |our |the )?(dinner|food|meal)"
                    + "|(eat|serve|drink|cook)\\w* (it |this |that |them )?with)\\b");
    /** Whether the winery has something ("do you have ...", "do you make ...", "is there ...", "got any ..."). */
    private static final Pattern HAVE = Pattern.compile("^\\W*(?:(?:do|does|did) (?:you|u|y'?all|you all|you guys)"
            + " (?:have|make|sell|carry|offer|produce|pour|stock)|(?:is|are) there|(?:got|any))\\b");
    /** A question asking yes or no ("would it go with lamb?", "is the rosé good with fish?"). */
    private static final Pattern YES_NO = Pattern.compile("^\\W*(would|will|does|do|is|are|can|could|should|did)\\b");

    private static final Pattern COMPOSITION =
            Pattern.compile("\\b(grapes?|blend|varietals?|made (from|with)|composition)\\b");

    /** Creates the handler; stateless. */
    public WineHandler() {}

    @Override
    public HandlerResult handle(UserQuery query, PluginContext context) {
        String text = query.normalized();
        List<DocumentSummary> pages = context.listDocuments(DOMAIN);
        WineNames.Match match = WineNames.resolve(query.text(), query.focus(), pages);
        if (!match.exact() && match.lacking().isEmpty() && !query.focus().equals(query.text())) {
            // A follow-up naming wines of its own ("and a sparkling one?" after the rosés) is about those: the carried
            // words of the earlier wine matched nothing together with them.
            WineNames.Match own = WineNames.resolve(query.focus(), pages);
            if (own.exact()) {
                match = own;
            }
        }
        match = WineNames.withShorterNames(match, pages);
        List<String> boosted = match.wines().stream()
                .limit(MAX_BOOSTED)
                .map(DocumentSummary::path)
                .toList();
        RetrievalPlan plan = RetrievalPlan.defaults(K).boosting(boosted);

        List<String> prompt = new ArrayList<>();
        prompt.add("Call each wine by its full name and vintage as its page titles it, and quote prices exactly "
                + "as the page states them.");
        if (PAIRING.matcher(text).find()) {
            prompt.add("For food pairings, recommend only wines whose pages mention that dish or a close match.");
        }
        if (COMPOSITION.matcher(text).find()) {
            prompt.add("List the grape varieties and where the fruit comes from exactly as the wine's page "
                    + "states them.");
        }
        Optional<DirectAnswer> answer =
                match.lacking().isEmpty() ? Optional.empty() : LackingVariety.answer(match.lacking(), context);
        // "tell me about your sparkling wines": a style's list (WineCatalog), though "sparkling" resolves to the Brut
        boolean aboutAStyle =
                WineCatalog.TELL_ABOUT_WINES.matcher(query.normalizedFocus()).find();
        // "what's the difference between the farmhouse and reserve cab franc?": each with its price and notes
        if (answer.isEmpty() && TastingNotes.comparison(query.normalizedFocus())) {
            answer = TastingNotes.compared(
                    match.exact() ? match.wines() : WineNames.eachNamed(query.normalizedFocus(), pages), context);
        }
        if (answer.isEmpty() && match.exact() && !aboutAStyle && TastingNotes.asked(query.normalizedFocus())) {
            answer = TastingNotes.answer(match.wines(), context);
        }
        if (answer.isEmpty() && match.exact() && GrapeVarieties.asked(query.normalizedFocus())) {
            answer = GrapeVarieties.answer(match.wines(), context);
        }
        Optional<WineFacts.Fact> fact = WineFacts.asked(query.normalizedFocus());
        if (answer.isEmpty() && match.exact() && fact.isPresent()) {
            answer = WineFacts.answer(fact.get(), match.wines(), context);
        }
        // "what food goes with the vincenza?": what its page suggests, or that it suggests nothing, rather than
        // another wine's pairing or a decline (a style asked for a dish is WineCatalog's, a question asking its price
        // too is the passages', and so is "would it go with lamb?": the line naming the dish, or a model, answers it)
        if (answer.isEmpty()
                && match.exact()
                && PAIRING.matcher(query.normalizedFocus()).find()
                && !YES_NO.matcher(query.normalizedFocus()).find()
                && !WineCatalog.LIST.matcher(query.normalizedFocus()).find()
                && !new UserQuery(query.focus(), query.language()).asksPrice()) {
            answer = WineFacts.pairings(match.wines(), context);
        }
        // "tell me about the blanc de blanc": a wine whose page describes nothing is said to have no description, not
        // described by the Seyval Blanc's page, which shares a word of its name
        if (answer.isEmpty()
                && match.exact()
                && !aboutAStyle
                && fact.isEmpty()
                && TastingNotes.askedAbout(query.normalizedFocus())) {
            answer = TastingNotes.undescribed(match.wines(), context);
        }
        if (answer.isEmpty()
                && !match.exact()
                && match.lacking().isEmpty()
                && fact.isPresent()
                && WineFacts.aboutTheWines(query.normalizedFocus())) {
            answer = WineFacts.acrossWines(fact.get(), context); // "which wine has the highest score?"
        }
        List<LackingStyle.Kind> kinds = LackingStyle.asked(query.normalizedFocus());
        if (answer.isEmpty() && !match.exact() && !kinds.isEmpty()) {
            answer = LackingStyle.answer(kinds, context);
        }
        // "do you have a cheaper one?" after the reserve cab franc: the cheaper wines of its grape, not the cheapest
        // of all
        if (answer.isEmpty()
                && match.exact()
                && WineCatalog.CHEAPER_ONE.matcher(query.normalizedFocus()).find()) {
            List<PricedWine> named = priced(match.wines(), context);
            if (named.size() == 1) {
                answer = WineCatalog.cheaperThan(named.getFirst(), context);
            }
        }
        if (answer.isEmpty()) {
            answer = WineCatalog.answer(query, context);
        }
        if (answer.isEmpty() && match.wines().isEmpty()) {
            answer = WineCatalog.unpairedDish(query, context);
        }
        // "do you have a cab franc under $40?": the named wines within the limit, not both pages' descriptions
        Optional<PriceBound> bound = query.priceBound();
        if (answer.isEmpty()
                && bound.isPresent()
                && match.exact()
                && match.wines().size() <= MAX_LISTED) {
            answer = boundAnswer(
                    match.wines(),
                    bound.get(),
                    HAVE.matcher(query.normalizedFocus()).find(),
                    context);
        }
        if (answer.isEmpty()
                && (query.asksPrice() || text.contains("$"))
                && match.exact()
                && match.namesOnly()
                && match.wines().size() <= MAX_LISTED) {
            answer = priceAnswer(match.wines(), context);
        }
        // "do you have chardonnay?": every wine of that name, not the first page's notes
        if (answer.isEmpty()
                && match.exact()
                && match.namesOnly()
                && HAVE.matcher(query.normalizedFocus()).find()) {
            answer = haveAnswer(match.wines(), context);
        }
        return new HandlerResult(plan, prompt, answer);
    }

    /**
     * "Yes, we have:" and each wine with its price (merged as {@link #read} merges them), when the names match two to
     * {@value #MAX_LISTED} wines; empty for one (its page answers) or when a page cannot be read.
     */
    private static Optional<DirectAnswer> haveAnswer(List<DocumentSummary> wines, PluginContext context) {
        List<PricedWine> priced = priced(wines, context);
        if (priced.size() < 2 || priced.size() > MAX_LISTED) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("Yes, we have:");
        priced.forEach(w -> text.append("\n- **")
                .append(w.title())
                .append("**")
                .append(w.price().isEmpty() ? "" : ": " + w.price()));
        List<String> sources = priced.stream().flatMap(w -> w.paths().stream()).toList();
        return Optional.of(new DirectAnswer(text.toString(), sources, 0.85));
    }

    /**
     * The named wines a price limit admits, each with its price ("Yes, under $40: the 2022 Farmhouse Cabernet Franc is
     * $32.00."), else that none is and each named wine's price; "Yes, " or "No, " leads when the question asks whether
     * there is one.
     *
     * @return empty when a page cannot be read or no named wine has a price line
     */
    private static Optional<DirectAnswer> boundAnswer(
            List<DocumentSummary> wines, PriceBound bound, boolean yesNo, PluginContext context) {
        List<PricedWine> priced = priced(wines, context).stream()
                .filter(w -> !w.price().isEmpty())
                .toList();
        if (priced.isEmpty()) {
            return Optional.empty();
        }
        List<PricedWine> kept =
                priced.stream().filter(w -> bound.admits(w.amount())).toList();
        List<PricedWine> named = kept.isEmpty() ? priced : kept;
        String prices = Words.joined(
                named.stream().map(w -> "the " + w.title() + " is " + w.price()).toList());
        String lead = kept.isEmpty()
                ? (yesNo ? "No, none" : "None") + " of them is " + bound.said() + ": "
                : (yesNo
                                ? "Yes, " + bound.said()
                                : Character.toUpperCase(bound.said().charAt(0))
                                        + bound.said().substring(1))
                        + ": ";
        List<String> sources = named.stream().flatMap(w -> w.paths().stream()).toList();
        return Optional.of(new DirectAnswer(lead + prices + ".", sources, 0.85));
    }

    /** "The 2022 Reserve Cabernet Franc is $48.00." for each wine, or nothing when a page has no price line. */
    private static Optional<DirectAnswer> priceAnswer(List<DocumentSummary> wines, PluginContext context) {
        List<PricedWine> priced = priced(wines, context);
        if (priced.isEmpty() || priced.stream().anyMatch(w -> w.price().isEmpty())) {
            return Optional.empty();
        }
        List<String> parts = priced.stream()
                .map(w -> "the " + w.title() + " is " + w.price())
                .toList();
        String sentence = Words.joined(parts);
        String text = Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1) + ".";
        List<String> sources = priced.stream().flatMap(w -> w.paths().stream()).toList();
        return Optional.of(new DirectAnswer(text, sources, priced.size() == 1 ? 0.9 : 0.85));
    }

    /** The named wines as {@link #read} merges them, with their prices; empty when a page cannot be read. */
    private static List<PricedWine> priced(List<DocumentSummary> wines, PluginContext context) {
        return read(wines, context).orElse(List.of()).stream()
                .map(ReadWine::wine)
                .toList();
    }

    /** A price as a page states it, in dollars ("$1,045.00" is 1045.0). */
    static double dollars(String price) {
        return Double.parseDouble(price.replaceAll("[$,]", ""));
    }

    /** The first "Price: $48.00" of a page (markdown emphasis allowed), e.g. {@code $48.00}. */
    static Optional<String> price(String pageText) {
        Matcher m = PRICE_LINE.matcher(pageText);
        return m.find() ? Optional.of(m.group(1).replace(" ", "")) : Optional.empty();
    }

    /** A wine as an answer names it: its title, its price ({@code $48.00}, or empty) and its pages. */
    record PricedWine(String title, String price, List<String> paths) {

        /** "2022 Vincenza Reserve BDX Blend ($45.00)", or the title alone without a price. */
        String priced() {
            return price.isEmpty() ? title : title + " (" + price + ")";
        }

        /** The price in dollars ("$1,045.00" is 1045.0); only for a wine with a price. */
        double amount() {
            return dollars(price);
        }

        /** "Our page for the X {@code doesNot}; it is $45.00." (without the price when there is none). */
        String pageLacks(String doesNot) {
            return "Our page for the " + title + " " + doesNot + (price.isEmpty() ? "." : "; it is " + price + ".");
        }
    }

    /** A named wine as {@link #read} merged it, with its pages' documents in the order of its paths. */
    record ReadWine(PricedWine wine, List<KnowledgeDocument> pages) {

        /**
         * The first of its pages in whose text {@code reader} finds something, with what it found; else its first page
         * and nothing.
         */
        Found firstSaying(java.util.function.Function<String, List<String>> reader) {
            for (KnowledgeDocument page : pages) {
                List<String> said = reader.apply(page.text());
                if (!said.isEmpty()) {
                    return new Found(page, said);
                }
            }
            return new Found(pages.getFirst(), List.of());
        }
    }

    /** What a reader found on a named wine's page, and the page (cited). */
    record Found(KnowledgeDocument page, List<String> said) {

        /** The sentences found, each ending with a mark, joined by spaces. */
        String quoted() {
            return String.join(" ", said.stream().map(TastingNotes::ended).toList());
        }
    }

    /**
     * The wines a question names, each page read once and merged by name and price as a price answer merges them (a
     * draft page beside the real one is one wine); the readers of one named wine's page use it.
     *
     * @return empty when a page cannot be read
     */
    static Optional<List<ReadWine>> read(List<DocumentSummary> wines, PluginContext context) {
        List<PricedWine> merged = new ArrayList<>();
        Map<String, KnowledgeDocument> pages = new HashMap<>();
        for (DocumentSummary wine : wines) {
            Optional<KnowledgeDocument> page = context.readDocument(wine.path());
            if (page.isEmpty()) {
                return Optional.empty();
            }
            pages.put(wine.path(), page.get());
            String price = price(page.get().text()).orElse("");
            mergeOrAdd(merged, new PricedWine(cleanTitle(wine.title()), price, List.of(wine.path())));
        }
        return Optional.of(merged.stream()
                .map(w -> new ReadWine(w, w.paths().stream().map(pages::get).toList()))
                .toList());
    }

    /**
     * {@link #read} for a reader of one named wine's page (notes, grapes, facts): empty also when the question names no
     * wine or more than {@link TastingNotes#MAX_WINES} after merging.
     */
    static Optional<List<ReadWine>> readFew(List<DocumentSummary> wines, PluginContext context) {
        return read(wines, context).filter(read -> !read.isEmpty() && read.size() <= TastingNotes.MAX_WINES);
    }

    /** Two pages of one wine (a name that contains the other's, same price) are listed once, both cited. */
    static void mergeOrAdd(List<PricedWine> priced, PricedWine next) {
        List<String> words = WineNames.distinctiveWords(next.title());
        for (int i = 0; i < priced.size(); i++) {
            PricedWine kept = priced.get(i);
            List<String> keptWords = WineNames.distinctiveWords(kept.title());
            if (kept.price().equals(next.price()) && (keptWords.containsAll(words) || words.containsAll(keptWords))) {
                List<String> paths = new ArrayList<>(kept.paths());
                paths.addAll(next.paths());
                String title = words.size() < keptWords.size() ? next.title() : kept.title();
                priced.set(i, new PricedWine(title, kept.price(), paths));
                return;
            }
        }
        priced.add(next);
    }

    static String cleanTitle(String title) {
        return title.strip().replaceAll("[\\s.,;:!]+$", "");
    }
}

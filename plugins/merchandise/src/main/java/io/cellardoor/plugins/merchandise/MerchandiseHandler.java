package io.cellardoor.plugins.merchandise;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.DomainHandler;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.PluginContext;
import io.cellardoor.plugin.api.PriceBound;
import io.cellardoor.plugin.api.RetrievalPlan;
import io.cellardoor.plugin.api.UserQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves the product or dish a question names and boosts its page; answers a pure price question about one
 * clearly named item ("price on the tofu bao bun?") from the page's price line, a question whether the shop or
 * kitchen has something ("do you sell hats or t-shirts?") with the items of those names and their prices, and a
 * question with a price limit ("any hats under $30?", "what merch do you have under $20?") with every item within it.
 */
public final class MerchandiseHandler implements DomainHandler {

    static final String DOMAIN = "merchandise";
    private static final int K = 8;
    private static final int MAX_BOOSTED = 5;
    private static final double WINE_WEIGHT = 0.8;
    /** Items an availability answer lists before saying how many more there are. */
    private static final int MAX_LISTED = 8;
    /** Items listed of each thing asked about, however many things are asked. */
    private static final int MIN_SHARE = 3;
    /** Below a price answer's: the items are found by their names, what they are is not read. */
    private static final double AVAILABILITY_CONFIDENCE = 0.8;

    private static final Pattern PRICE_LINE =
            Pattern.compile("(?i)\\bprice\\W{0,6}(\\$\\s?\\d[\\d,]*(?:\\.\\d{1,2})?)");
    /** A superlative of price in the visitor's words, on the folded text; group 1 set for the cheapest. */
    private static final Pattern BY_PRICE = Pattern.compile("\\b(?:(cheapest|least expensive|lowest priced|lowest price"
            + "|most affordable|mas barat[oa]s?|moins cher(?:e|s|es)?)|most expensive|priciest|highest priced"
            + "|mas car[oa]s?|plus cher(?:e|s|es)?)\\b");
    /** Words that name no kind of item: "the cheapest thing in the shop" ranks every item. */
    private static final Pattern ANY_ITEM = Pattern.compile("\\b(?:things?|items?|products?|stuff|shop|store|menu"
            + "|merch|merchandise|souvenirs?|goods|anything|something"
            + "|gift shop|you (?:sell|have|carry|serve)|can i (?:buy|get|order)|cosa|articulo|producto|tienda|chose"
            + "|article|produit|boutique|the|a|an|what'?s|what|is|are|in|on|of|your|whats|el|la|lo|le|les|los|las"
            + "|de|du|des|en|dans|qu'?est|quel|quelle|cual|que)\\b");

    /** Titles of charges, not things to buy ("Corkage Fee", "Occupancy Tax (4%)"): no cheapest item is one. */
    private static final Pattern CHARGE = Pattern.compile(
            "(?i)\\b(fees?|tax(es)?|surcharges?|deposits?|overtime|gratuity|processing|service charge|shipping)\\b|%");

    /** A question asking yes or no whether the shop has something ("is there a gift shop?", "do you sell merch?"). */
    private static final Pattern YES_NO =
            Pattern.compile("(?:so |and |ok |hi |hey )?(?:do|does|is|have|hay|avez|y a)\\b");

    /**
     * Asking for an item cheaper than one named before ("do you have a cheaper one?", "anything less expensive?", "¿uno
     * más barato?", "quelque chose de moins cher ?"), on the folded text.
     */
    private static final Pattern CHEAPER_ONE = Pattern.compile("\\b(?:a|an|any|anything|something|one) (?:cheaper"
            + "|less expensive|more affordable)\\b|\\bcheaper (?:ones?|options?)\\b"
            + "|\\b(?:un|una|uno|une|algo|quelque chose)(?: \\p{L}+)? (?:mas barat[oa]|moins cher(?:e)?)\\b");

    /** Words referring back to several things at once. */
    private static final Pattern SEVERAL = Pattern.compile("\\b(?:they|them|those|these|ones|all of)\\b");

    private static final Pattern WINE_PAIRING =
            Pattern.compile("\\b(wines?|pair\\w*|go(es)? (well )?with|drink with)\\b");

    /** Creates the handler; stateless. */
    public MerchandiseHandler() {}

    @Override
    public HandlerResult handle(UserQuery query, PluginContext context) {
        String text = query.normalized();
        List<DocumentSummary> pages = context.listDocuments(DOMAIN);
        ProductNames.Match match = ProductNames.resolve(query.text(), pages);
        List<String> boosted = match.products().stream()
                .limit(MAX_BOOSTED)
                .map(DocumentSummary::path)
                .toList();
        List<String> prompt = new ArrayList<>();
        prompt.add(
                "Quote each item's price exactly as its page states it, with sizes or options when the page lists them.");
        prompt.add(
                "Describe a dish only as its menu page does; if the page has no description, say so rather than guess.");
        RetrievalPlan plan = RetrievalPlan.defaults(K);
        if (WINE_PAIRING.matcher(text).find()) {
            plan = new RetrievalPlan(K, Map.of(DOMAIN, 1.0, "wine", WINE_WEIGHT), List.of());
            prompt.add("Suggest only wines whose own pages mention this dish or a similar one.");
        }
        boolean priceQuestion = query.asksPrice() || text.contains("$");
        Prices prices = new Prices(context);
        Optional<DirectAnswer> answer = Optional.empty();
        if (priceQuestion && match.single() && match.namesOnly()) {
            answer = priceAnswer(match.products(), prices);
        }
        // "do you have a cheaper one?" after the herringbone hat: the cheaper items of its kind
        if (answer.isEmpty()
                && match.single()
                && CHEAPER_ONE.matcher(query.normalizedFocus()).find()) {
            answer = cheaperAnswer(match.products(), pages, context, prices);
        }
        Optional<PriceBound> bound = query.priceBound();
        if (answer.isEmpty() && bound.isPresent()) {
            answer = boundedAnswer(query, bound.get(), pages, context, prices);
        }
        if (answer.isEmpty() && bound.isEmpty()) {
            answer = byPriceAnswer(query, pages, context, prices);
        }
        if (answer.isEmpty() && bound.isEmpty() && AvailabilityQuestion.wholeShop(query.normalizedFocus())) {
            answer = overviewAnswer(query.normalizedFocus(), pages, prices);
        }
        if (answer.isEmpty() && bound.isEmpty() && AvailabilityQuestion.wholeMenu(query.normalizedFocus())) {
            answer = menuAnswer(query.normalizedFocus(), pages, prices);
        }
        Optional<AvailabilityQuestion.Asked> asked = AvailabilityQuestion.read(query.normalizedFocus());
        // "how much are they?" after "do you have any cheese?": every cheese, though the carried title names one
        boolean priceOfAKind = priceQuestion && (!match.single() || askedOfSeveral(query));
        if (answer.isEmpty() && bound.isEmpty() && (asked.isPresent() || priceOfAKind)) {
            ProductNames.Shelf items = ProductNames.Shelf.of(items(pages, context, prices));
            answer = asked.flatMap(a -> availabilityAnswer(a, items, prices));
            if (answer.isEmpty() && priceOfAKind) {
                answer = priceListAnswer(query, items, prices);
            }
        }
        return new HandlerResult(plan.boosting(boosted), prompt, answer);
    }

    /**
     * "Cheaper than the Herringbone Hat ($35.00):" and a bullet per item of its kind (the last word of its title: "hat")
     * priced below it, least expensive first; that none is when it is the least expensive of its kind. Empty when the
     * named item states no price or its kind is no item word of the shop.
     */
    private static Optional<DirectAnswer> cheaperAnswer(
            List<DocumentSummary> named, List<DocumentSummary> pages, PluginContext context, Prices prices) {
        Optional<String> stated = prices.of(named.getFirst());
        List<String> words = ProductNames.words(title(named.getFirst()));
        if (stated.isEmpty() || words.isEmpty()) {
            return Optional.empty();
        }
        double limit = amount(stated.get());
        String kind = words.getLast();
        Optional<ProductNames.Offer> offer = offered(kind, ProductNames.Shelf.of(items(pages, context, prices)))
                .filter(ProductNames.Offer::whole);
        if (offer.isEmpty()) {
            return Optional.empty();
        }
        List<DocumentSummary> cheaper = offer.get().products().stream()
                .filter(p -> !named.contains(p))
                .filter(p -> prices.of(p).map(MerchandiseHandler::amount).orElse(limit) < limit)
                .sorted(Comparator.comparingDouble(
                        p -> prices.of(p).map(MerchandiseHandler::amount).orElseThrow()))
                .toList();
        String than = withArticle(title(named.getFirst())) + " (" + stated.get() + ")";
        if (cheaper.isEmpty()) {
            return Optional.of(new DirectAnswer(
                    "Nothing of its kind we list is cheaper than " + than + ".",
                    named.stream().map(DocumentSummary::path).toList(),
                    AVAILABILITY_CONFIDENCE));
        }
        return Optional.of(
                itemList("Cheaper than " + than + ":\n", List.of(new ProductNames.Offer(cheaper, true)), prices));
    }

    /** "The Tofu Bao Bun is $14.00.", citing every page of that name; empty without a price line. */
    private static Optional<DirectAnswer> priceAnswer(List<DocumentSummary> pages, Prices prices) {
        List<String> stated = new ArrayList<>();
        for (DocumentSummary page : pages) {
            prices.of(page).ifPresent(stated::add);
        }
        if (stated.size() != pages.size() || stated.stream().distinct().count() != 1) {
            return Optional.empty();
        }
        List<String> sources = pages.stream().map(DocumentSummary::path).toList();
        return Optional.of(new DirectAnswer("The " + title(pages.get(0)) + " is " + stated.get(0) + ".", sources, 0.9));
    }

    /**
     * "Yes, we have:" ("We have:" to "what hats do you sell?") and a bullet per item the things asked about name, with its price when its page states one;
     * items of the same name are one bullet citing every page. Without every word asked found in the titles ("vegan
     * cheese"), the list is introduced as the closest items, not as a yes. Empty when no thing names an item. A
     * question with a price limit ("any hats under $30?") is {@link #boundedAnswer}'s.
     */
    private static Optional<DirectAnswer> availabilityAnswer(
            AvailabilityQuestion.Asked asked, ProductNames.Shelf items, Prices prices) {
        Optional<ProductNames.Offer> named =
                asked.named().flatMap(thing -> offered(thing, items)).filter(ProductNames.Offer::whole);
        List<ProductNames.Offer> offers = named.isPresent()
                ? List.of(named.get())
                : asked.alternatives().stream()
                        .flatMap(thing -> offered(thing, items).stream())
                        .toList();
        if (offers.isEmpty()) {
            return Optional.empty();
        }
        boolean whole = offers.stream().allMatch(ProductNames.Offer::whole);
        String header = !whole
                ? "The closest items on our shop and menu list:\n"
                : asked.which() ? "We have:\n" : "Yes, we have:\n";
        return Optional.of(itemList(header, offers, prices));
    }

    /**
     * What the shop sells, by kind ({@link MerchandiseVocabulary#SHOP_KINDS}): "Our shop carries:" ("Yes, our shop
     * carries:" to a yes/no question), then a bullet per kind with items ({@link #byKind}). The menu's dishes are in no
     * kind: the last line points to the menu. Empty when no page is of any kind.
     */
    private static Optional<DirectAnswer> overviewAnswer(
            String normalizedFocus, List<DocumentSummary> pages, Prices prices) {
        boolean yesNo = YES_NO.matcher(normalizedFocus).lookingAt();
        return byKind(
                yesNo ? "Yes, our shop carries:" : "Our shop carries:",
                MerchandiseVocabulary.SHOP_KINDS,
                MerchandiseVocabulary.SYNONYMS,
                "Ask about any of these by name for its price, or about the menu for food and drinks.",
                pages,
                prices);
    }

    /**
     * What the kitchen serves, by course ({@link MerchandiseVocabulary#MENU_KINDS}): "Our menu:" ("Yes, our menu
     * has:" to a yes/no question), then a bullet per course with dishes ({@link #byKind}). Empty when no page is of
     * any course.
     */
    private static Optional<DirectAnswer> menuAnswer(
            String normalizedFocus, List<DocumentSummary> pages, Prices prices) {
        return byKind(
                AvailabilityQuestion.asksWhich(normalizedFocus) ? "Our menu:" : "Yes, our menu has:",
                MerchandiseVocabulary.MENU_KINDS,
                MerchandiseVocabulary.COURSES,
                "Ask about any dish by name for its price.",
                pages,
                prices);
    }

    /**
     * The header, a bullet per kind with items, e.g. "- **Clothing** (8 items, $25.00 to $40.00): Hat, Black Hoodie,
     * Herringbone Hat and 5 more", each kind's items those that are of it first (then those only named after it), an
     * item under the first kind that holds it, and the closing line; charges ({@link #CHARGE}) are no items.
     *
     * @param words each kind's word to the title words of its items
     * @return empty when no page is of any kind
     */
    private static Optional<DirectAnswer> byKind(
            String header,
            List<MerchandiseVocabulary.Kind> kinds,
            Map<String, List<String>> words,
            String closing,
            List<DocumentSummary> pages,
            Prices prices) {
        List<DocumentSummary> goods =
                pages.stream().filter(p -> !CHARGE.matcher(p.title()).find()).toList();
        ProductNames.Shelf shelf = ProductNames.Shelf.of(goods);
        Set<String> placed = new HashSet<>();
        List<String> lines = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (MerchandiseVocabulary.Kind kind : kinds) {
            List<DocumentSummary> of = ProductNames.offered(kind.word(), shelf, words, MerchandisePlugin.RELATED)
                    .filter(ProductNames.Offer::whole)
                    .map(offer -> beingFirst(kind.word(), words, offer.products()))
                    .orElse(List.of());
            Map<String, List<DocumentSummary>> items = new LinkedHashMap<>();
            of.stream()
                    .filter(p -> !placed.contains(title(p)))
                    .forEach(p -> items.computeIfAbsent(title(p), t -> new ArrayList<>())
                            .add(p));
            if (items.isEmpty()) {
                continue;
            }
            placed.addAll(items.keySet());
            List<Double> amounts = items.values().stream()
                    .flatMap(List::stream)
                    .flatMap(p -> prices.of(p).stream())
                    .map(MerchandiseHandler::amount)
                    .sorted()
                    .toList();
            String range = amounts.isEmpty()
                    ? ""
                    : amounts.getFirst().equals(amounts.getLast())
                            ? String.format(Locale.ROOT, ", $%,.2f", amounts.getFirst())
                            : String.format(Locale.ROOT, ", $%,.2f to $%,.2f", amounts.getFirst(), amounts.getLast());
            List<String> shown = items.keySet().stream().limit(MIN_SHARE).toList();
            int more = items.size() - shown.size();
            lines.add("- **" + kind.label() + "** (" + items.size() + (items.size() == 1 ? " item" : " items") + range
                    + "): " + String.join(", ", shown) + (more > 0 ? " and " + more + " more" : ""));
            shown.forEach(t -> items.get(t).forEach(p -> sources.add(p.path())));
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String text = header + "\n" + String.join("\n", lines) + "\n" + closing;
        return Optional.of(new DirectAnswer(text, sources, AVAILABILITY_CONFIDENCE));
    }

    /** The items that are of a kind ({@link ProductNames#beingThe}) first, then those only named after it. */
    private static List<DocumentSummary> beingFirst(
            String word, Map<String, List<String>> words, List<DocumentSummary> items) {
        List<DocumentSummary> being =
                ProductNames.beingThe(String.join(" ", words.getOrDefault(word, List.of())) + " " + word, items);
        List<DocumentSummary> ordered = new ArrayList<>(being);
        items.stream().filter(p -> !being.contains(p)).forEach(ordered::add);
        return ordered;
    }

    /**
     * "The least expensive hat we list is the Linen Hat, at $25.00." for the cheapest or dearest item of a kind the
     * visitor's words name ("what's your cheapest hat?"), or of every priced item when they name no kind ("the cheapest
     * thing in the shop"); items sharing the price are named together, charges ({@link #CHARGE}) are no items. Empty without a superlative of price, when the
     * words name something no title has, or when no such item states a price.
     */
    private static Optional<DirectAnswer> byPriceAnswer(
            UserQuery query, List<DocumentSummary> pages, PluginContext context, Prices prices) {
        String focus = query.normalizedFocus();
        Matcher superlative = BY_PRICE.matcher(focus);
        if (!superlative.find()) {
            return Optional.empty();
        }
        boolean cheapest = superlative.group(1) != null;
        String thing = (focus.substring(0, superlative.start()) + " " + focus.substring(superlative.end())).strip();
        if (ProductNames.words(ANY_ITEM.matcher(thing).replaceAll(" ")).isEmpty()
                && !query.focus().equals(query.text())) {
            // "which is the cheapest?" after "do you have any cheese?": the kind the carried question asked about
            Optional<String> carried = carriedKind(query);
            if (carried.isEmpty()) {
                return Optional.empty();
            }
            thing = carried.get();
        }
        List<DocumentSummary> ranked;
        if (ANY_ITEM.matcher(thing).replaceAll(" ").isBlank()) {
            ranked = pages;
            thing = "";
        } else {
            Optional<ProductNames.Offer> offer = offered(thing, ProductNames.Shelf.of(items(pages, context, prices)));
            if (offer.isEmpty() || !offer.get().whole()) {
                return Optional.empty();
            }
            ranked = ProductNames.beingThe(thing, offer.get().products());
            thing = ProductNames.asTitled(ANY_ITEM.matcher(thing).replaceAll(" "), ranked);
        }
        Map<String, Double> amounts = new LinkedHashMap<>();
        Map<String, List<DocumentSummary>> byTitle = new LinkedHashMap<>();
        for (DocumentSummary page : ranked) {
            if (CHARGE.matcher(page.title()).find()) {
                continue;
            }
            Optional<Double> amount = prices.of(page).map(MerchandiseHandler::amount);
            if (amount.isPresent()) {
                amounts.merge(title(page), amount.get(), cheapest ? Math::min : Math::max);
                byTitle.computeIfAbsent(title(page), t -> new ArrayList<>()).add(page);
            }
        }
        if (amounts.isEmpty()) {
            return Optional.empty();
        }
        double best = cheapest
                ? amounts.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .min()
                        .orElseThrow()
                : amounts.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .max()
                        .orElseThrow();
        List<String> named = amounts.entrySet().stream()
                .filter(e -> e.getValue() == best)
                .map(Map.Entry::getKey)
                .limit(MIN_SHARE)
                .toList();
        String what = thing.isEmpty() ? "item on our shop and menu list" : thing + " we list";
        String price = String.format(Locale.ROOT, "$%,.2f", best);
        String text = "The " + (cheapest ? "least" : "most") + " expensive " + what + " is "
                + String.join(
                        " and ",
                        named.stream().map(MerchandiseHandler::withArticle).toList()) + ", at " + price
                + (named.size() > 1 ? " each." : ".");
        List<String> sources = named.stream()
                .flatMap(t -> byTitle.get(t).stream())
                .map(DocumentSummary::path)
                .toList();
        return Optional.of(new DirectAnswer(text, sources, AVAILABILITY_CONFIDENCE));
    }

    /**
     * "Our hats under $30:" and a bullet per item of the kind asked within the limit, least expensive first for an upper
     * limit (most expensive first for a lower one), or of every priced item when the words name no kind ("what merch
     * do you have under $20?", "anything for under 10 dollars?"); a follow-up naming none ("any under $10?") takes the
     * kind its carried question asked about. With no item within: "None of our hats is under $20; the least expensive
     * is the Hat, at $25.00." Charges ({@link #CHARGE}) are no items. Empty when the words name something no title has
     * whole ("vegan cheese"), or another domain's thing ("wines"), or no such item states a price.
     */
    private static Optional<DirectAnswer> boundedAnswer(
            UserQuery query, PriceBound bound, List<DocumentSummary> pages, PluginContext context, Prices prices) {
        String rest = PriceBound.without(query.normalizedFocus());
        List<String> kinds =
                AvailabilityQuestion.read(rest)
                        .map(AvailabilityQuestion.Asked::alternatives)
                        .orElse(List.of(rest))
                        .stream()
                        .filter(kind -> !ProductNames.words(
                                        ANY_ITEM.matcher(kind).replaceAll(" "))
                                .isEmpty())
                        .toList();
        if (kinds.isEmpty() && !query.focus().equals(query.text())) {
            kinds = carriedKind(query).stream().toList();
        }
        List<DocumentSummary> ranked = new ArrayList<>();
        String what;
        if (kinds.isEmpty()) {
            ranked.addAll(pages);
            what = "items";
        } else {
            ProductNames.Shelf shelf = ProductNames.Shelf.of(items(pages, context, prices));
            List<String> named = new ArrayList<>();
            for (String kind : kinds) {
                Optional<ProductNames.Offer> offer = offered(kind, shelf).filter(ProductNames.Offer::whole);
                if (offer.isEmpty()) {
                    return Optional.empty();
                }
                List<DocumentSummary> being =
                        ProductNames.beingThe(kind, offer.get().products());
                being.stream().filter(p -> !ranked.contains(p)).forEach(ranked::add);
                String said = String.join(
                        " ", ProductNames.words(ANY_ITEM.matcher(kind).replaceAll(" ")));
                named.add(query.language().equals("en") ? plural(said) : said);
            }
            what = String.join(" and ", named);
        }
        Comparator<DocumentSummary> nearest = Comparator.comparingDouble(
                p -> (bound.below() ? 1 : -1) * amount(prices.of(p).orElseThrow()));
        List<DocumentSummary> priced = ranked.stream()
                .filter(p -> !CHARGE.matcher(p.title()).find() && prices.of(p).isPresent())
                .sorted(nearest)
                .toList();
        if (priced.isEmpty()) {
            return Optional.empty();
        }
        List<DocumentSummary> within = priced.stream()
                .filter(p -> bound.admits(amount(prices.of(p).orElseThrow())))
                .toList();
        if (within.isEmpty()) {
            DocumentSummary first = priced.getFirst();
            String extreme = bound.below() ? "least" : "most";
            String text = (kinds.isEmpty()
                            ? "Nothing on our shop and menu list is " + bound.said()
                            : "None of our " + what + " is " + bound.said())
                    + "; the " + extreme + " expensive is " + withArticle(title(first)) + ", at "
                    + prices.of(first).orElseThrow() + ".";
            return Optional.of(new DirectAnswer(text, List.of(first.path()), AVAILABILITY_CONFIDENCE));
        }
        String header = "Our " + what + " " + bound.said() + ":\n";
        return Optional.of(itemList(header, List.of(new ProductNames.Offer(within, true)), prices));
    }

    /**
     * What the first question a follow-up carried asked the availability of ("cheese" of "and the dearest? which is
     * the cheapest? do you have any cheese? Herbed Goat Cheese"), question by question.
     */
    private static Optional<String> carriedKind(UserQuery query) {
        String carried = query.text().startsWith(query.focus())
                ? query.text().substring(query.focus().length())
                : query.text();
        for (String asked : carried.split("\\?")) {
            Optional<String> kind = AvailabilityQuestion.read(new UserQuery(asked, query.language()).normalized())
                    .map(a -> a.named().orElse(a.alternatives().getFirst()));
            if (kind.isPresent()) {
                return kind;
            }
        }
        return Optional.empty();
    }

    /** Whether a follow-up refers to several things ("how much are they?") and its carried question asked a kind. */
    private static boolean askedOfSeveral(UserQuery query) {
        return !query.focus().equals(query.text())
                && SEVERAL.matcher(query.normalizedFocus()).find()
                && carriedKind(query).isPresent();
    }

    /**
     * An English noun phrase with its last word in the plural ("gift" -> "gifts", "wine glass" -> "wine glasses", "candy"
     * -> "candies"); a word ending in a single "s" is taken as plural already ("hats").
     */
    static String plural(String phrase) {
        if (phrase.isEmpty() || (phrase.endsWith("s") && !phrase.endsWith("ss"))) {
            return phrase;
        }
        if (phrase.matches(".*(?:ss|x|z|ch|sh)$")) {
            return phrase + "es";
        }
        if (phrase.matches(".*[^aeiou]y$")) {
            return phrase.substring(0, phrase.length() - 1) + "ies";
        }
        return phrase + "s";
    }

    /** The amount of a stated price ("$1,400.00" is 1400.0). */
    private static double amount(String stated) {
        return Double.parseDouble(stated.replaceAll("[^\\d.]", ""));
    }

    /**
     * "- **Hat**: $25.00" a line for each priced item of a kind whose price is asked ("how much are the hats?"), when
     * the question holds nothing but item names and filler; a follow-up naming no item ("how much are they?") takes
     * the kind its carried question asked about ("do you sell hats?"). Empty otherwise.
     */
    private static Optional<DirectAnswer> priceListAnswer(UserQuery query, ProductNames.Shelf items, Prices prices) {
        Optional<ProductNames.Offer> named =
                offered(query.normalizedFocus(), items).filter(ProductNames.Offer::whole);
        if (named.isEmpty() && !query.focus().equals(query.text())) {
            named = carriedKind(query).flatMap(kind -> offered(kind, items)).filter(ProductNames.Offer::whole);
        }
        return named.map(offer -> new ProductNames.Offer(
                        offer.products().stream()
                                .filter(p -> prices.of(p).isPresent())
                                .toList(),
                        true))
                .filter(offer -> !offer.products().isEmpty())
                .map(offer -> itemList("", List.of(offer), prices));
    }

    /** {@link ProductNames#offered} with this plugin's item words (its vocabulary and courses) and related domains. */
    private static Optional<ProductNames.Offer> offered(String thing, ProductNames.Shelf items) {
        return ProductNames.offered(thing, items, MerchandiseVocabulary.ITEM_WORDS, MerchandisePlugin.RELATED);
    }

    /**
     * The header, then a bullet per item with its price when its page states one; items of the same name are one
     * bullet citing every page, with each price their pages state ("$32.00 or $28.00"); each offer gets its share of
     * {@value #MAX_LISTED} lines (at least {@value #MIN_SHARE}), and a last line counts the items left out.
     */
    private static DirectAnswer itemList(String header, List<ProductNames.Offer> offers, Prices prices) {
        // Each thing asked about gets its share of the list, so "tea or coffee" shows both.
        int share = Math.max(MIN_SHARE, MAX_LISTED / offers.size());
        Map<String, List<DocumentSummary>> listed = new LinkedHashMap<>();
        Set<String> unlisted = new HashSet<>();
        for (ProductNames.Offer offer : offers) {
            Map<String, List<DocumentSummary>> items = new LinkedHashMap<>();
            offer.products()
                    .forEach(p -> items.computeIfAbsent(title(p), t -> new ArrayList<>())
                            .add(p));
            items.keySet().stream().skip(share).forEach(unlisted::add);
            items.entrySet().stream().limit(share).forEach(item -> listed.putIfAbsent(item.getKey(), item.getValue()));
        }
        unlisted.removeAll(listed.keySet());
        List<String> lines = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        listed.forEach((title, items) -> {
            String stated = items.stream()
                    .flatMap(p -> prices.of(p).stream())
                    .distinct()
                    .collect(Collectors.joining(" or "));
            lines.add("- **" + title + "**" + (stated.isEmpty() ? "" : ": " + stated));
            items.forEach(p -> sources.add(p.path()));
        });
        if (!unlisted.isEmpty()) {
            lines.add("- and " + unlisted.size() + " more");
        }
        return new DirectAnswer(header + String.join("\n", lines), sources, AVAILABILITY_CONFIDENCE);
    }

    /**
     * The shop's pages and the priced items among the pages the host retrieved from other folders (a cocktail on the
     * tasting menu answers "do you serve gin?" as well as a bottle in the shop).
     */
    private static List<DocumentSummary> items(List<DocumentSummary> pages, PluginContext context, Prices prices) {
        Set<String> shop = pages.stream().map(DocumentSummary::path).collect(Collectors.toSet());
        List<DocumentSummary> items = new ArrayList<>(pages);
        context.passages().stream()
                .filter(p -> !shop.contains(p.path()))
                .map(p -> new DocumentSummary(p.path(), p.title()))
                .distinct()
                .filter(d -> prices.of(d).isPresent())
                .forEach(items::add);
        return items;
    }

    /** The prices pages' price lines state ("$14.00"), each page read at most once a question. */
    private static final class Prices {

        private final PluginContext context;
        private final Map<String, Optional<String>> read = new HashMap<>();

        Prices(PluginContext context) {
            this.context = context;
        }

        /** Empty for a page without a price line. */
        Optional<String> of(DocumentSummary page) {
            return read.computeIfAbsent(
                    page.path(),
                    path -> context.readDocument(path)
                            .map(d -> PRICE_LINE.matcher(d.text()))
                            .filter(Matcher::find)
                            .map(m -> m.group(1).replace(" ", "")));
        }
    }

    /** "the Linen Hat", but "The House" as its title has it: a title starting with an article gets no second one. */
    static String withArticle(String title) {
        return title.matches("(?i)^(the|a|an)\\s.*") ? title : "the " + title;
    }

    /** A page's title without trailing punctuation. */
    private static String title(DocumentSummary page) {
        return page.title().strip().replaceAll("[\\s.,;:!]+$", "");
    }
}

package io.cellardoor.plugins.wine;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.KnowledgeDocument;
import io.cellardoor.plugin.api.PluginContext;
import io.cellardoor.plugin.api.PriceBound;
import io.cellardoor.plugin.api.UserQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Answers questions about the wines as a set from every wine page's title and price line: a list of one style ("what
 * red wines do you have?", "¿qué vinos blancos tienen?") with each wine's price, the most or least expensive wine, and
 * the oldest or newest vintage (the year its title starts with). A wine's style comes from its title (grape and style
 * words); pages without a price line are listed without one and left out of the price superlatives, wines without a
 * vintage ("NV") out of the vintage ones. A price bound ("any reds under $40?", "wines less than 35 dollars", "¿vinos de
 * menos de 30 dólares?") keeps the wines priced within it, or says none is and names the nearest one.
 */
final class WineCatalog {

    /** A style and the title words that mark it. */
    enum Style {
        RED(
                "red",
                "\\b(reds?|tintos?|rouges?)\\b",
                "\\b(red|cabernet|franc|merlot|bdx|bordeaux|noir|syrah|malbec|zinfandel|verdot|gamay|blaufr\\w*nkisch|"
                        + "chambourcin|meritage|vincenza)\\b"),
        WHITE(
                "white",
                "\\b(whites?|blancos?|blancs?|blanches?)\\b",
                "\\b(white|chardonnay|riesling|gr\\w*ner|veltliner|seyval|viognier|gris|grigio|chenin|albarino|vidal|"
                        + "cayuga|traminette|sauvignon blanc)\\b"),
        ROSE("rosé", "\\b(ros[eé]s?|rosados?)\\b", "\\bros[eé]\\b"),
        SPARKLING(
                "sparkling",
                "\\b(sparkling|bubbly|bubbles|espumos[oa]s?|mousseux|p[eé]tillants?|brut)\\b",
                "\\b(sparkling|brut|blanc de blancs?|cr[eé]mant|p[eé]t(illant)?[- ]nat|cuv[eé]e)\\b");

        final String name;
        final Pattern asked;
        final Pattern title;

        Style(String name, String asked, String title) {
            this.name = name;
            // Unicode classes: since JDK 19 "\\b" and "\\w" are ASCII by default, so "Rosé" ended in no word boundary
            // and "Grüner" had no "gr\\w*ner"
            int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
            this.asked = Pattern.compile(asked, flags);
            this.title = Pattern.compile(title, flags);
        }
    }

    /** "Tell me about your", "describe the", "tell us more about all of the": asked to be told about what follows. */
    /** Words of a visitor saying they look for something ("looking for", "need", "busco", "cherche"). */
    static final String WISH_WORDS = "looking for|look for|want|need|busco|buscando|quiero|cherche|voudrais";

    private static final String TELL_ABOUT =
            "(?:tell (?:me|us)(?: more)? about|describe) (?:all (?:of )?)?(?:your|the) (?:\\S+ )?";

    /**
     * A question asking which wines: "what" or "which" at most three words before the wines ("what red wines", "what
     * kind of reds", "¿qué vinos blancos?"; not "what is the alcohol content of the rosé"), or "do you have", "any",
     * "list", "recommend" somewhat before them, or "tell me about" or "describe" right before them ("tell me about your
     * sparkling wines"; one wine named in full is described by its page, {@link TastingNotes}), or a visitor saying
     * they look for them ("I'm looking for a nice red", "something red that isn't too expensive", "busco un vino
     * blanco"; the wines the object of the wish, not further on: "I want to know if your wines are organic" is not).
     */
    static final Pattern LIST =
            Pattern.compile("\\b(?:(?:what|which|que|quels?|quelles?|cuales)(?:'s)?(?:\\s+\\S+){0,3}?"
                    + "\\s+|(?:list|any|all|recommend|suggest|do you (?:have|make|sell)|tienen|avez|recomienda\\w*"
                    + "|recommande\\w*|conseille\\w*)\\b[^?]{0,40}\\b"
                    + "|" + TELL_ABOUT
                    + "|\\b(?:" + WISH_WORDS + "|pick|choose|something)"
                    + "\\s+(?:a |an |some |un |una |unos |des |du )?(?:\\S+ )?)"
                    + "(wines?|vinos?|vins?|reds?|whites?|ros[eé]s?|sparkling|bubbly)\\b");
    /**
     * Being told about a style's wines, in the plural or by the style alone ("tell me about your sparkling wines",
     * "describe the reds", "tell us about the bubbly"): the list of that style's wines, though a style word may resolve
     * to one wine's name ("sparkling" is the "Brut").
     */
    static final Pattern TELL_ABOUT_WINES =
            Pattern.compile("\\b" + TELL_ABOUT + "(?:wines|reds|whites|ros[eé]s|sparkling|bubbly)\\b");
    /**
     * A question about how, why or when ("how do you make your rosé?"): about the wines' making, no list of them ("how
     * many reds do you have?" and "how much are your reds?" are lists).
     */
    private static final Pattern HOW_OR_WHY =
            Pattern.compile("^(how(?! (many|much)\\b)|why|when|como|por que|comment|pourquoi|quand)\\b");

    /**
     * Whether the winery has wine at all ("do you sell wine?", "can I buy a bottle to take home?", "¿venden vino?",
     * "vendez-vous du vin ?"): answered by every wine, though no style is named.
     */
    private static final Pattern ANY_WINE = Pattern.compile("^(?:(do|can|could|may) (you|u|i|we|you all)( guys)? (sell"
            + "|buy|purchase|order|have|get)( any| some| your| a| the)? (wines?|bottles?( of wine)?)( here| there| to go"
            + "| to take home| from you)?|is there (any )?wines?( here| to buy| for sale)?"
            + "|(venden|tienen|vendez vous|avez vous)( del?| du| des)? (vinos?|vins?))$");

    /**
     * Which wines there are, no style or purpose named ("what wines do you have?", "what kind of wine do you make?",
     * "which wines are available?", "¿qué vinos tienen?", "quels vins proposez-vous ?"): answered by every wine, like
     * {@link #ANY_WINE}. Anything more after the wines ("what wines go with steak?", "which wines are in the club
     * shipment?") is left to the passages.
     */
    private static final Pattern WHICH_WINES = Pattern.compile("^(?:what|which|que|cuales|quels?|quelles?)"
            + "(?: (?:kinds?|types?|sorts?|tipos?|clases?|genres?|sortes?)(?: of| de)?)? (?:wines?|vinos?|vins?)"
            + "(?: (?:do|can|could|would) (?:you|u|y'all|you guys|i|we)(?: all)?"
            + " (?:have|make|sell|offer|carry|produce|pour|serve|buy|get|try|taste|order)"
            + "| (?:are|is) (?:there|available|on offer|for sale|offered|made here|on the list|on the menu)"
            + "| (?:tienen|venden|ofrecen|hacen|producen|hay|avez vous|vendez vous|proposez vous|faites vous|produisez vous"
            + "|servez vous|y a t il))?"
            + "(?: here| there| now| currently| right now| today| available| for sale| at the winery| on the menu)?$");

    /**
     * How many wines there are, of a style or all ("how many wines do you make?", "how many reds do you have?",
     * "¿cuántos vinos tienen?", "combien de vins produisez-vous ?"): the list, headed by its count. How many wines a
     * tasting pours or a shipment holds is no such question (no verb of having or making).
     */
    private static final Pattern HOW_MANY = Pattern.compile("^(?:how many|cuantos|combien de)(?: different)?"
            + " (?:wines?|vinos?|vins?|reds?|whites?|ros[eé]s?|sparkling)(?: (?:wines?|vinos?|vins?))?"
            + "(?: (?:do|does|can|could) (?:you|u|y all|you all|you guys|milea|the winery))?"
            + " (?:have|make|sell|offer|produce|carry|pour|tienen|hacen|venden|ofrecen|producen|avez vous|faites vous"
            + "|produisez vous|proposez vous|vendez vous)\\b");

    /**
     * A follow-up naming only a style ("and the reds?", "what about rosé?", "¿y los blancos?", "et les rouges ?"): after a
     * list question it asks for that style's list.
     */
    private static final Pattern BARE_STYLE = Pattern.compile("^(?:(?:and|or|what about|how about|y|et|o)\s+)?"
            + "(?:(?:the|your|any|los|las|les|des|tus|sus|vos)\s+)?(reds?|whites?|ros[eé]s?|sparkling|bubbly|tintos?"
            + "|blancos?|rosados?|espumosos?|rouges?|blancs?|mousseux)(?:\s+(?:wines?|ones?|vinos?|vins?))?"
            + "(?:\s+(?:then|too|now))?$");

    /**
     * A recommendation of any wine, for nothing in particular ("recommend me a wine", "what wine should I try?"):
     * answered by every wine and its price, as the pages say nothing to choose by ("... for steak?" is a pairing).
     */
    private static final Pattern RECOMMEND_ANY =
            Pattern.compile("^(?:(can|could|would) you |please )?(?:(recommend|suggest)"
                    + "( me| us)?( a| one| some| any)?( good| nice)? (wines?|bottles?)|(what|which) (wine|bottle) (do|would|should)"
                    + " (you|i|we) (recommend|suggest|try|get|buy|pick)|what'?s a good (wine|bottle))( to (try|buy|get|start with))?"
                    + "( please)?$");

    /**
     * A question asking which wine goes with a dish ("which white pairs with seafood?", "which red is best with lamb?"):
     * the wine pages' pairing lines answer it, not the list of the style.
     */
    private static final Pattern PAIRED = Pattern.compile("\\b(pair\\w*|maridaje|marida\\w*|accord\\w*"
            + "|go(es)? (well |best |good |great |nicely )?with|match\\w* with|(best|good|great|nice|ideal|perfect|well)"
            + " with|recommend\\w* with|(drink|serve|have|open)\\w* (it |them )?with|(va|van|combina\\w*|acompana\\w*)"
            + " (bien )?con|con que|avec|accompagn\\w*)\\b");

    /** Words asking for the most expensive ("which costs the most?", "¿el más caro?"). */
    static final String MOST_WORDS =
            "most expensive|priciest|highest priced|top shelf|most costly|costs? the most" + "|mas car[oa]s?|plus cher";
    /** Words asking for the least expensive. */
    static final String LEAST_WORDS = "cheapest|least expensive|lowest priced|most affordable|budget|least costly"
            + "|costs? the least|mas barat[oa]s?|moins cher"
            // "is there a cheaper wine?", "anything less expensive?": cheaper than what was discussed, with no other
            // wine named to compare with
            + "|(a|any|anything|something) (cheaper|less expensive|more affordable)";

    /** Words asking for the oldest vintage ("what's your oldest wine?", "¿el más viejo?"). */
    static final String OLDEST_WORDS =
            "oldest|earliest vintage|mas viej[oa]s?|mas antigu[oa]s?|plus vieux|plus vieille|plus ancien(ne)?";
    /** Words asking for the newest vintage ("the youngest red?", "latest release"). */
    static final String NEWEST_WORDS =
            "newest|youngest|latest vintage|latest release|most recent vintage|mas nuev[oa]s?"
                    + "|mas recientes?|mas joven|plus jeune|plus recent(e)?";

    private static final Pattern MOST = Pattern.compile("\\b(" + MOST_WORDS + ")\\b");
    private static final Pattern OLDEST = Pattern.compile("\\b(" + OLDEST_WORDS + ")\\b");
    private static final Pattern NEWEST = Pattern.compile("\\b(" + NEWEST_WORDS + ")\\b");
    /** The vintage a wine's title starts with ("2022 Reserve Cabernet Franc"). */
    private static final Pattern VINTAGE = Pattern.compile("^\\s*((?:19|20)\\d\\d)\\b");

    private static final Pattern LEAST = Pattern.compile("\\b(" + LEAST_WORDS + ")\\b");
    /** Wine itself, in the widget's languages; a style word ({@link Style#asked}) is about wine too. */
    private static final Pattern WINE_WORD = Pattern.compile("\\b(wines?|vinos?|vins?|bottles?)\\b");
    /** Wine pages read at most. */
    static final int MAX_READS = 40;

    /**
     * An English style word naming another thing: followed by a word that is no wine word and does not go on with the
     * question ("sparkling water", "rose body wash", "white bean hummus"), unlike "sparkling wines", "reds under $40",
     * "red or white", "a dry rosé for dinner".
     */
    private static final Pattern OTHER_THING =
            Pattern.compile("\\b(reds?|whites?|roses?|sparkling|bubbly)\\s+(?!(wines?|"
                    + "ones?|bottles?|blends?|dry|sweet|or|and|under|below|over|for|with|from|you|do|does|that|is|are|in|to|"
                    + "than|please|at|by|on|of|goes|go|pairs?|paired|works?|matches|would|should)\\b)(?=\\p{L})");

    /** A wine page and the price its price line gives, if any. */
    record Wine(DocumentSummary page, Optional<String> price) {

        double amount() {
            return WineHandler.dollars(price.orElseThrow());
        }

        Optional<Integer> vintage() {
            var m = VINTAGE.matcher(page.title());
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        }

        String named() {
            return "the " + page.title().strip()
                    + price.map(p -> " (" + p + ")").orElse("");
        }
    }

    private WineCatalog() {}

    /**
     * The direct answer to a list or superlative question about the wines, if the query is one; a superlative follow-up
     * naming no wine ("which one is the cheapest?") ranks the wines of the style its carried words name.
     */
    static Optional<DirectAnswer> answer(UserQuery query, PluginContext context) {
        String focus = withoutOtherThings(query.normalizedFocus());
        boolean most = MOST.matcher(focus).find();
        boolean least = LEAST.matcher(focus).find();
        boolean oldest = OLDEST.matcher(focus).find();
        boolean newest = NEWEST.matcher(focus).find();
        boolean ranked = most || least || oldest || newest;
        // "which of those are white?" after "what wines do you have under $35?": the wines asked about are the ones
        // listed, within the bound the conversation set
        Optional<PriceBound> bound = query.priceBound()
                .or(() -> AMONG_THOSE.matcher(focus).find() ? PriceBound.in(query.text()) : Optional.empty());
        // "wines under $30?": a bound makes it a list of every wine when it names no style
        boolean styleListed = (LIST.matcher(focus).find()
                        || BARE_STYLE.matcher(focus).find()
                                && !focus.equals(query.normalized())
                                && LIST.matcher(withoutOtherThings(query.normalized()))
                                        .find())
                && styles(focus).size() == 1
                && !HOW_OR_WHY.matcher(focus).find();
        // "which white pairs with seafood?": the pages' pairing lines answer, unless no page of the style names the
        // dish
        boolean paired = styleListed && PAIRED.matcher(focus).find();
        // the pages are read in their own words: a dish named in another language is left to the passages
        List<String> dish = paired && query.language().equals("en") ? dishWords(focus) : List.of();
        boolean counted = HOW_MANY.matcher(focus).find();
        boolean list = styleListed && !paired
                || counted
                || !dish.isEmpty()
                || bound.isPresent() && styles(focus).size() <= 1
                || ANY_WINE.matcher(focus).find()
                || WHICH_WINES.matcher(focus).find()
                || RECOMMEND_ANY.matcher(focus).find();
        // "which one is the cheapest?" after "what red wines do you have?": the wines and their style were carried.
        String text = ranked && !aboutWine(focus) ? withoutOtherThings(query.normalized()) : focus;
        List<Style> styles = styles(text);
        // "do you have a rosé and a sparkling wine?": each style's wines under its own heading.
        if (!ranked
                && bound.isEmpty()
                && styles.size() >= 2
                && LIST.matcher(focus).find()
                && !HOW_OR_WHY.matcher(focus).find()) {
            return byStyle(styles, context);
        }
        if (!ranked && !list || !aboutWine(text)) {
            return Optional.empty();
        }
        // "which red goes with chocolate?": a shop page of the turn pairing its chocolate with "our dry red wines"
        if (!dish.isEmpty()
                && offTheWinePages(context, words -> names(words, dish) && aboutWine(String.join(" ", words)))) {
            return Optional.empty();
        }
        List<Wine> wines = new ArrayList<>();
        for (DocumentSummary page : context.listDocuments(WineHandler.DOMAIN).stream()
                .limit(MAX_READS)
                .toList()) {
            if (styles.size() == 1
                    && !styles.getFirst().title.matcher(page.title()).find()) {
                continue;
            }
            Optional<KnowledgeDocument> read = context.readDocument(page.path());
            if (!dish.isEmpty()
                    && read.map(d -> names(Words.of(d.text()), dish)).orElse(true)) {
                return Optional.empty(); // a page of the style names the dish: its pairing line answers
            }
            wines.add(new Wine(page, read.flatMap(d -> WineHandler.price(d.text()))));
        }
        String style = styles.size() == 1 ? styles.getFirst().name + " " : "";
        List<Wine> priced = wines.stream().filter(w -> w.price().isPresent()).toList();
        if (bound.isPresent()) {
            if (priced.isEmpty()) {
                return Optional.empty();
            }
            List<Wine> kept =
                    priced.stream().filter(w -> bound.get().admits(w.amount())).toList();
            if (kept.isEmpty()) {
                List<WineHandler.PricedWine> nearest =
                        atExtreme(priced, !bound.get().below());
                return Optional.of(new DirectAnswer(
                        "None of our " + style + "wines is " + bound.get().said() + "; the "
                                + (bound.get().below() ? "least" : "most") + " expensive "
                                + (nearest.size() == 1 ? "is " : "are ") + named(nearest) + ".",
                        nearest.stream().flatMap(w -> w.paths().stream()).toList(),
                        0.8));
            }
            wines = kept;
            priced = kept;
        }
        if (most || least) {
            if (priced.isEmpty()) {
                return Optional.empty();
            }
            List<WineHandler.PricedWine> picked = atExtreme(priced, most);
            String extremity =
                    "Our " + (most ? "most" : "least") + " expensive " + style + (picked.size() == 1 ? "wine" : "wines")
                            + bound.map(b -> " " + b.said()).orElse("");
            return Optional.of(new DirectAnswer(
                    extremity + (picked.size() == 1 ? " is " : " are ") + named(picked) + ".",
                    picked.stream().flatMap(w -> w.paths().stream()).toList(),
                    0.85));
        }
        if (oldest || newest) {
            return byVintage(wines, oldest, style);
        }
        if (wines.isEmpty()) {
            return Optional.empty();
        }
        // a wine's draft or test page at the same price is listed once, both cited; a bound lists by price
        List<WineHandler.PricedWine> shown = distinct(
                bound.isPresent() ? wines.stream().sorted(Comparator.comparingDouble(Wine::amount)) : wines.stream());
        if (counted && bound.isEmpty()) {
            return Optional.of(listed(
                    "We have " + shown.size() + " " + style + (shown.size() == 1 ? "wine" : "wines") + ":", shown));
        }
        return Optional.of(listed(
                (dish.isEmpty() ? "" : "None of our " + style + "wine pages mentions " + String.join(" ", dish) + ". ")
                        + "Our " + style + "wines"
                        + bound.map(b -> " " + b.said()).orElse("") + ":",
                shown));
    }

    /**
     * Asking for a wine cheaper than one named before ("do you have a cheaper one?", "any cheaper bottle?", "¿uno más
     * barato?", "un vin moins cher ?"), on the folded text.
     */
    static final Pattern CHEAPER_ONE = Pattern.compile("\\b(a|an|any|anything|something|one) (cheaper|less expensive"
            + "|more affordable)\\b|\\bcheaper (ones?|options?|bottles?|wines?)\\b"
            + "|\\b(un|una|uno|une|algo|quelque chose)( \\p{L}+)? (mas barat[oa]|moins cher(e)?)\\b");

    /**
     * The wines priced below a named one, cheapest first: those of its grape (a title holding every grape word of its
     * title: "Cabernet Franc"), else of its style, else any; that none is when it is the least expensive.
     *
     * @param named the wine's pages (one wine: a draft of it merged)
     * @return empty when its price cannot be read
     */
    static Optional<DirectAnswer> cheaperThan(WineHandler.PricedWine named, PluginContext context) {
        if (named.price().isEmpty()) {
            return Optional.empty();
        }
        double limit = named.amount();
        List<Wine> cheaper = context.listDocuments(WineHandler.DOMAIN).stream()
                .limit(MAX_READS)
                .filter(page -> !named.paths().contains(page.path()))
                .map(page ->
                        new Wine(page, context.readDocument(page.path()).flatMap(d -> WineHandler.price(d.text()))))
                .filter(w -> w.price().isPresent() && w.amount() < limit)
                .sorted(Comparator.comparingDouble(Wine::amount))
                .toList();
        String than = " cheaper than the " + named.priced();
        if (cheaper.isEmpty()) {
            return Optional.of(new DirectAnswer("None of our wines is" + than + ".", named.paths(), 0.8));
        }
        List<String> grape =
                Words.of(named.title()).stream().filter(WineNames::variety).toList();
        List<Wine> sameGrape = grape.isEmpty()
                ? List.of()
                : cheaper.stream()
                        .filter(w -> Words.of(w.page().title()).containsAll(grape))
                        .toList();
        if (!sameGrape.isEmpty()) {
            return Optional.of(listed(
                    Character.toUpperCase(than.charAt(1)) + than.substring(2) + ":", distinct(sameGrape.stream())));
        }
        Optional<Style> style = Arrays.stream(Style.values())
                .filter(st -> st.title.matcher(named.title()).find())
                .findFirst();
        List<Wine> sameStyle = style.map(st -> cheaper.stream()
                        .filter(w -> st.title.matcher(w.page().title()).find())
                        .toList())
                .orElse(List.of());
        return Optional.of(
                sameStyle.isEmpty()
                        ? listed("Our wines" + than + ":", distinct(cheaper.stream()))
                        : listed("Our " + style.get().name + " wines" + than + ":", distinct(sameStyle.stream())));
    }

    /** The header, then a line per wine with its price ("- 2023 Orchard Rosé: $22.00"), citing every wine's pages. */
    static DirectAnswer listed(String header, List<WineHandler.PricedWine> wines) {
        StringBuilder sb = new StringBuilder(header);
        for (WineHandler.PricedWine w : wines) {
            sb.append("\n- ").append(w.title());
            if (!w.price().isEmpty()) {
                sb.append(": ").append(w.price());
            }
        }
        return new DirectAnswer(
                sb.toString(), wines.stream().flatMap(w -> w.paths().stream()).toList(), 0.8);
    }

    /**
     * Whether a passage of the turn off the wine pages says something, its title and text read as folded words: the
     * wine pages are then not the whole story (a shop page selling a port or a "Reserve Blaufränkisch", pairing its
     * chocolate with "our dry red wines"), and an answer from the wine pages alone could be wrong.
     */
    static boolean offTheWinePages(PluginContext context, java.util.function.Predicate<List<String>> says) {
        return context.passages().stream()
                .filter(p -> !p.domain().equals(WineHandler.DOMAIN))
                .anyMatch(p -> says.test(Words.of(p.title() + " " + p.text())));
    }

    /** A wine page and its document. */
    record Read(DocumentSummary summary, KnowledgeDocument document) {}

    /** Every wine page (at most {@value #MAX_READS}) with its document; empty when one cannot be read. */
    static Optional<List<Read>> readAll(PluginContext context) {
        List<Read> read = new ArrayList<>();
        for (DocumentSummary summary : context.listDocuments(WineHandler.DOMAIN).stream()
                .limit(MAX_READS)
                .toList()) {
            Optional<KnowledgeDocument> page = context.readDocument(summary.path());
            if (page.isEmpty()) {
                return Optional.empty();
            }
            read.add(new Read(summary, page.get()));
        }
        return Optional.of(read);
    }

    /**
     * "Our rosé wines:" and a line per wine with its price, then the same for each further style; a style without wines
     * says so. Empty when no style has a wine.
     */
    private static Optional<DirectAnswer> byStyle(List<Style> styles, PluginContext context) {
        List<DocumentSummary> pages = context.listDocuments(WineHandler.DOMAIN).stream()
                .limit(MAX_READS)
                .toList();
        List<String> sections = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Style style : styles) {
            List<Wine> wines = pages.stream()
                    .filter(page -> style.title.matcher(page.title()).find())
                    .map(page ->
                            new Wine(page, context.readDocument(page.path()).flatMap(d -> WineHandler.price(d.text()))))
                    .toList();
            List<WineHandler.PricedWine> shown = distinct(wines.stream());
            if (shown.isEmpty()) {
                sections.add("We have no " + style.name + " wines.");
                continue;
            }
            StringBuilder sb = new StringBuilder("Our " + style.name + " wines:");
            for (WineHandler.PricedWine w : shown) {
                sb.append("\n- ").append(w.title());
                if (!w.price().isEmpty()) {
                    sb.append(": ").append(w.price());
                }
                sources.addAll(w.paths());
            }
            sections.add(sb.toString());
        }
        return sources.isEmpty()
                ? Optional.empty()
                : Optional.of(new DirectAnswer(String.join("\n\n", sections), sources, 0.8));
    }

    /**
     * Every wine at the highest (or lowest) price of the priced ones, a draft or test page of one of them not as another
     * wine.
     */
    private static List<WineHandler.PricedWine> atExtreme(List<Wine> priced, boolean highest) {
        double extreme = highest
                ? priced.stream().mapToDouble(Wine::amount).max().orElseThrow()
                : priced.stream().mapToDouble(Wine::amount).min().orElseThrow();
        return distinct(priced.stream().filter(w -> w.amount() == extreme));
    }

    /** "the 2023 Orchard Rosé, at $22.00", "the A and the B, each at $32.00": wines of one price. */
    private static String named(List<WineHandler.PricedWine> samePrice) {
        return Words.joined(samePrice.stream().map(w -> "the " + w.title()).toList())
                + (samePrice.size() == 1 ? ", at " : ", each at ")
                + samePrice.getFirst().price();
    }

    /** The wines in order, each once: a draft or test page repeating a wine at its price is merged into it. */
    static List<WineHandler.PricedWine> distinct(Stream<Wine> wines) {
        List<WineHandler.PricedWine> shown = new ArrayList<>();
        wines.forEach(w -> WineHandler.mergeOrAdd(
                shown,
                new WineHandler.PricedWine(
                        WineHandler.cleanTitle(w.page().title()),
                        w.price().orElse(""),
                        List.of(w.page().path()))));
        return shown;
    }

    /** A pairing label the page's text runs into its first sentence ("PAIRING RECOMMENDATION To enhance ..."). */
    private static final Pattern LABEL_BEFORE =
            Pattern.compile("(?i)^\\W*(food )?pairings?( recommendations?| suggestions?)?\\W*(?=\\p{Lu})");

    /** A follow-up asking among the wines the conversation listed ("which of those", "any of them"). */
    private static final Pattern AMONG_THOSE = Pattern.compile(
            "\\b(of|among|from) (those|these|them|the ones|ellos|ellas|esos|esas|estos|estas|eux|elles|ceux)\\b");

    /** At most this many wines' suggestions answer a dish no page names. */
    private static final int MAX_SUGGESTIONS = 6;

    /**
     * "Which wine goes with pizza?": a pairing question naming a dish but no style, when no wine page names the dish
     * (nor a page of another domain among the turn's passages that speaks of wine): that the pages do not mention
     * it, then each wine's first sentence suggesting food, at most {@value #MAX_SUGGESTIONS}, in the catalogue's order.
     * Empty when a page names the dish (its pairing line answers), the question is not in English (the pages are read
     * in their own words), or no page suggests any food.
     */
    static Optional<DirectAnswer> unpairedDish(UserQuery query, PluginContext context) {
        String focus = query.normalizedFocus();
        if (!query.language().equals("en")
                || !PAIRED.matcher(focus).find()
                || !styles(focus).isEmpty()
                || HOW_OR_WHY.matcher(focus).find()) {
            return Optional.empty();
        }
        List<String> dish = dishWords(focus);
        if (dish.isEmpty()
                || offTheWinePages(context, words -> names(words, dish) && aboutWine(String.join(" ", words)))) {
            return Optional.empty();
        }
        return readAll(context).flatMap(pages -> {
            if (pages.stream().anyMatch(r -> names(Words.of(r.document().text()), dish))) {
                return Optional.empty();
            }
            StringBuilder text = new StringBuilder("None of our wine pages mentions ")
                    .append(String.join(" ", dish))
                    .append(". What they suggest with food:");
            // the same suggestion on two pages (a wine's page and its draft) is shown once, under the shorter title
            Map<String, DocumentSummary> bySentence = new LinkedHashMap<>();
            for (Read page : pages) {
                List<String> sentences =
                        WineFacts.pairingSentences(page.document().text());
                if (!sentences.isEmpty()) {
                    String first = LABEL_BEFORE.matcher(sentences.getFirst()).replaceFirst("");
                    bySentence.merge(
                            first,
                            page.summary(),
                            (a, b) -> a.title().length() <= b.title().length() ? a : b);
                }
            }
            List<String> sources = new ArrayList<>();
            bySentence.entrySet().stream().limit(MAX_SUGGESTIONS).forEach(e -> {
                text.append("\n- **")
                        .append(WineHandler.cleanTitle(e.getValue().title()))
                        .append("**: ")
                        .append(e.getKey());
                sources.add(e.getValue().path());
            });
            return sources.isEmpty()
                    ? Optional.<DirectAnswer>empty()
                    : Optional.of(new DirectAnswer(text.toString(), List.copyOf(sources), 0.8));
        });
    }

    /** Words of a pairing question that name no wine, style or pairing: the dish ("lamb" of "which red goes with lamb?"). */
    private static List<String> dishWords(String focus) {
        return Words.of(focus).stream()
                .filter(w -> w.length() > 2
                        && !Words.FILLER.contains(w)
                        && !PAIRING_WORDS.contains(w)
                        && styles(w).isEmpty()
                        && !PAIRED.matcher(w).matches())
                .toList();
    }

    /** Whether folded words hold one of the dish's words (up to a plural ending). */
    private static boolean names(List<String> words, List<String> dish) {
        return words.stream().anyMatch(w -> dish.stream().anyMatch(x -> Words.same(w, x)));
    }

    /** Words of a pairing question that are not its dish. */
    private static final Set<String> PAIRING_WORDS = Set.of(
            "which",
            "what",
            "whats",
            "best",
            "better",
            "good",
            "great",
            "nice",
            "nicely",
            "ideal",
            "perfect",
            "well",
            "goes",
            "match",
            "matches",
            "recommend",
            "recommended",
            "suggest",
            "would",
            "should",
            "wine",
            "wines",
            "bottle",
            "drink",
            "serve",
            "open",
            "one",
            "que",
            "quel",
            "quelle",
            "vino",
            "vinos",
            "vin",
            "vins");

    /** The text without the style words that name other things ({@link #OTHER_THING}). */
    private static String withoutOtherThings(String normalized) {
        return OTHER_THING.matcher(normalized).replaceAll("");
    }

    /** The wines of the oldest (or newest) vintage among those with one, all of them when several share it. */
    private static Optional<DirectAnswer> byVintage(List<Wine> wines, boolean oldest, String style) {
        Optional<Integer> year =
                wines.stream().flatMap(w -> w.vintage().stream()).reduce(oldest ? Math::min : Math::max);
        if (year.isEmpty()) {
            return Optional.empty();
        }
        List<Wine> of = wines.stream().filter(w -> w.vintage().equals(year)).toList();
        String names = Words.joined(of.stream().map(Wine::named).toList());
        return Optional.of(new DirectAnswer(
                "Our " + (oldest ? "oldest" : "newest") + " " + style + "vintage is " + year.get() + ": " + names + ".",
                of.stream().map(w -> w.page().path()).toList(),
                0.85));
    }

    /** Whether a text speaks of wine: the word, in any of the widget's languages, or a style ("reds", "blancos"). */
    private static boolean aboutWine(String text) {
        return WINE_WORD.matcher(text).find() || !styles(text).isEmpty();
    }

    /** The styles a text asks about ("red", "tintos", "bubbly"), in the enum's order. */
    private static List<Style> styles(String text) {
        List<Style> styles = new ArrayList<>();
        for (Style s : Style.values()) {
            if (s.asked.matcher(text).find()) {
                styles.add(s);
            }
        }
        return styles;
    }
}

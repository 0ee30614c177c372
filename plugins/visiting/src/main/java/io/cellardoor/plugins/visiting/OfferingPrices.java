package io.cellardoor.plugins.visiting;

import io.cellardoor.plugin.api.Passage;
import io.cellardoor.plugin.api.UserQuery;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Answers what a kind of visit costs ("how much is a tasting?", "combien coûte une dégustation ?") from the page that
 * prices the offerings, one {@code ## } section each with its price line ("- **Starting Price**: $25 per person"),
 * instead of from one of many point-of-sale items that share the word ("Ambassador Tasting").
 */
final class OfferingPrices {

    /** A kind of visit a price is asked for (a flight is an item: "Heritage Wine Flight"). */
    private static final Pattern OFFERING =
            Pattern.compile("\\b(tastings?|tours?|experiences?|degustations?|degustacion|catas?|visitas?|visites?)\\b");

    /** A section's price line: a label naming a price, minimum or fee, a colon, then an amount. */
    private static final Pattern PRICE_LINE = Pattern.compile(
            "(?im)^\\s*[-*]?\\s*\\**([^:*\\n]*\\b(?:price|minimum|cost|fee)\\b[^:*\\n]*)\\**\\s*:\\s*\\**\\s*([^\\n]*\\$\\s?\\d[^\\n]*)$");

    /** An item's price label, whatever follows it ("- **Price**: Price unavailable" names a priced item too). */
    private static final Pattern PRICE_LABEL = Pattern.compile("(?im)^\\s*[-*]?\\s*\\**price\\**\\s*:");

    /** The question asks for the least expensive offering. */
    private static final Pattern LEAST =
            Pattern.compile("\\b(cheapest|cheaper|least expensive|less expensive|lowest priced"
                    + "|most affordable|mas barat[oa]s?|moins cher\\w*)\\b");
    /** The question asks for the most expensive offering. */
    private static final Pattern MOST = Pattern.compile(
            "\\b(most expensive|more expensive|priciest|pricier|highest priced" + "|mas car[oa]s?|plus cher\\w*)\\b");
    /** Words referring back to several things at once. */
    private static final Pattern SEVERAL = Pattern.compile("\\b(?:they|them|those|these|all of)\\b");

    /** The first amount of a price ("$25 per person": 25). */
    private static final Pattern AMOUNT = Pattern.compile("\\$\\s?(\\d[\\d,]*(?:\\.\\d+)?)");

    /** Question words that say what is asked, not which offering. */
    private static final Set<String> ASKING = Set.of(
            "how",
            "much",
            "what",
            "does",
            "do",
            "is",
            "are",
            "the",
            "a",
            "an",
            "for",
            "per",
            "person",
            "people",
            "price",
            "prices",
            "pricing",
            "cost",
            "costs",
            "fee",
            "fees",
            "charge",
            "charges",
            "pay",
            "your",
            "you",
            "it",
            "one",
            "of",
            "to",
            // at a winery every visit is about wine: "a wine tasting" is a tasting
            "wine",
            "wines",
            "vino",
            "vin");

    /** One priced offering: its section's heading and the price line's label and amount. */
    record Offering(String name, String label, String amount) {}

    private OfferingPrices() {}

    /**
     * Whether a question asks what a kind of visit costs without naming one priced item of the turn's passages.
     *
     * @param passages the turn's retrieved passages; a priced item's title sharing a distinctive word with the question
     *     ("Farmhouse Tasting" for "how much is the farmhouse tasting?"; "Industry Tasting", whose page says "Price
     *     unavailable", for "how much is the industry tasting?") means the question names that item
     */
    static boolean asked(UserQuery query, List<Passage> passages) {
        String text = query.normalizedFocus();
        // "is there a cheaper option?" after a tasting compares the kinds of visit the conversation is about
        boolean comparing = LEAST.matcher(text).find() || MOST.matcher(text).find();
        // "how much are they?" after "what tastings do you offer?": the kinds of visit the conversation is about
        boolean several =
                !query.focus().equals(query.text()) && SEVERAL.matcher(text).find();
        if (!new UserQuery(query.focus(), query.language()).asksPrice()
                || !OFFERING.matcher(comparing || several ? query.normalized() : text)
                        .find()) {
            return false;
        }
        Set<String> naming = naming(text);
        return passages.stream()
                .filter(p -> PRICE_LINE.matcher(p.text()).find()
                        || PRICE_LABEL.matcher(p.text()).find())
                .map(p -> naming(normalized(p.title())))
                .noneMatch(title -> title.stream().anyMatch(naming::contains));
    }

    /** Whether a page's title names a kind of visit ("Tasting Experiences", "Tours"). */
    static boolean titled(String title) {
        return OFFERING.matcher(normalized(title)).find();
    }

    /**
     * The offerings a page prices, one per {@code ## } section that has a price line, in page order.
     *
     * @return empty unless the page prices at least two offerings
     */
    static List<Offering> read(String markdown) {
        List<Offering> offerings = new ArrayList<>();
        for (String section : markdown.split("(?m)^## ")) {
            int end = section.indexOf('\n');
            if (end < 0 || section.startsWith("#")) {
                continue;
            }
            Matcher price = PRICE_LINE.matcher(section.substring(end));
            if (price.find()) {
                offerings.add(new Offering(
                        section.substring(0, end).strip(),
                        price.group(1).strip(),
                        price.group(2).strip()));
            }
        }
        return offerings.size() < 2 ? List.of() : offerings;
    }

    /**
     * The answer: the offerings whose names share the most distinctive words with the question ("large group" picks
     * the large group reservation, "tasting" both tastings), or every offering when none shares one; a bullet each,
     * "**name**: label amount".
     */
    static Optional<String> answer(UserQuery query, List<Offering> offerings) {
        Set<String> asked = new HashSet<>(distinctive(query.normalizedFocus()));
        // "degustación" asks for what the English page calls a tasting
        Set.copyOf(asked).forEach(w -> asked.addAll(VisitingVocabulary.SYNONYMS.getOrDefault(w, List.of())));
        ToIntFunction<Offering> shared = o -> (int) distinctive(normalized(o.name())).stream()
                .filter(asked::contains)
                .count();
        int most = offerings.stream().mapToInt(shared).max().orElse(0);
        List<Offering> listed = most == 0
                ? offerings
                : offerings.stream().filter(o -> shared.applyAsInt(o) == most).toList();
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        String text = query.normalizedFocus();
        boolean least = LEAST.matcher(text).find();
        boolean dearest = !least && MOST.matcher(text).find();
        // "which tasting is the cheapest?": the cheapest named first, then every price to compare
        String lead = (least || dearest) && listed.size() >= 2
                ? listed.stream()
                        .filter(o -> AMOUNT.matcher(o.amount()).find())
                        .min(java.util.Comparator.comparingDouble((Offering o) -> (least ? 1 : -1) * amount(o)))
                        .map(o -> "The " + o.name() + " is the " + (least ? "least" : "most") + " expensive, at "
                                + o.amount() + ".\n")
                        .orElse("")
                : "";
        return Optional.of(lead
                + listed.stream()
                        .map(o -> "- **" + o.name() + "**: " + o.label() + " " + o.amount())
                        .collect(Collectors.joining("\n")));
    }

    /** An offering's first amount, in the page's currency units. */
    private static double amount(Offering offering) {
        Matcher m = AMOUNT.matcher(offering.amount());
        return m.find() ? Double.parseDouble(m.group(1).replace(",", "")) : Double.NaN;
    }

    /** Words of a normalized text that may name something: not asking words, not plurals' "s", 4 letters or more. */
    private static Set<String> distinctive(String normalized) {
        return Arrays.stream(normalized.split(" "))
                .filter(w -> w.length() >= 4 && !ASKING.contains(w))
                .map(w -> w.endsWith("s") ? w.substring(0, w.length() - 1) : w)
                .collect(Collectors.toSet());
    }

    /** The distinctive words of a text other than the kinds of visit: what names one item ("farmhouse"). */
    private static Set<String> naming(String normalized) {
        return distinctive(normalized).stream()
                .filter(w -> !OFFERING.matcher(w).matches())
                .collect(Collectors.toSet());
    }

    private static String normalized(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}

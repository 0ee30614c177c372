package io.cellardoor.plugins.merchandise;

import io.cellardoor.plugin.api.ClassifierScore;
import io.cellardoor.plugin.api.KeywordClassifier;
import io.cellardoor.plugin.api.QueryClassifier;
import io.cellardoor.plugin.api.UserQuery;

/**
 * Scores shop and food-menu questions: apparel, drinkware and gifts, dishes and menu vocabulary, and the shape
 * of a question about one item ("price on the X?", "what's on the X"). Product names cannot all be known, so
 * dish vocabulary and that shape stand in for them.
 */
public final class MerchandiseQueryClassifier implements QueryClassifier {

    private static final String ITEMS = "hats?|caps?|beanies?|hoodies?|sweatshirts?|sweaters?|shirts?|t ?shirts?"
            + "|tees?|tank tops?|jackets?|vests?|socks|apparel|clothing|totes?|bags?|aprons?|glass(es)?(?! of)"
            + "|stemless|tumblers?|mugs?|corkscrews?|openers?|decanters?|stoppers?|coasters?|candles?|soaps?|lotions?"
            + "|bath salts|gifts?|gift cards?|baskets?|blankets?|books"
            // "a book", not "need to book" or "book a table"
            + "|(?<!\\b(?:to|i|we|you|can) )book(?! (?:a|an|the|my|our|your|it|for|online|ahead|in advance)\\b)"
            + "|bouquets?|flowers?|ornaments?|magnets?"
            + "|stickers?|keychains?|coolers?"
            // the same in Spanish and French, as the vocabulary maps them
            + "|camisetas?|gorras?|sombreros?|sudaderas?|copas?|sacacorchos|regalos?|cestas?|canastas?|bolsas?"
            + "|casquettes?|chapeaux?|verres?|tire bouchons?|cadeaux?|paniers?|sacs?";
    private static final String FOOD = "menu|food|eat|eats|snacks?|bites|hungry|kitchen|appetizers?|apps|entrees?"
            + "|desserts?|dish(es)?|plates?|boards?|sandwich(es)?|burgers?|sliders?|fries|salads?|soups?|pizzas?"
            + "|flatbreads?|tacos?|oysters?|cheeses?|charcuterie|mozzarella|brie|camembert|cheddar|gouda"
            + "|manchego|parmesan|prosciutto|salami|hummus|dips?|bread|focaccia|crostini|bruschetta|olives|nuts"
            + "|chocolates?|truffles?|cakes?|cookies?|brownies?|cupcakes?|pies?|tarts?|churros|ice cream|gelato"
            + "|steak|beef|chicken|wings|pork|ribs|bacon|duck|lamb|fish|salmon|tuna|cod|shrimp|lobster|crab|clams"
            + "|mussels|scallops|ceviche|crudo|calamari|dumplings|bao|arancini|risotto|pasta|gnocchi|tortellini"
            + "|ravioli|mac and cheese|nachos|quesadillas?|empanadas?|croquettes?|fritters?|potatoes|avocado toast"
            + "|eggs|pancakes|french toast|waffles|donuts|pretzels?|popcorn|satay|skewers|kebabs?|meatballs?|vegan"
            + "|vegetarian|gluten free|brunch"
            + "|comida|comer|quesos?|aceitunas|postres?|nourriture|manger|repas|fromages?|chocolats?";
    private static final String PRICE = "(?:\\bhow much\\b|\\bprices?\\b|\\bpriced\\b|\\bcosts?\\b|\\$)";

    private static final KeywordClassifier SIGNALS = KeywordClassifier.builder()
            .rule("\\b(shop|shops|store|boutique|tienda|merch\\w*|souvenirs?|gift shop|retail)\\b", 0.55, "shop")
            .rule("\\b(" + ITEMS + ")\\b", 0.55, "product")
            .rule("\\b(" + FOOD + ")\\b", 0.45, "menu item")
            .rule(
                    PRICE + ".{0,30}\\b(" + ITEMS + "|" + FOOD + ")\\b|\\b(" + ITEMS + "|" + FOOD + ")\\b.{0,40}"
                            + PRICE,
                    0.35,
                    "priced item")
            .rule(
                    "\\b(price (on|of|for)|what'?s on (the|your|it)|whats in|what'?s in (the|it)|what comes on|comes with"
                            + "|toppings?|ingredients?)\\b",
                    0.35,
                    "item question")
            .rule("\\b(serve|served|serving)\\b", 0.15, "serving")
            .rule(
                    "\\b(buy|purchase|order|sell|sold|in stock|ship|shipping|deliver\\w*"
                            + "|venden|vende|vendemos|comprar|vendez|vendent|vendre|acheter|achete"
                            // Spanish "envío" is also a club's shipment: not a word of the shop's alone
                            + "|livraison|livrez|livrer)\\b",
                    0.25,
                    "purchase")
            .rule(
                    "\\b(lemonade|soda|coffee|espresso|latte|cappuccino|tea|juice|mocktails?|non alcoholic|beer|cider"
                            + "|kombucha|drinks|beverages?|bebidas|boissons)\\b",
                    0.35,
                    "drink")
            .rule(PRICE, 0.1, "price")
            .build();

    @Override
    public ClassifierScore classify(UserQuery query) {
        return SIGNALS.classify(query);
    }
}

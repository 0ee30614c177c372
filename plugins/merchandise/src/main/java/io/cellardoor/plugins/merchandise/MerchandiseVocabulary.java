package io.cellardoor.plugins.merchandise;

import io.cellardoor.plugin.api.Synonyms;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Words visitors use about the shop and the menu, in English, Spanish and French, mapped to the words the product pages use.
 *
 * <p>Each line is {@code visitor word=page words}; the host adds the page words to the keyword search and to the
 * extractive answerer's matching whenever the visitor's word appears in a question. Spanish and French words are here
 * because the knowledge is written in English and the chat widget speaks all three. The wine words are the wine
 * plugin's too: a plugin reads item names ("copas de vino") with its own words only.
 */
final class MerchandiseVocabulary {

    private static final String LINES = """
            merch,swag=merchandise
            tienda,boutique=shop
            camiseta,camisetas=shirt
            gorra,gorras,sombrero,sombreros,casquette,chapeau,chapeaux=hat cap
            bolsa,bolsas,sac,sacs=bag
            chocolat,chocolats=chocolate
            sudadera,sudaderas,sweat=hoodie sweatshirt
            sweatshirt,sweatshirts,sweater,sweaters,pullover,pullovers=hoodie
            corkscrew,corkscrews,sacacorchos=opener
            regalo,regalos,cadeau,cadeaux=gift
            cesta,canasta,panier=basket
            copa,copas,verre,verres=glass
            vino,vinos,vin,vins=wine
            comida,nourriture,repas,manger,comer=food menu
            dessert,desserts,postre,postres,sweets=chocolate cookies cupcake mousse cake tart gelato
            snack,snacks,munchies,bocadillos,botanas,grignoter=chips crackers nuts olives popcorn pretzels
            menu=menu
            bebida,bebidas,boisson,boissons=drink
            cerveza,biere=beer
            cafe=coffee
            queso,quesos,fromage=cheese
            comprar,acheter,compra=buy
            precio,prix=price
            deliver,delivers,delivery,deliveries,envio,envios,entrega,livraison,livrez=shipping
            clothing,clothes,apparel,ropa,vetements=hoodie hat polo vest shirt cap
            glassware,cristaleria=glass flute tumbler
            accessories,accesorios,accessoires=opener stopper pourer corker bucket coasters
            toiletries,soap,soaps,skincare,jabon,savon=body shampoo conditioner bath
            pantry,groceries,gourmet=honey olives crackers crisps spread mustard oil almond
            flowers,flores,fleurs=bouquet wreath
            """;

    /** Visitor word -> page words. */
    static final Map<String, List<String>> SYNONYMS = Synonyms.parse(LINES);

    /**
     * A kind of thing the shop sells, as the overview of the whole shop names it.
     *
     * @param label the kind as the answer names it ("Bath and body")
     * @param word the visitor word whose page words ({@link #SYNONYMS}) or itself the titles of its items hold
     */
    record Kind(String label, String word) {}

    /** The kinds the overview of the whole shop lists, in this order; an item is listed under the first that holds it. */
    static final List<Kind> SHOP_KINDS = List.of(
            new Kind("Clothing", "clothing"),
            new Kind("Glassware", "glassware"),
            new Kind("Wine accessories", "accessories"),
            new Kind("Bath and body", "toiletries"),
            new Kind("Chocolate", "chocolate"),
            new Kind("Pantry", "pantry"),
            new Kind("Flowers", "flowers"),
            new Kind("Gifts", "gift"));

    /**
     * The menu's courses, each a word and the title words of its dishes and drinks: the overview of the whole menu
     * ({@link #MENU_KINDS}) and a question naming a course ("do you have seafood?", {@link #ITEM_WORDS}) read them; they
     * are never added to the search, so "drinks" in a question does not pull every soda.
     */
    static final Map<String, List<String>> COURSES = Synonyms.parse("""
            soups=soup
            seafood=lobster shrimp oyster mussels octopus cod trout tuna yellowtail crudo tartare
            pasta=ravioli tortellini gnocchi lasagna tagliatelle ramen
            brunch=eggs benedict quiche shakshuka toast bacon potatoes
            charcuterie=cheese salami chorizo camembert burrata
            tapas=plate fritters arancini satay sliders hummus croquette shumai potstickers fries peppers pizzette \
            tempura beets broccolini sprouts salad tomatoes chicken beef
            sweets=churros cupcake cookies mousse macarons tart foster cream
            drinks=beer ale soda lemonade water coffee espresso tea cider americano gin vodka bourbon
            """);

    /** The courses the overview of the whole menu lists, in this order; a dish is listed under the first that holds it. */
    static final List<Kind> MENU_KINDS = List.of(
            new Kind("Soups", "soups"),
            new Kind("Small plates and tapas", "tapas"),
            new Kind("Seafood", "seafood"),
            new Kind("Pasta", "pasta"),
            new Kind("Brunch", "brunch"),
            new Kind("Cheese and charcuterie", "charcuterie"),
            new Kind("Desserts", "sweets"),
            new Kind("Drinks besides wine", "drinks"));

    /** The words an item asked about may be: {@link #SYNONYMS}, and the {@link #COURSES} no synonym line names. */
    static final Map<String, List<String>> ITEM_WORDS = withCourses();

    private static Map<String, List<String>> withCourses() {
        Map<String, List<String>> words = new HashMap<>(COURSES);
        words.putAll(SYNONYMS);
        return Map.copyOf(words);
    }

    private MerchandiseVocabulary() {}
}

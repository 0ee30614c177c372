package io.cellardoor.plugins.merchandise;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.Passage;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.plugin.api.testing.InMemoryPluginContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MerchandiseTests {

    private final MerchandisePlugin plugin = new MerchandisePlugin();
    private final InMemoryPluginContext shop = new InMemoryPluginContext()
            .add(
                    "merchandise",
                    "shop/crispy-tofu-bao.md",
                    "Crispy Tofu Bao Bun",
                    "# Crispy Tofu Bao Bun\n- **Price**: $14.00\n")
            .add("merchandise", "shop/crispy-tofu.md", "Crispy Tofu", "# Crispy Tofu\n- **Price**: $11.00\n")
            .add(
                    "merchandise",
                    "shop/tweed-cap.md",
                    "Tweed Cap",
                    "# Tweed Cap\n- **Price**: $32.00\nDesigned by our cellar team.\n")
            .add("merchandise", "shop/tweed-cap-2.md", "Tweed Cap", "# Tweed Cap\n- **Price**: $32.00\n")
            .add("merchandise", "shop/linen-cap.md", "Linen Cap", "# Linen Cap\n- **Price**: $28.00\n")
            .add("merchandise", "shop/short-rib-sliders.md", "Short Rib Sliders", "# Short Rib Sliders\nPrice: $19\n")
            .add("merchandise", "shop/gift-box.md", "Holiday Gift Box", "# Holiday Gift Box\n- **Price**: $75.00\n")
            .add("merchandise", "shop/card-fee.md", "Card Surcharge", "# Card Surcharge\n- **Price**: $1.00\n");

    /** The text of the handler's direct answer to an English question, if it gives one. */
    private Optional<String> answer(String question, InMemoryPluginContext context) {
        return plugin.handler()
                .handle(new UserQuery(question, "en"), context)
                .directAnswer()
                .map(DirectAnswer::text);
    }

    private static double score(String question) {
        return new MerchandiseQueryClassifier()
                .classify(new UserQuery(question, "en"))
                .score();
    }

    @Test
    void theCheapestOrDearestItemOfAKindOrOfAllIsNamedWithItsPriceAndNoChargeIsAnItem() {
        assertThat(answer("what's your cheapest cap?", shop))
                .contains("The least expensive cap we list is the Linen Cap, at $28.00.");
        assertThat(answer("which is the most expensive cap?", shop))
                .contains("The most expensive cap we list is the Tweed Cap, at $32.00.");
        assertThat(answer("what's the cheapest thing in the shop?", shop))
                .as("the card surcharge is a charge, not an item")
                .contains("The least expensive item on our shop and menu list is the Crispy Tofu, at $11.00.");
        assertThat(answer("what is the priciest item you sell?", shop))
                .contains("The most expensive item on our shop and menu list is the Holiday Gift Box, at $75.00.");
        assertThat(answer("what's your cheapest vegan cap?", shop))
                .as("a word no title has")
                .isEmpty();
        assertThat(answer(
                        "what's the most expensive item in the shop?",
                        shop.add("merchandise", "shop/house.md", "The House", "# The House\n- **Price**: $1,200.00\n")))
                .as("a title with its own article gets no second one")
                .contains("The most expensive item on our shop and menu list is The House, at $1,200.00.");
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery(
                                        "which is the cheapest? do you sell caps? Tweed Cap",
                                        "en",
                                        "which is the cheapest?"),
                                shop)
                        .directAnswer()
                        .map(DirectAnswer::text))
                .as("a follow-up ranks the kind the carried question asked about")
                .contains("The least expensive cap we list is the Linen Cap, at $28.00.");
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery(
                                        "and the most expensive? which is the cheapest? do you sell caps? Linen Cap",
                                        "en",
                                        "and the most expensive?"),
                                shop.add("merchandise", "shop/cap-hook.md", "Hook for Caps", "- Price: $90.00\n"))
                        .directAnswer()
                        .map(DirectAnswer::text))
                .as("a hook for caps is no cap")
                .contains("The most expensive cap we list is the Tweed Cap, at $32.00.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "the tweed cap - who made it and how much?",
                "price on the spicy tofu sandwich?",
                "how much are the lamb sliders and which wine should I get with them?",
                "can I buy a gift card?",
                "r u serving any oysters today",
                "¿tienen copas de vino?",
                "avez-vous des verres à vin ?",
                "est-ce que vous avez du fromage ?",
                "do you sell a book about the estate?"
            })
    void classifierClaimsShopAndMenuQuestions(String question) {
        assertThat(score(question)).isGreaterThanOrEqualTo(0.4);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "how big is the farm and how much of it is planted?",
                "will my rewards expire?",
                "are you open on monday",
                "what does the reserve cab franc cost?",
                "can I just show up or do I need to book?",
                "how do I book a tasting?"
            })
    void classifierIgnoresOtherQuestions(String question) {
        assertThat(score(question)).isLessThan(0.25);
    }

    @Test
    void aVisitorSayingWhatTheyLookForIsAskedWhetherTheShopHasIt() {
        assertThat(answer("I need a cap for my dad. Anything under $30?", shop))
                .as("the thing wished for, within the limit")
                .contains("Our caps under $30:\n- **Linen Cap**: $28.00");
        assertThat(answer("looking for a cap", shop))
                .contains("Yes, we have:\n- **Linen Cap**: $28.00\n- **Tweed Cap**: $32.00");
        assertThat(answer("I need to cancel my order", shop))
                .as("a wish to do something names no item")
                .isEmpty();
    }

    @Test
    void anEnglishKindIsNamedInThePlural() {
        assertThat(MerchandiseHandler.plural("gift")).isEqualTo("gifts");
        assertThat(MerchandiseHandler.plural("wine glass")).isEqualTo("wine glasses");
        assertThat(MerchandiseHandler.plural("candy")).isEqualTo("candies");
        assertThat(MerchandiseHandler.plural("box")).isEqualTo("boxes");
        assertThat(MerchandiseHandler.plural("hats")).isEqualTo("hats");
    }

    @Test
    void classifierRoutesDeliveryQuestionsInFrench() {
        assertThat(score("combien coûte la livraison ?")).isGreaterThanOrEqualTo(0.25);
        assertThat(score("livrez-vous à New York ?")).isGreaterThanOrEqualTo(0.25);
    }

    @Test
    void classifierRoutesEatingInSpanishAndFrench() {
        assertThat(score("est-ce qu'on peut manger sur place ?")).isGreaterThanOrEqualTo(0.25);
        assertThat(score("¿se puede comer allí?")).isGreaterThanOrEqualTo(0.25);
    }

    @Test
    void classifierRoutesTheShapeOfADishQuestionEvenForAnUnknownDish() {
        assertThat(score("whats on the halloumi")).isGreaterThanOrEqualTo(0.25);
    }

    @Test
    void answersThePriceOfTheMostSpecificDish() {
        HandlerResult result = plugin.handler().handle(new UserQuery("price on the crispy tofu bao bun?", "en"), shop);

        DirectAnswer answer = result.directAnswer().orElseThrow();
        assertThat(answer.text()).isEqualTo("The Crispy Tofu Bao Bun is $14.00.");
        assertThat(answer.sourcePaths()).containsExactly("shop/crispy-tofu-bao.md");
        assertThat(result.plan().boostPaths()).containsExactly("shop/crispy-tofu-bao.md");
    }

    @Test
    void prefersTheItemWhoseWholeNameIsSpelledOut() {
        DirectAnswer answer = plugin.handler()
                .handle(new UserQuery("price on the crispy tofu?", "en"), shop)
                .directAnswer()
                .orElseThrow();

        assertThat(answer.text()).isEqualTo("The Crispy Tofu is $11.00.");
        assertThat(answer.sourcePaths()).containsExactly("shop/crispy-tofu.md");
    }

    @Test
    void boostsNothingWhenOnlyLooseWordsMatch() {
        HandlerResult result = plugin.handler().handle(new UserQuery("do you have gift cards?", "en"), shop);

        assertThat(result.plan().boostPaths()).isEmpty();
        assertThat(result.directAnswer()).isEmpty();
    }

    @Test
    void treatsPagesWithTheSameNameAsOneProduct() {
        DirectAnswer answer = plugin.handler()
                .handle(new UserQuery("how much is the tweed cap", "en"), shop)
                .directAnswer()
                .orElseThrow();

        assertThat(answer.text()).isEqualTo("The Tweed Cap is $32.00.");
        assertThat(answer.sourcePaths()).containsExactlyInAnyOrder("shop/tweed-cap.md", "shop/tweed-cap-2.md");
    }

    @Test
    void listsThePriceOfEveryItemWhenSeveralProductsMatch() {
        HandlerResult result = plugin.handler().handle(new UserQuery("how much is a cap?", "en"), shop);

        assertThat(result.directAnswer().orElseThrow().text())
                .isEqualTo("- **Linen Cap**: $28.00\n- **Tweed Cap**: $32.00");
        assertThat(result.plan().boostPaths()).contains("shop/linen-cap.md", "shop/tweed-cap.md");
    }

    @Test
    void aCheaperOneThanANamedItemListsTheCheaperItemsOfItsKind() {
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery(
                                        "do you have a cheaper one? how much is the tweed cap?",
                                        "en",
                                        "do you have a cheaper one?"),
                                shop)
                        .directAnswer()
                        .map(DirectAnswer::text))
                .contains("Cheaper than the Tweed Cap ($32.00):\n- **Linen Cap**: $28.00");
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery(
                                        "anything cheaper? how much is the linen cap?", "en", "anything cheaper?"),
                                shop)
                        .directAnswer()
                        .map(DirectAnswer::text))
                .contains("Nothing of its kind we list is cheaper than the Linen Cap ($28.00).");
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery(
                                        "¿tienen uno más barato? ¿cuánto cuesta la tweed cap?",
                                        "es",
                                        "¿tienen uno más barato?"),
                                shop)
                        .directAnswer()
                        .map(DirectAnswer::text))
                .contains("Cheaper than the Tweed Cap ($32.00):\n- **Linen Cap**: $28.00");
    }

    @Test
    void aFollowUpAskingWhatTheyCostListsEveryItemOfTheKindItsCarriedQuestionAskedAbout() {
        // the carried title names one cap; "they" are the caps the visitor asked about
        HandlerResult result = plugin.handler()
                .handle(
                        new UserQuery("how much are they? do you sell caps? Tweed Cap", "en", "how much are they?"),
                        shop);

        assertThat(result.directAnswer().map(DirectAnswer::text))
                .contains("- **Linen Cap**: $28.00\n- **Tweed Cap**: $32.00");
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery("how much is it? do you sell caps? Tweed Cap", "en", "how much is it?"),
                                shop)
                        .directAnswer()
                        .map(DirectAnswer::text))
                .as("one thing referred to: the one the carried title names")
                .contains("The Tweed Cap is $32.00.");
    }

    @Test
    void anItemOfTwoPagesAtTwoPricesShowsBoth() {
        InMemoryPluginContext flowers = new InMemoryPluginContext()
                .add("merchandise", "shop/b1.md", "Dried Bouquet", "# Dried Bouquet\n- **Price**: $32.00\n")
                .add("merchandise", "shop/b2.md", "Dried Bouquet", "# Dried Bouquet\n- **Price**: $28.00\n");

        assertThat(answer("do you have bouquets?", flowers).orElseThrow())
                .isEqualTo("Yes, we have:\n- **Dried Bouquet**: $32.00 or $28.00");
    }

    @Test
    void aPriceListLeavesOutItemsWithoutAPrice() {
        InMemoryPluginContext shipping = new InMemoryPluginContext()
                .add("merchandise", "shop/shipping.md", "Shipping", "# Shipping\n- **Price**: Price unavailable\n")
                .add(
                        "merchandise",
                        "shop/flat.md",
                        "Flat Rate Shipping",
                        "# Flat Rate Shipping\n- **Price**: $20.00\n");

        assertThat(answer("how much does shipping cost?", shipping).orElseThrow())
                .isEqualTo("- **Flat Rate Shipping**: $20.00");
    }

    @Test
    void boostsWithoutAnsweringWhenTheQuestionAsksMoreThanThePrice() {
        HandlerResult result = plugin.handler()
                .handle(
                        new UserQuery(
                                "how much are the short rib sliders and which wine should I get with them?", "en"),
                        shop);

        assertThat(result.directAnswer()).isEmpty();
        assertThat(result.plan().boostPaths()).containsExactly("shop/short-rib-sliders.md");
        assertThat(result.plan().domainWeights()).containsEntry("wine", 0.8);
    }

    @Test
    void aWordThatOnlyQualifiesSeveralProductsNamesNoneOfThem() {
        InMemoryPluginContext accessories = new InMemoryPluginContext()
                .add("merchandise", "shop/opener.md", "Wine Opener", "# Wine Opener\n- **Price**: $28.00\n")
                .add("merchandise", "shop/stopper.md", "Sparkling Wine Stopper", "# Stopper\n- **Price**: $10.00\n")
                .add("merchandise", "shop/glass.md", "Stemless Wine Glass", "# Glass\n- **Price**: $12.00\n")
                .add("merchandise", "shop/bao.md", "Tofu Bao Bun", "# Tofu Bao Bun\n- **Price**: $14.00\n");

        assertThat(plugin.handler()
                        .handle(new UserQuery("how old must I be to order wine online?", "en"), accessories)
                        .plan()
                        .boostPaths())
                .as("wine is what the accessories are for, not one of them")
                .isEmpty();
        assertThat(answer("how much is the wine opener?", accessories).orElseThrow())
                .isEqualTo("The Wine Opener is $28.00.");
        assertThat(answer("price on the bao?", accessories).orElseThrow())
                .as("a qualifier of one title still names it")
                .isEqualTo("The Tofu Bao Bun is $14.00.");
    }

    @Test
    void aTitleWithoutTheQualifierAskedNamesTheThingOnlyWhenItIsThatThing() {
        InMemoryPluginContext gifts = new InMemoryPluginContext()
                .add("merchandise", "shop/box.md", "Holiday Gift Box", "# Box\n- **Price**: $75.00\n")
                .add("merchandise", "shop/basket.md", "Small Gift Basket", "# Basket\n- **Price**: $40.00\n")
                .add("merchandise", "shop/set.md", "Soap Gift Set", "# Set\n- **Price**: $30.00\n")
                .add("merchandise", "shop/fee.md", "Credit Card Fee", "# Fee\n- **Price**: Price unavailable\n")
                .add("merchandise", "shop/note.md", "Thank You Card", "# Card\n- **Price**: $5.00\n");

        assertThat(plugin.handler()
                        .handle(new UserQuery("can I get a gift card?", "en"), gifts)
                        .plan()
                        .boostPaths())
                .as("a card fee is no gift card; a thank-you card is a card")
                .containsExactly("shop/note.md");
        assertThat(answer("how much is the gift basket?", gifts).orElseThrow())
                .isEqualTo("The Small Gift Basket is $40.00.");
    }

    @Test
    void answersWhetherTheShopHasEachThingAskedAboutWithPrices() {
        DirectAnswer answer = plugin.handler()
                .handle(new UserQuery("do you sell caps or sliders?", "en"), shop)
                .directAnswer()
                .orElseThrow();

        assertThat(answer.text())
                .isEqualTo(
                        "Yes, we have:\n- **Linen Cap**: $28.00\n- **Tweed Cap**: $32.00\n- **Short Rib Sliders**: $19");
        assertThat(answer.sourcePaths())
                .containsExactlyInAnyOrder(
                        "shop/linen-cap.md", "shop/tweed-cap.md", "shop/tweed-cap-2.md", "shop/short-rib-sliders.md");
    }

    @Test
    void listsTheItemsThatAreTheThingAskedAboutFirst() {
        InMemoryPluginContext sweets = new InMemoryPluginContext()
                .add("merchandise", "shop/mousse.md", "Chocolate Mousse", "# Chocolate Mousse\n- **Price**: $10.00\n")
                .add("merchandise", "shop/bar.md", "Sea Salt Chocolate", "# Sea Salt Chocolate\n- **Price**: $9.00\n")
                .add(
                        "merchandise",
                        "shop/bread.md",
                        "Extra Bread for Chocolate",
                        "# Extra Bread\n- **Price**: $3.00\n");

        assertThat(answer("any chocolate?", sweets).orElseThrow())
                .isEqualTo("Yes, we have:\n- **Sea Salt Chocolate**: $9.00\n- **Chocolate Mousse**: $10.00"
                        + "\n- **Extra Bread for Chocolate**: $3.00");
    }

    @Test
    void aCategoryOfTheMenuListsTheItemsNamedForItsKinds() {
        InMemoryPluginContext menu = new InMemoryPluginContext()
                .add("merchandise", "shop/mousse.md", "Chocolate Mousse", "# Chocolate Mousse\n- **Price**: $10.00\n")
                .add("merchandise", "shop/cupcake.md", "Cupcake", "# Cupcake\n- **Price**: $6.00\n")
                .add("merchandise", "shop/chips.md", "Truffle Chips", "# Truffle Chips\n- **Price**: $8.00\n")
                .add("merchandise", "shop/cap.md", "Linen Cap", "# Linen Cap\n- **Price**: $28.00\n");

        assertThat(answer("do you have dessert?", menu).orElseThrow())
                .contains("Chocolate Mousse", "Cupcake")
                .doesNotContain("Linen Cap", "Truffle Chips");
        assertThat(answer("what snacks can I buy?", menu).orElseThrow())
                .contains("Truffle Chips")
                .doesNotContain("Linen Cap");
    }

    @Test
    void aQuestionAboutTheWholeShopGetsItsKindsWithCountsPricesAndExamples() {
        InMemoryPluginContext store = new InMemoryPluginContext()
                .add("merchandise", "shop/hoodie.md", "Black Hoodie", "# Black Hoodie\n- **Price**: $35.00\n")
                .add("merchandise", "shop/hat.md", "Hat", "# Hat\n- **Price**: $25.00\n")
                .add("merchandise", "shop/vest.md", "Milea Vest", "# Milea Vest\n- **Price**: $40.00\n")
                .add("merchandise", "shop/polo.md", "Long Sleeve Polo", "# Long Sleeve Polo\n- **Price**: $30.00\n")
                .add("merchandise", "shop/glass.md", "Cider Glass", "# Cider Glass\n- **Price**: $6.00\n")
                .add("merchandise", "shop/opener.md", "Wine Opener", "# Wine Opener\n- **Price**: $28.00\n")
                .add("merchandise", "shop/choc.md", "Oat Milk Chocolate", "# Oat Milk Chocolate\n- **Price**: $9.00\n")
                .add("merchandise", "shop/mousse.md", "Chocolate Mousse", "# Chocolate Mousse\n- **Price**: $10.00\n")
                .add("merchandise", "shop/fee.md", "Corkage Fee", "# Corkage Fee\n- **Price**: $25.00\n");
        for (String question : List.of(
                "what do you sell?",
                "What kind of merch do you have?",
                "what can I buy in the gift shop?",
                "what's in the shop?",
                "¿qué venden?",
                "qu'est-ce que vous vendez ?")) {
            assertThat(answer(question, store))
                    .as(question)
                    .hasValue("Our shop carries:\n"
                            + "- **Clothing** (4 items, $25.00 to $40.00): Hat, Black Hoodie, Milea Vest and 1 more\n"
                            + "- **Glassware** (1 item, $6.00): Cider Glass\n"
                            + "- **Wine accessories** (1 item, $28.00): Wine Opener\n"
                            // the chocolates first, then what is only named after chocolate
                            + "- **Chocolate** (2 items, $9.00 to $10.00): Oat Milk Chocolate, Chocolate Mousse\n"
                            + "Ask about any of these by name for its price, or about the menu for food and drinks.");
        }
        assertThat(answer("do you sell merchandise?", store))
                .hasValueSatisfying(a -> assertThat(a).startsWith("Yes, our shop carries:\n- **Clothing**"));
        assertThat(answer("is there a gift shop?", store))
                .hasValueSatisfying(a -> assertThat(a).startsWith("Yes, our shop carries:"));
        // narrower questions keep their own answers; "what do you have?" names no shop
        assertThat(answer("what hats do you sell?", store))
                .hasValueSatisfying(a -> assertThat(a).startsWith("We have:\n- **Hat**"));
        assertThat(answer("what do you have?", store)).isEmpty();
        assertThat(answer("what else do you sell?", store)).isEmpty();
    }

    @Test
    void aQuestionAboutTheWholeMenuGetsItsCoursesWithCountsPricesAndExamples() {
        InMemoryPluginContext kitchen = new InMemoryPluginContext()
                .add("merchandise", "menu/soup.md", "Mushroom Soup", "# Mushroom Soup\n- **Price**: $12.00\n")
                .add("merchandise", "menu/cheese.md", "Cheese Plate", "# Cheese Plate\n- **Price**: $24.00\n")
                .add("merchandise", "menu/arancini.md", "Arancini", "# Arancini\n- **Price**: $14.00\n")
                .add("merchandise", "menu/roll.md", "Lobster Roll", "# Lobster Roll\n- **Price**: $32.00\n")
                .add("merchandise", "menu/churros.md", "Churros", "# Churros\n- **Price**: $10.00\n")
                .add("merchandise", "menu/beer.md", "Ginger Beer", "# Ginger Beer\n- **Price**: $5.00\n")
                .add("merchandise", "shop/cap.md", "Linen Cap", "# Linen Cap\n- **Price**: $28.00\n")
                .add("merchandise", "shop/fee.md", "Corkage Fee", "# Corkage Fee\n- **Price**: $25.00\n");
        String courses = "- **Soups** (1 item, $12.00): Mushroom Soup\n"
                + "- **Small plates and tapas** (2 items, $14.00 to $24.00): Arancini, Cheese Plate\n"
                + "- **Seafood** (1 item, $32.00): Lobster Roll\n"
                + "- **Desserts** (1 item, $10.00): Churros\n"
                + "- **Drinks besides wine** (1 item, $5.00): Ginger Beer\n"
                + "Ask about any dish by name for its price.";
        for (String question : List.of(
                "is there food?",
                "cool, is there food or just wine?",
                "do you guys serve food?",
                "can we get something to eat there?",
                "do you have a menu?",
                "are there small plates?",
                "can I order lunch there?",
                "¿tienen comida?",
                "est-ce qu'on peut manger sur place ?")) {
            assertThat(answer(question, kitchen)).as(question).hasValue("Yes, our menu has:\n" + courses);
        }
        for (String question : List.of(
                "what's on the menu?",
                "What kind of food do you serve?",
                "what do you have to eat?",
                "¿qué hay en el menú?",
                "qu'y a-t-il au menu ?")) {
            assertThat(answer(question, kitchen)).as(question).hasValue("Our menu:\n" + courses);
        }
        // a course asked about by name lists its dishes
        assertThat(answer("do you have seafood?", kitchen)).hasValue("Yes, we have:\n- **Lobster Roll**: $32.00");
        assertThat(answer("do you do soup?", kitchen)).hasValue("Yes, we have:\n- **Mushroom Soup**: $12.00");
        assertThat(answer("what drinks do you have besides wine?", kitchen))
                .hasValue("We have:\n- **Ginger Beer**: $5.00");
        // narrower questions keep their own answers
        assertThat(answer("what food goes with the lobster roll?", kitchen)).isEmpty();
        assertThat(answer("is there a food truck at the party?", kitchen)).isEmpty();
        assertThat(answer("do you have soup?", kitchen))
                .hasValueSatisfying(a -> assertThat(a).startsWith("Yes, we have:\n- **Mushroom Soup**"));
    }

    @Test
    void listsTheItemsOfAKindAskedBeforeTheVerb() {
        for (String question : List.of(
                "what kind of caps do you sell?",
                "Which caps do you carry?",
                "¿qué gorras venden?",
                "quels chapeaux vendez-vous ?")) {
            assertThat(plugin.handler()
                            .handle(new UserQuery(question, "en"), shop)
                            .directAnswer()
                            .map(DirectAnswer::text))
                    .as(question)
                    .contains("We have:\n- **Linen Cap**: $28.00\n- **Tweed Cap**: $32.00");
        }
        assertThat(AvailabilityQuestion.read("what kinds of caps or sliders do you have"))
                .contains(new AvailabilityQuestion.Asked(Optional.empty(), List.of("caps", "sliders"), true));
        assertThat(AvailabilityQuestion.read("what do you sell")).isEmpty();
        assertThat(AvailabilityQuestion.read("how often do you sell")).isEmpty();
        assertThat(answer("what else do you sell?", shop)).isEmpty();
    }

    @Test
    void saysAListIsOnlyTheClosestWhenAWordAskedIsInNoTitle() {
        assertThat(answer("do you have vegan sliders?", shop).orElseThrow())
                .isEqualTo("The closest items on our shop and menu list:\n- **Short Rib Sliders**: $19");
    }

    @Test
    void readsAvailabilityQuestionsInSpanishAndFrenchThroughTheVocabulary() {
        for (String question : List.of("¿venden gorras?", "vendez-vous des casquettes ?")) {
            assertThat(plugin.handler()
                            .handle(new UserQuery(question, question.startsWith("¿") ? "es" : "fr"), shop)
                            .directAnswer()
                            .map(DirectAnswer::text))
                    .as(question)
                    .contains("Yes, we have:\n- **Linen Cap**: $28.00\n- **Tweed Cap**: $32.00");
        }
    }

    @Test
    void answersNoAvailabilityWhenTheWordsNameNoSingleItem() {
        assertThat(answer("do you have wifi or a place to charge my phone?", shop))
                .isEmpty();
        assertThat(answer("do you have a gift card for the tweed shop?", shop))
                .as("gift, card and tweed name three items, no item has all those words")
                .isEmpty();
    }

    @Test
    void readsTheThingsAskedAboutEachWithoutItsPurpose() {
        assertThat(AvailabilityQuestion.read("do you sell mugs or a bag to carry wine in"))
                .contains(new AvailabilityQuestion.Asked(Optional.empty(), List.of("mugs", "a bag")));
        assertThat(AvailabilityQuestion.read("got any olives and crackers for the picnic"))
                .contains(new AvailabilityQuestion.Asked(
                        Optional.of("olives and crackers"), List.of("olives", "crackers")));
        assertThat(AvailabilityQuestion.read("avez vous des verres a vin"))
                .contains(new AvailabilityQuestion.Asked(Optional.empty(), List.of("des verres a vin")));
        assertThat(AvailabilityQuestion.read("what time do you open on sunday")).isEmpty();
    }

    @Test
    void readsANameWithAndInItAsOneThing() {
        InMemoryPluginContext kitchen = new InMemoryPluginContext()
                .add("merchandise", "shop/mac.md", "Mac & Cheese", "# Mac & Cheese\n- **Price**: $12.00\n")
                .add("merchandise", "shop/plate.md", "Cheese Plate", "# Cheese Plate\n- **Price**: $20.00\n");

        assertThat(answer("do you serve mac and cheese?", kitchen).orElseThrow())
                .isEqualTo("Yes, we have:\n- **Mac & Cheese**: $12.00");
    }

    @Test
    void aPriceLimitListsEveryItemWithinItOfTheKindAskedOrOfAll() {
        assertThat(answer("do you sell caps under $30?", shop))
                .contains("Our caps under $30:\n- **Linen Cap**: $28.00");
        assertThat(answer("any caps up to 32 dollars?", shop))
                .as("least expensive first, one bullet for the two pages of one name")
                .contains("Our caps $32 or less:\n- **Linen Cap**: $28.00\n- **Tweed Cap**: $32.00");
        assertThat(answer("what merch do you have under $20?", shop))
                .as("no kind named: every item, the surcharge no item")
                .contains("Our items under $20:\n- **Crispy Tofu**: $11.00\n- **Crispy Tofu Bao Bun**: $14.00"
                        + "\n- **Short Rib Sliders**: $19");
        assertThat(answer("anything over $40?", shop)).contains("Our items over $40:\n- **Holiday Gift Box**: $75.00");
        assertThat(answer("any caps under $20?", shop))
                .contains("None of our caps is under $20; the least expensive is the Linen Cap, at $28.00.");
        assertThat(answer("what's over $100?", shop))
                .contains("Nothing on our shop and menu list is over $100; the most expensive is the Holiday Gift Box,"
                        + " at $75.00.");
        assertThat(answer("any vegan caps under $30?", shop))
                .as("a word no title has")
                .isEmpty();
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery("any under $30? do you sell caps? Tweed Cap", "en", "any under $30?"),
                                shop)
                        .directAnswer()
                        .map(DirectAnswer::text))
                .as("a follow-up's kind is the one its carried question asked about")
                .contains("Our caps under $30:\n- **Linen Cap**: $28.00");
    }

    @Test
    void theDomainOfAnotherPluginNamesNothingToHave() {
        InMemoryPluginContext accessories = new InMemoryPluginContext()
                .add("merchandise", "shop/opener.md", "Wine Opener", "# Wine Opener\n- **Price**: $28.00\n")
                .add("merchandise", "shop/stopper.md", "Wine Stopper", "# Stopper\n- **Price**: $10.00\n")
                .add("merchandise", "shop/glass.md", "Stemless Wine Glass", "# Glass\n- **Price**: $12.00\n");

        assertThat(answer("do you have vegan wines?", accessories)).isEmpty();
        assertThat(answer("do you sell wine glasses?", accessories).orElseThrow())
                .isEqualTo("Yes, we have:\n- **Stemless Wine Glass**: $12.00");
    }

    @Test
    void listsPricedItemsRetrievedFromOtherFoldersToo() {
        InMemoryPluginContext bar = new InMemoryPluginContext()
                .add("merchandise", "shop/gin.md", "Estate Gin", "# Estate Gin\n- **Price**: $38.00\n")
                .add("visiting", "tasting/gin-fizz.md", "Gin Fizz", "# Gin Fizz\n- **Price**: $15.00\n")
                .add("visiting", "visiting/hours.md", "Gin Hours", "# Gin Hours\nThe bar pours gin until 5.\n");
        bar.retrieved(List.of(
                new Passage("tasting/gin-fizz.md", "Gin Fizz", "visiting", "", "Price: $15.00", 0.03),
                new Passage("visiting/hours.md", "Gin Hours", "visiting", "", "The bar pours gin until 5.", 0.02)));

        assertThat(answer("do you serve gin?", bar).orElseThrow())
                .as("a retrieved page without a price is not an item")
                .isEqualTo("Yes, we have:\n- **Estate Gin**: $38.00\n- **Gin Fizz**: $15.00");
    }

    @Test
    void aWordThatStartsSeveralDishesNamesThemAll() {
        InMemoryPluginContext kitchen = new InMemoryPluginContext()
                .add("merchandise", "shop/roll.md", "Lobster Roll", "# Lobster Roll\n- **Price**: $32.00\n")
                .add("merchandise", "shop/ramen.md", "Lobster Ramen", "# Lobster Ramen\n- **Price**: $29.00\n")
                .add("merchandise", "shop/ravioli.md", "Lobster Ravioli", "# Lobster Ravioli\n- **Price**: $29.00\n");

        assertThat(answer("do you serve lobster?", kitchen).orElseThrow())
                .isEqualTo("Yes, we have:\n- **Lobster Ramen**: $29.00\n- **Lobster Ravioli**: $29.00"
                        + "\n- **Lobster Roll**: $32.00");
    }
}

package io.cellardoor.plugins.wine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.plugin.api.testing.InMemoryPluginContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WineTests {

    private final WinePlugin plugin = new WinePlugin();

    private final InMemoryPluginContext cellar = new InMemoryPluginContext()
            .add(
                    "wine",
                    "wine/reserve-cf-2021.md",
                    "2021 Reserve Cabernet Franc",
                    "# 2021 Reserve Cabernet Franc\n- **Price**: $52.00\n")
            .add(
                    "wine",
                    "wine/reserve-cf.md",
                    "2022 Reserve Cabernet Franc",
                    "# 2022 Reserve Cabernet Franc\n- **Price**: $48.00\n")
            .add(
                    "wine",
                    "wine/house-cf.md",
                    "2022 Hillside Cabernet Franc",
                    "# 2022 Hillside Cabernet Franc\nPrice: $29.00\n")
            .add(
                    "wine",
                    "wine/reserve-chard.md",
                    "2023 Reserve Chardonnay",
                    "# 2023 Reserve Chardonnay\n- **Price**: $36.00\n")
            .add(
                    "wine",
                    "wine/lark-blend.md",
                    "2020 Lark Reserve BDX Blend",
                    "# 2020 Lark Reserve BDX Blend\n- **Price**: $60.00\n")
            .add("wine", "wine/pink.md", "2023 Orchard Rosé", "# 2023 Orchard Rosé\n- **Price**: $22.00\n")
            .add(
                    "wine",
                    "wine/pink-copy.md",
                    "2023 Orchard Rosé Draft",
                    "# 2023 Orchard Rosé Draft\n- **Price**: $22.00\n")
            .add("wine", "wine/pink-dry.md", "2024 Summit Dry Rosé", "# 2024 Summit Dry Rosé\n- **Price**: $27.50\n")
            .add("wine", "wine/bubbles.md", "NV Hillside Brut Cuvée", "# NV Hillside Brut Cuvée\nNo price listed.\n");

    /** The handler's direct answer to an English question over the test cellar; fails when it gives none. */
    private String direct(String question) {
        return directAnswer(question).orElseThrow().text();
    }

    /** The handler's direct answer to an English question, if it gives one. */
    private Optional<DirectAnswer> directAnswer(String question) {
        return plugin.handler().handle(new UserQuery(question, "en"), cellar).directAnswer();
    }

    private static double score(String question) {
        return new WineQueryClassifier().classify(new UserQuery(question, "en")).score();
    }

    @Test
    void aWineAskedToBeRecommendedOutweighsTheDishItIsFor() {
        assertThat(score("what wine do you recommend for a steak dinner?"))
                .as("more than a dish or an event word alone (0.45)")
                .isGreaterThan(0.45);
    }

    @ParameterizedTest
    @ValueSource(strings = {"what food goes with the vincenza?", "what should I eat with it?"})
    void foodAskedForAWineOutweighsAMenuWord(String question) {
        assertThat(score(question))
                .as("more than the shop's menu item word (0.45)")
                .isGreaterThan(0.45);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "price of the reserve cab franc?",
                "got any rose? how much",
                "Which of your wines would go with grilled fish?",
                "is the chardonnay oaky",
                "any sparkling wine?",
                "do you have any dessert wines?",
                "do you make port?"
            })
    void classifierClaimsWineQuestions(String question) {
        assertThat(score(question)).isGreaterThanOrEqualTo(0.4);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "which grapes are grown on the estate?",
                "what soil are the vines planted in",
                "how do I put my wine club membership on hold?",
                "where do I park?"
            })
    void classifierLeavesOtherQuestionsBelowRoutingThreshold(String question) {
        assertThat(score(question)).isLessThan(0.25);
    }

    @Test
    void spanishAndFrenchWordsForTheWinemakerMapToThePagesWord() {
        assertThat(plugin.synonyms().get("enologo")).containsExactly("winemaker");
        assertThat(plugin.synonyms().get("oenologue")).containsExactly("winemaker");
        assertThat(plugin.synonyms().get("vigneron")).containsExactly("winemaker");
        assertThat(plugin.synonyms().get("vinificateur")).containsExactly("winemaker");
    }

    @Test
    void resolvesReserveCabFrancAmongSimilarTitlesAndAnswersItsPrice() {
        HandlerResult result =
                plugin.handler().handle(new UserQuery("how much is the 2022 reserve cab franc?", "en"), cellar);

        assertThat(result.plan().boostPaths()).containsExactly("wine/reserve-cf.md");
        DirectAnswer answer = result.directAnswer().orElseThrow();
        assertThat(answer.text()).isEqualTo("The 2022 Reserve Cabernet Franc is $48.00.");
        assertThat(answer.sourcePaths()).containsExactly("wine/reserve-cf.md");
        assertThat(answer.confidence()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void aPriceFollowUpIsAPriceQuestionWhateverTheWordsItCarried() {
        String focus = "how much is a bottle?";
        HandlerResult result = plugin.handler()
                .handle(
                        new UserQuery(
                                focus + " is it oaked? what's the reserve chardonnay like? 2023 Reserve Chardonnay",
                                "en",
                                focus),
                        cellar);

        assertThat(result.directAnswer().map(DirectAnswer::text)).contains("The 2023 Reserve Chardonnay is $36.00.");
        assertThat(directAnswer("how much is an oaked reserve chardonnay?"))
                .as("the visitor's own word that names no wine still makes it more than a price question")
                .isEmpty();
    }

    @Test
    void listsEveryVintageWhenTheNameMatchesSeveral() {
        HandlerResult result = plugin.handler().handle(new UserQuery("price of the reserve cab franc?", "en"), cellar);

        assertThat(result.plan().boostPaths())
                .containsExactlyInAnyOrder("wine/reserve-cf.md", "wine/reserve-cf-2021.md");
        assertThat(result.directAnswer().orElseThrow().text())
                .contains("$48.00")
                .contains("$52.00")
                .doesNotContain("$29.00");
    }

    @Test
    void aRankingOfTheWinesByPriceIsTheWineDomainsEvenWhenItSaysSell() {
        // The shop's classifier gives "sell" 0.25, as this one gives "wine" alone.
        assertThat(score("what's the most expensive wine you sell?"))
                .isGreaterThan(score("what wine do you sell?") + 0.1);
        assertThat(direct("which of your wines costs the most?"))
                .contains("2020 Lark Reserve BDX Blend")
                .contains("$60.00");
    }

    @Test
    void theOldestOrNewestVintageIsTheYearTheTitlesStartWith() {
        assertThat(score("what's the oldest wine you sell?"))
                .as("a ranking of the wines, though it says sell")
                .isGreaterThan(score("what wine do you sell?") + 0.1);
        assertThat(direct("what's your oldest wine?"))
                .isEqualTo("Our oldest vintage is 2020: the 2020 Lark Reserve BDX Blend ($60.00).");
        assertThat(direct("which is your newest red wine?"))
                .as("every red of the newest red vintage; the NV Brut has none")
                .isEqualTo("Our newest red vintage is 2022: the 2022 Hillside Cabernet Franc ($29.00) and the 2022"
                        + " Reserve Cabernet Franc ($48.00).");
    }

    @Test
    void aSuperlativeFollowUpRanksTheWinesOfTheStyleItCarries() {
        UserQuery followUp = new UserQuery(
                "which one is the cheapest? what red wines do you have? 2020 Lark Reserve BDX Blend",
                "en",
                "which one is the cheapest?");

        assertThat(plugin.handler()
                        .handle(followUp, cellar)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .as("the cheapest wine of all is a rosé")
                .isEqualTo("Our least expensive red wine is the 2022 Hillside Cabernet Franc, at $29.00.");
        assertThat(directAnswer("which one is the cheapest?"))
                .as("a question standing alone names no wines")
                .isEmpty();
    }

    @Test
    void aFollowUpNamingAWineOfItsOwnIsAboutThatWineNotTheCarriedOne() {
        UserQuery followUp = new UserQuery(
                "and the chardonnay, how much? how much is the orchard rosé?", "en", "and the chardonnay, how much?");

        assertThat(plugin.handler()
                        .handle(followUp, cellar)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .isEqualTo("The 2023 Reserve Chardonnay is $36.00.");
    }

    @Test
    void aPriceAskedInOtherWordsIsAPriceQuestion() {
        assertThat(direct("what would I pay for the reserve chardonnay?"))
                .isEqualTo("The 2023 Reserve Chardonnay is $36.00.");
        assertThat(direct("is the reserve chardonnay pricey?")).isEqualTo("The 2023 Reserve Chardonnay is $36.00.");
        assertThat(directAnswer("is the reserve chardonnay oaked?"))
                .as("no price asked")
                .isEmpty();
    }

    @Test
    void aCheaperWineWithNoOtherNamedIsTheLeastExpensive() {
        InMemoryPluginContext shelf = new InMemoryPluginContext()
                .add("wine", "wine/pink.md", "2023 Orchard Rosé", "# 2023 Orchard Rosé\nPrice: $22.00\n")
                .add("wine", "wine/red.md", "2022 Hillside Cabernet Franc", "# Hillside\nPrice: $29.00\n");
        UserQuery afterATasting =
                new UserQuery("is there a cheaper wine? what's the devotion tasting", "en", "is there a cheaper wine?");
        assertThat(plugin.handler().handle(afterATasting, shelf).directAnswer().map(d -> d.text()))
                .contains("Our least expensive wine is the 2023 Orchard Rosé, at $22.00.");
        assertThat(plugin.handler()
                        .handle(new UserQuery("is the rosé cheaper than the cabernet franc?", "en"), shelf)
                        .directAnswer()
                        .map(d -> d.text())
                        .orElse(""))
                .as("a comparison of named wines is not the cheapest of all")
                .doesNotContain("least expensive");
    }

    @Test
    void theCheapestNamesEveryWineAtItsPriceAndADraftPageNotAsAnotherWine() {
        InMemoryPluginContext shelf = new InMemoryPluginContext()
                .add("wine", "wine/pink-test.md", "2023 Orchard Rosé Test", "# 2023 Orchard Rosé Test\nPrice: $22.00\n")
                .add("wine", "wine/pink.md", "2023 Orchard Rosé.", "# 2023 Orchard Rosé.\nPrice: $22.00\n")
                .add("wine", "wine/red.md", "2022 Hillside Cabernet Franc", "# Hillside\nPrice: $29.00\n");
        assertThat(plugin.handler()
                        .handle(new UserQuery("what's the cheapest bottle?", "en"), shelf)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .as("the test page listed first is the same wine")
                .isEqualTo("Our least expensive wine is the 2023 Orchard Rosé, at $22.00.");
        shelf.add("wine", "wine/white.md", "2024 Meadow White", "# 2024 Meadow White\nPrice: $22.00\n");
        assertThat(plugin.handler()
                        .handle(new UserQuery("what's the cheapest bottle?", "en"), shelf)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .as("two wines share the lowest price")
                .isEqualTo(
                        "Our least expensive wines are the 2023 Orchard Rosé and the 2024 Meadow White, each at $22.00.");
    }

    @Test
    void whetherTheyHaveWineAtAllIsAnsweredByEveryWine() {
        assertThat(direct("do you sell wine?"))
                .startsWith("Our wines:\n")
                .contains(
                        "- 2021 Reserve Cabernet Franc: $52.00",
                        "- 2023 Orchard Rosé: $22.00",
                        "- NV Hillside Brut Cuvée")
                .doesNotContain("Draft");
        assertThat(direct("can I buy a bottle to take home?")).startsWith("Our wines:");
        assertThat(direct("is there wine?")).startsWith("Our wines:");
        assertThat(plugin.handler()
                        .handle(new UserQuery("¿Venden vino?", "es"), cellar)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .startsWith("Our wines:");
        assertThat(plugin.handler()
                        .handle(new UserQuery("Vendez-vous du vin ?", "fr"), cellar)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .startsWith("Our wines:");
        assertThat(direct("what wines do you have?")).startsWith("Our wines:\n");
        assertThat(direct("what kind of wine do you make?")).startsWith("Our wines:");
        assertThat(direct("which wines are available?")).startsWith("Our wines:");
        assertThat(plugin.handler()
                        .handle(new UserQuery("¿Qué vinos tienen?", "es"), cellar)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .startsWith("Our wines:");
        assertThat(directAnswer("what wines are in the club shipment?"))
                .as("which wines, for something more")
                .isEmpty();
        assertThat(direct("I'm looking for a red wine for dinner. What would you suggest?"))
                .as("the wines a visitor says they look for")
                .startsWith("Our red wines:\n");
        assertThat(direct("something red that isn't too expensive, any ideas?")).startsWith("Our red wines:\n");
        assertThat(directAnswer("I want to know if your wines are organic"))
                .as("the wines not the object of the wish")
                .isEmpty();
        assertThat(directAnswer("what wines go with steak?")).isEmpty();
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery(
                                        "and the reds? which of those are white? what wines do you have",
                                        "en",
                                        "and the reds?"),
                                cellar)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .as("a bare style after a list question")
                .startsWith("Our red wines:\n")
                .doesNotContain("Rosé");
        for (String[] asked : new String[][] {
            {"¿y los tintos? ¿tienen vinos blancos?", "es", "¿y los tintos?"},
            {"et les rouges ? vous avez des vins blancs ?", "fr", "et les rouges ?"}
        }) {
            assertThat(plugin.handler()
                            .handle(new UserQuery(asked[0], asked[1], asked[2]), cellar)
                            .directAnswer()
                            .map(DirectAnswer::text))
                    .as(asked[2])
                    .hasValueSatisfying(t -> assertThat(t).startsWith("Our red wines:\n"));
        }
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery(
                                        "and the rosé? what does the reserve cab franc taste like",
                                        "en",
                                        "and the rosé?"),
                                cellar)
                        .directAnswer()
                        .map(a -> a.text())
                        .orElse(""))
                .as("a bare style after another question is no list")
                .doesNotStartWith("Our rosé wines");
        assertThat(directAnswer("do you sell wine glasses?"))
                .as("another thing named by wine")
                .isEmpty();
        assertThat(score("do you sell wine?"))
                .as("buying wine outweighs a shop's bare purchase verb (0.25)")
                .isGreaterThan(0.45);
        assertThat(score("do you ship wine to New Jersey?")).isGreaterThan(0.45);
        assertThat(directAnswer("do you ship wine?"))
                .as("shipping is no list of the wines")
                .isEmpty();
    }

    @Test
    void aWordSaidTwiceIsInTheNameTwice() {
        InMemoryPluginContext whites = new InMemoryPluginContext()
                .add("wine", "wine/seyval.md", "2023 Clinton Seyval Blanc", "# Seyval\n- **Price**: $30.00\n")
                .add("wine", "wine/bdb.md", "NV Right Bank Blanc De Blanc", "# BdB\n- **Price**: $55.00\n");

        assertThat(plugin.handler()
                        .handle(new UserQuery("how much is the blanc de blanc?", "en"), whites)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .isEqualTo("The NV Right Bank Blanc De Blanc is $55.00.");
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery(
                                        "how much is it? tell me about the seyval blanc 2023 Clinton Seyval Blanc",
                                        "en",
                                        "how much is it?"),
                                whites)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .as("a name a follow-up carried twice is still that wine")
                .isEqualTo("The 2023 Clinton Seyval Blanc is $30.00.");
    }

    @Test
    void aListOfTwoStylesGivesEachItsOwnList() {
        assertThat(direct("do you have a rosé and a sparkling wine?"))
                .isEqualTo("Our rosé wines:\n- 2023 Orchard Rosé: $22.00\n- 2024 Summit Dry Rosé: $27.50\n\n"
                        + "Our sparkling wines:\n- NV Hillside Brut Cuvée");
        assertThat(direct("what red and white wines do you have?"))
                .startsWith("Our red wines:\n- 2022 Hillside Cabernet Franc: $29.00")
                .contains("\n\nOur white wines:\n- 2023 Reserve Chardonnay: $36.00");
    }

    @Test
    void aStyleIsReadFromTitlesWithAccents() {
        assertThat(direct("what rosés do you have?"))
                .as("\"Rosé\" at the end of a title")
                .startsWith("Our rosé wines:")
                .contains("- 2023 Orchard Rosé: $22.00", "- 2024 Summit Dry Rosé: $27.50");
        assertThat(direct("¿tienen vinos rosados?")).startsWith("Our rosé wines:");
        assertThat(direct("what kind of reds do you make?")).startsWith("Our red wines:");
        assertThat(directAnswer("how do you make your rosé?")).isEmpty();
        assertThat(direct("what's a good red for a cold night?")).startsWith("Our red wines:");
        assertThat(directAnswer("what is the alcohol content of the rosé?")
                        .map(DirectAnswer::text)
                        .orElse(""))
                .as("a question about something of one wine is no list")
                .doesNotStartWith("Our rosé wines:");
    }

    @Test
    void listsEachWineOfACategoryWithItsPriceOnceEach() {
        DirectAnswer answer = directAnswer("got any rosé? how much is it").orElseThrow();

        assertThat(answer.text())
                .contains("2023 Orchard Rosé is $22.00")
                .contains("2024 Summit Dry Rosé is $27.50")
                .doesNotContain("Draft");
        assertThat(answer.sourcePaths())
                .containsExactlyInAnyOrder("wine/pink.md", "wine/pink-copy.md", "wine/pink-dry.md");
    }

    @Test
    void aStyleWordNamingAnotherThingIsNoWine() {
        assertThat(directAnswer("do you sell sparkling water?"))
                .as("sparkling water is no sparkling wine")
                .isEmpty();
        assertThat(direct("do you have any sparkling?")).startsWith("Our sparkling wines:");
        assertThat(direct("got any bubbly?")).as("bubbly is the wine").startsWith("Our sparkling wines:");
    }

    @Test
    void askingWhetherAGrapeIsMadeListsEveryWineOfThatName() {
        InMemoryPluginContext chardonnays = new InMemoryPluginContext()
                .add("wine", "wine/farm.md", "2023 Farmhouse Chardonnay", "# C\nLemon zest.\n- **Price**: $30.00\n")
                .add("wine", "wine/res.md", "2023 Reserve Chardonnay", "# R\nVanilla, pear.\n- **Price**: $40.00\n")
                .add("wine", "wine/cf.md", "2022 Hillside Cabernet Franc", "# CF\nCherry.\n- **Price**: $32.00\n");
        DirectAnswer answer = plugin.handler()
                .handle(new UserQuery("do you have chardonnay?", "en"), chardonnays)
                .directAnswer()
                .orElseThrow();
        assertThat(answer.text())
                .isEqualTo(
                        "Yes, we have:\n- **2023 Farmhouse Chardonnay**: $30.00\n- **2023 Reserve Chardonnay**: $40.00");
        assertThat(answer.sourcePaths()).containsExactlyInAnyOrder("wine/farm.md", "wine/res.md");
        assertThat(plugin.handler()
                        .handle(new UserQuery("do you have the reserve chardonnay?", "en"), chardonnays)
                        .directAnswer()
                        .map(DirectAnswer::text)
                        .orElse(""))
                .as("one wine named: its page answers")
                .doesNotStartWith("Yes, we have:");
    }

    @Test
    void aNamedGrapeWithAPriceLimitGetsTheWinesWithinIt() {
        // The cellar's Cabernet Francs: 2021 Reserve $52.00, 2022 Reserve $48.00, 2022 Hillside $29.00.
        assertThat(direct("do you have a cab franc under $40?"))
                .isEqualTo("Yes, under $40: the 2022 Hillside Cabernet Franc is $29.00.");
        assertThat(direct("which cabernet franc costs less than 30 dollars?"))
                .isEqualTo("Under $30: the 2022 Hillside Cabernet Franc is $29.00.");
        assertThat(direct("any reserve cabernet franc under $45?"))
                .startsWith("No, none of them is under $45: ")
                .contains("2021 Reserve Cabernet Franc is $52.00", "2022 Reserve Cabernet Franc is $48.00");
    }

    @Test
    void aCheaperOneAfterANamedWineListsTheCheaperWinesOfItsGrape() {
        DirectAnswer cheaper = plugin.handler()
                .handle(
                        new UserQuery(
                                "do you have a cheaper one? how much is the 2022 reserve cabernet franc?",
                                "en",
                                "do you have a cheaper one?"),
                        cellar)
                .directAnswer()
                .orElseThrow();
        assertThat(cheaper.text())
                .isEqualTo("Cheaper than the 2022 Reserve Cabernet Franc ($48.00):\n- 2022 Hillside Cabernet Franc:"
                        + " $29.00");
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery(
                                        "anything less expensive? tell me about the 2020 lark reserve bdx blend",
                                        "en",
                                        "anything less expensive?"),
                                cellar)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .as("no other BDX blend: the cheaper reds")
                .startsWith("Our red wines cheaper than the 2020 Lark Reserve BDX Blend ($60.00):\n- 2022 Hillside"
                        + " Cabernet Franc: $29.00\n- 2022 Reserve Cabernet Franc: $48.00");
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery(
                                        "avez-vous un vin moins cher ? combien coûte le 2022 reserve cabernet franc ?",
                                        "fr",
                                        "avez-vous un vin moins cher ?"),
                                cellar)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .startsWith("Cheaper than the 2022 Reserve Cabernet Franc ($48.00):");
        assertThat(direct("is there a cheaper wine than the 2023 orchard rosé?"))
                .isEqualTo("None of our wines is cheaper than the 2023 Orchard Rosé ($22.00).");
    }

    @Test
    void askingToBeToldAboutAStylesWinesListsThem() {
        InMemoryPluginContext bubbles = new InMemoryPluginContext()
                .add("wine", "wine/brut.md", "NV Hillside Brut Cuvée", "# Brut\nCrisp apple.\n- **Price**: $45.00\n")
                .add("wine", "wine/bdb.md", "NV Hillside Blanc De Blanc", "# BdB\nToasty.\n- **Price**: $55.00\n");
        for (String question : List.of("tell me about your sparkling wines", "can you describe the bubbly?")) {
            assertThat(plugin.handler()
                            .handle(new UserQuery(question, "en"), bubbles)
                            .directAnswer()
                            .orElseThrow()
                            .text())
                    .as(question)
                    .startsWith("Our sparkling wines:")
                    .contains("Brut Cuvée", "Blanc De Blanc");
        }
        assertThat(directAnswer("tell me about the history of the estate and its wines"))
                .as("the wines are not what it asks about first")
                .isEmpty();
    }

    @Test
    void howManyWinesThereAreIsTheListHeadedByItsCount() {
        assertThat(direct("how many wines do you make?"))
                .as("a draft page at the same price is the same wine")
                .startsWith("We have 8 wines:\n- ");
        assertThat(direct("how many rosés do you have?")).startsWith("We have 2 rosé wines:");
        assertThat(directAnswer("how many wines are in a tasting?"))
                .as("what a tasting pours is no count of the wines made")
                .isEmpty();
    }

    @Test
    void aRecommendationOfAnyWineListsEveryWine() {
        for (String question :
                List.of("recommend me a wine", "what wine should I try?", "can you suggest a good bottle?")) {
            assertThat(direct(question)).as(question).startsWith("Our wines:");
        }
        assertThat(directAnswer("can you recommend a wine for steak?"))
                .as("a pairing is no list")
                .isEmpty();
    }

    @Test
    void aRecommendationOfAStyleListsItsWines() {
        assertThat(direct("can you recommend a white wine?")).startsWith("Our white wines:");
        assertThat(direct("¿me recomiendas un vino blanco?")).startsWith("Our white wines:");
        assertThat(directAnswer("can you recommend a wine for a beginner?"))
                .as("no style named: the passages answer")
                .isEmpty();
    }

    @Test
    void aDishNoWinePageMentionsGetsWhatThePagesSuggestWithFood() {
        InMemoryPluginContext paired = new InMemoryPluginContext()
                .add("wine", "wine/cf.md", "2022 Hillside Cabernet Franc", """
                        # 2022 Hillside Cabernet Franc
                        - Price: $29.00
                        Pairs with roast lamb and a grilled steak. Bright and juicy.
                        """)
                .add("wine", "wine/chard-draft.md", "2023 Reserve Chardonnay Draft", """
                        # 2023 Reserve Chardonnay Draft
                        **PAIRING RECOMMENDATION**
                        Lovely with seafood and grilled fish.
                        """)
                .add("wine", "wine/chard.md", "2023 Reserve Chardonnay", """
                        # 2023 Reserve Chardonnay
                        **PAIRING RECOMMENDATION**
                        Lovely with seafood and grilled fish.
                        """)
                .add("wine", "wine/brut.md", "NV Hillside Brut", "# NV Hillside Brut\n- Price: $40.00\n");

        assertThat(plugin.handler()
                        .handle(new UserQuery("which wine goes with pizza?", "en"), paired)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .isEqualTo("None of our wine pages mentions pizza. What they suggest with food:\n"
                        + "- **2022 Hillside Cabernet Franc**: Pairs with roast lamb and a grilled steak.\n"
                        + "- **2023 Reserve Chardonnay**: Lovely with seafood and grilled fish.");
        for (String other : List.of("what wine goes with lamb?", "which red goes with pizza?")) {
            assertThat(plugin.handler()
                            .handle(new UserQuery(other, "en"), paired)
                            .directAnswer()
                            .map(DirectAnswer::text)
                            .orElse(""))
                    .as(other)
                    .doesNotContain("What they suggest with food");
        }
    }

    @Test
    void aStyleAskedForADishIsAPairingNoList() {
        InMemoryPluginContext paired = new InMemoryPluginContext()
                .add("wine", "wine/cf.md", "2022 Hillside Cabernet Franc", """
                        # 2022 Hillside Cabernet Franc
                        - Price: $29.00
                        Pairs with roast lamb and a grilled steak.
                        """)
                .add("wine", "wine/chard.md", "2023 Reserve Chardonnay", """
                        # 2023 Reserve Chardonnay
                        - Price: $36.00
                        Lovely with seafood and grilled fish.
                        """);
        for (String question : List.of(
                "which white wine pairs with seafood?",
                "which red is best with lamb?",
                "which white goes well with fish?",
                "what red would you recommend with steak?")) {
            assertThat(plugin.handler()
                            .handle(new UserQuery(question, "en"), paired)
                            .directAnswer())
                    .as(question)
                    .isEmpty();
        }
        assertThat(plugin.handler()
                        .handle(new UserQuery("which red goes with tacos?", "en"), paired)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .as("no red's page names the dish: the reds, saying so")
                .isEqualTo(
                        "None of our red wine pages mentions tacos. Our red wines:\n- 2022 Hillside Cabernet Franc: $29.00");
        assertThat(plugin.handler()
                        .handle(new UserQuery("what white would you serve with thanksgiving turkey?", "en"), paired)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .startsWith("None of our white wine pages mentions thanksgiving turkey.");
        assertThat(plugin.handler()
                        .handle(new UserQuery("¿qué vino tinto va con carne?", "es"), paired)
                        .directAnswer())
                .as("a dish in another language than the pages': the passages answer")
                .isEmpty();
        paired.add("merchandise", "shop/bark.md", "Cherry Bark", """
                        # Cherry Bark
                        Dark chocolate bark, an excellent pairing with our dry red wines.
                        """).retrieve("chocolate", 3);
        assertThat(plugin.handler()
                        .handle(new UserQuery("which red goes with chocolate?", "en"), paired)
                        .directAnswer())
                .as("a shop page of the turn pairs the dish with the reds")
                .isEmpty();
        assertThat(direct("which reds do you have?")).startsWith("Our red wines:");
    }

    @Test
    void aPriceBoundKeepsTheWinesWithinItOrNamesTheNearest() {
        assertThat(direct("any reds under $40?"))
                .as("the reds at $48, $52 and $60 are over the bound")
                .isEqualTo("Our red wines under $40:\n- 2022 Hillside Cabernet Franc: $29.00");
        assertThat(direct("do you have wine under 20 dollars"))
                .isEqualTo("None of our wines is under $20; the least expensive is the 2023 Orchard Rosé, at $22.00.");
        assertThat(direct("¿tienen vinos blancos de menos de 40 dólares?"))
                .isEqualTo("Our white wines under $40:\n- 2023 Reserve Chardonnay: $36.00");
        assertThat(direct("which wines are up to $22?"))
                .as("\"up to\" keeps the bound itself; the rosé's draft page at its price is the same wine")
                .isEqualTo("Our wines $22 or less:\n- 2023 Orchard Rosé: $22.00");
        assertThat(directAnswer("any wines under 10 years old?"))
                .as("a number without a currency is no price, so no list within it")
                .isEmpty();
    }

    @Test
    void aFollowUpAmongTheWinesListedKeepsTheConversationsPriceBound() {
        UserQuery among = new UserQuery(
                "which of those are red? what wines do you have under $40?", "en", "which of those are red?");
        assertThat(plugin.handler().handle(among, cellar).directAnswer().map(DirectAnswer::text))
                .hasValue("Our red wines under $40:\n- 2022 Hillside Cabernet Franc: $29.00");
        UserQuery anew = new UserQuery(
                "what red wines do you have? what wines do you have under $40?", "en", "what red wines do you have?");
        assertThat(plugin.handler().handle(anew, cellar).directAnswer().map(DirectAnswer::text))
                .as("a question of its own asks about every red")
                .hasValueSatisfying(text -> assertThat(text).startsWith("Our red wines:\n"));
    }

    @Test
    void boostsAPartialNameWithoutAnsweringANonPriceQuestion() {
        HandlerResult result = plugin.handler()
                .handle(new UserQuery("what grapes are in the lark and who is it named for?", "en"), cellar);

        assertThat(result.plan().boostPaths()).containsExactly("wine/lark-blend.md");
        assertThat(result.directAnswer()).isEmpty();
        assertThat(result.promptContributions()).anyMatch(p -> p.contains("grape varieties"));
    }

    @Test
    void expandsBubblyAndRetrievesWhenThePageHasNoPrice() {
        HandlerResult result = plugin.handler().handle(new UserQuery("how much is your bubbly", "en"), cellar);

        assertThat(result.plan().boostPaths()).containsExactly("wine/bubbles.md");
        assertThat(result.directAnswer()).isEmpty();
    }

    @Test
    void doesNotAnswerAPriceQuestionThatAsksForMore() {
        HandlerResult result = plugin.handler()
                .handle(new UserQuery("how much is the reserve chardonnay and what does it pair with?", "en"), cellar);

        assertThat(result.plan().boostPaths()).containsExactly("wine/reserve-chard.md");
        assertThat(result.directAnswer()).isEmpty();
    }

    @Test
    void describesItsDomain() {
        assertThat(plugin.descriptor().id()).isEqualTo("wine");
        assertThat(plugin.descriptor().folders()).containsExactly("wine", "wines", "wine_red", "wine_white");
        assertThat(plugin.descriptor().relatedDomains()).containsExactly("club", "merchandise", "visiting");
        assertThat(plugin.getClass().isAnnotationPresent(org.pf4j.Extension.class))
                .isTrue();
    }

    @Test
    void aWineMatchedUnderALongerNameIsAnsweredUnderItsShorterOne() {
        InMemoryPluginContext drafts = new InMemoryPluginContext()
                .add("wine", "wine/meadow.md", "2023 Meadow Rosé", "# 2023 Meadow Rosé\n- **Price**: $24.00\n")
                .add(
                        "wine",
                        "wine/meadow-test.md",
                        "2023 Meadow Rosé Test",
                        "# 2023 Meadow Rosé Test\n" + "- **Price**: $24.00\n")
                .add("wine", "wine/meadow-2022.md", "2022 Meadow Rosé", "# 2022 Meadow Rosé\n- **Price**: $22.00\n");

        assertThat(plugin.handler()
                        .handle(new UserQuery("how much is it? 2023 Meadow Rosé Test", "en", "how much is it?"), drafts)
                        .directAnswer()
                        .map(DirectAnswer::text))
                .as("the same wine merged under its shorter name; another vintage is another wine")
                .hasValue("The 2023 Meadow Rosé is $24.00.");
    }

    @Test
    void aVisitorWishingForAWineIsAskingAboutWineWhateverItIsFor() {
        assertThat(score("Looking for a nice red to bring to a dinner party, around $40. What do you recommend?"))
                .as("above the events plugin's \"dinner party\" (0.725)")
                .isGreaterThan(0.725);
        assertThat(score("I need a bottle of white for my sister's birthday")).isGreaterThan(0.725);
        assertThat(score("I'm looking for a wine glass")).as("the shop's item").isLessThan(0.5);
    }
}

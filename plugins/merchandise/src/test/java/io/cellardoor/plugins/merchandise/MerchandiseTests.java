package io.cellardoor.plugins.merchandise;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.plugin.api.testing.InMemoryPluginContext;
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

    private static double score(String question) {
        return new MerchandiseQueryClassifier()
                .classify(new UserQuery(question, "en"))
                .score();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "the tweed cap - who made it and how much?",
                "price on the spicy tofu sandwich?",
                "how much are the lamb sliders and which wine should I get with them?",
                "can I buy a gift card?",
                "r u serving any oysters today"
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
                "what does the reserve cab franc cost?"
            })
    void classifierIgnoresOtherQuestions(String question) {
        assertThat(score(question)).isLessThan(0.25);
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
    void boostsWithoutAnsweringWhenSeveralProductsMatch() {
        HandlerResult result = plugin.handler().handle(new UserQuery("how much is a cap?", "en"), shop);

        assertThat(result.directAnswer()).isEmpty();
        assertThat(result.plan().boostPaths()).contains("shop/linen-cap.md", "shop/tweed-cap.md");
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
        assertThat(plugin.handler()
                        .handle(new UserQuery("how much is the wine opener?", "en"), accessories)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .isEqualTo("The Wine Opener is $28.00.");
        assertThat(plugin.handler()
                        .handle(new UserQuery("price on the bao?", "en"), accessories)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .as("a qualifier of one title still names it")
                .isEqualTo("The Tofu Bao Bun is $14.00.");
    }
}

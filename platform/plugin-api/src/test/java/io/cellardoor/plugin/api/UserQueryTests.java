package io.cellardoor.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserQueryTests {

    private static boolean asksPrice(String text) {
        return new UserQuery(text, "en").asksPrice();
    }

    @Test
    void readsPriceQuestionsInTheirManyWordings() {
        assertThat(asksPrice("How much is the Reserve Chardonnay?")).isTrue();
        assertThat(asksPrice("is there a charge for tasting?")).isTrue();
        assertThat(asksPrice("do you charge for shipping")).isTrue();
        assertThat(asksPrice("What would I pay for the rosé?")).isTrue();
        assertThat(asksPrice("do I have to pay to taste wine?")).isTrue();
        assertThat(asksPrice("is the club pricey?")).isTrue();
        assertThat(asksPrice("¿Cuánto cuesta una cata?")).as("accents folded").isTrue();
        assertThat(asksPrice("Combien coûte une dégustation ?")).isTrue();
        assertThat(asksPrice("quel est le prix du club ?")).isTrue();
        assertThat(asksPrice("c'est combien, le club ?")).isTrue();
    }

    @Test
    void otherQuestionsAskNoPrice() {
        assertThat(asksPrice("who is in charge of events?")).isFalse();
        assertThat(asksPrice("how do I pay?")).as("how to pay is no price").isFalse();
        assertThat(asksPrice("how many bottles do I get?")).isFalse();
        assertThat(asksPrice("combien de bouteilles par envoi ?"))
                .as("a count in French")
                .isFalse();
        assertThat(asksPrice("¿cuántos vinos tienen?")).isFalse();
        assertThat(asksPrice("any reds under $40?"))
                .as("a limit is priceBound(), not a price asked")
                .isFalse();
    }

    @Test
    void aFollowUpCarriesTheEarlierPriceQuestionButItsFocusDoesNot() {
        UserQuery query =
                new UserQuery("what about the rosé? how much is the chardonnay?", "en", "what about the rosé?");
        assertThat(query.asksPrice()).isTrue();
        assertThat(new UserQuery(query.focus(), query.language()).asksPrice()).isFalse();
    }
}

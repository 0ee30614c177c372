package io.cellardoor.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PriceBoundTests {

    @Test
    void readsALimitWithACurrency() {
        assertThat(PriceBound.in("Any reds under $40?")).contains(new PriceBound(40, true, false));
        assertThat(PriceBound.in("which wines are less than 35 dollars")).contains(new PriceBound(35, true, false));
        assertThat(PriceBound.in("anything up to 15 bucks")).contains(new PriceBound(15, true, true));
        assertThat(PriceBound.in("gifts over $50")).contains(new PriceBound(50, false, false));
        assertThat(PriceBound.in("at least $25 please")).contains(new PriceBound(25, false, true));
        assertThat(PriceBound.in("¿tienen vinos de menos de 35 dólares?"))
                .as("accents folded")
                .contains(new PriceBound(35, true, false));
        assertThat(PriceBound.in("avez-vous des vins à moins de 30 $ ?")).contains(new PriceBound(30, true, false));
    }

    @Test
    void aNumberWithoutACurrencyIsNoPrice() {
        assertThat(PriceBound.in("can kids under 12 come?")).isEmpty();
        assertThat(PriceBound.in("any wines under 10 years old")).isEmpty();
        assertThat(PriceBound.in("kids under 12, and wines under $30"))
                .as("the first limit with a currency")
                .contains(new PriceBound(30, true, false));
    }

    @Test
    void takesTheLimitOutOfTheText() {
        assertThat(PriceBound.without("Any hats under $30?")).isEqualTo("any hats ?");
        assertThat(PriceBound.without("what merch do you have up to 20 dollars"))
                .isEqualTo("what merch do you have");
        assertThat(PriceBound.without("kids under 12, and gifts over $50 please"))
                .as("the limit with a currency, not the age")
                .isEqualTo("kids under 12, and gifts please");
        assertThat(PriceBound.without("Chocolat à moins de 10 $ ?")).isEqualTo("chocolat a ?");
        assertThat(PriceBound.without("Do you sell Hats?")).isEqualTo("do you sell hats?");
    }

    @Test
    void admitsAndSaysTheLimit() {
        PriceBound under = new PriceBound(40, true, false);
        assertThat(under.admits(39.99)).isTrue();
        assertThat(under.admits(40)).isFalse();
        assertThat(under.said()).isEqualTo("under $40");
        PriceBound upTo = new PriceBound(40, true, true);
        assertThat(upTo.admits(40)).isTrue();
        assertThat(upTo.said()).isEqualTo("$40 or less");
        assertThat(new PriceBound(12.5, false, true).said()).isEqualTo("$12.5 or more");
        assertThat(new PriceBound(50, false, false).admits(50)).isFalse();
    }

    @Test
    void aQueryReadsOnlyThisTurnsWords() {
        assertThat(new UserQuery("and in white? any reds under $40", "en", "and in white?").priceBound())
                .isEmpty();
        assertThat(new UserQuery("any whites under $40?", "en").priceBound()).contains(new PriceBound(40, true, false));
    }
}

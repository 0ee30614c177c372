package io.cellardoor.plugins.wine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.plugin.api.testing.InMemoryPluginContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LackingVarietyTests {

    private final WinePlugin plugin = new WinePlugin();

    private final InMemoryPluginContext cellar = new InMemoryPluginContext()
            .add("wine", "wine/ridge-cf.md", "2022 Ridge Cabernet Franc", """
                    # 2022 Ridge Cabernet Franc
                    - Price: $44.00
                    Aromas of plum and graphite.
                    """)
            .add("wine", "wine/hill-blend.md", "2021 Hill Red Blend", """
                    # 2021 Hill Red Blend
                    - Price: $38.00
                    A blend of Cabernet Franc and Merlot from the upper slope.
                    """)
            .add("wine", "wine/creek-seyval.md", "2023 Creek Seyval Blanc", """
                    # 2023 Creek Seyval Blanc
                    - Price: $28.00
                    Tasting notes: green apple and wet stone.
                    """)
            .add("wine", "wine/lake-chardonnay.md", "2023 Lake Chardonnay", """
                    # 2023 Lake Chardonnay
                    - Price: $32.00
                    Tasting notes: pear and toasted oak.
                    """);

    private Optional<DirectAnswer> direct(String question) {
        return plugin.handler().handle(new UserQuery(question, "en"), cellar).directAnswer();
    }

    @Test
    void aGrapeNoWineIsNamedAfterIsNotMadeAndTheWinesOfItsColourAreNamed() {
        DirectAnswer answer =
                direct("what does the sauvignon blanc taste like?").orElseThrow();

        assertThat(answer.text())
                .as("the Seyval Blanc shares only \"blanc\": it is not quoted as the wine asked about")
                .isEqualTo(
                        "We have no Sauvignon Blanc among our wines. Our white wines are the 2023 Creek Seyval Blanc ($28.00)"
                                + " and the 2023 Lake Chardonnay ($32.00).")
                .doesNotContain("green apple");
        assertThat(answer.sourcePaths()).containsExactly("wine/creek-seyval.md", "wine/lake-chardonnay.md");
    }

    @Test
    void aGrapeInABlendIsSaidToBePartOfIt() {
        DirectAnswer answer = direct("do you have a merlot?").orElseThrow();

        assertThat(answer.text())
                .isEqualTo("We have no Merlot on its own; it is part of the 2021 Hill Red Blend ($38.00).");
        assertThat(answer.sourcePaths()).containsExactly("wine/hill-blend.md");
    }

    @Test
    void anAbbreviatedGrapeIsSpeltOut() {
        assertThat(direct("how much is your cab sauv?").orElseThrow().text())
                .startsWith("We have no Cabernet Sauvignon among our wines. Our red wines are ")
                .contains("the 2021 Hill Red Blend ($38.00)", "the 2022 Ridge Cabernet Franc ($44.00)")
                .doesNotContain("Chardonnay");
    }

    @Test
    void aGrapeAnotherPageOfTheTurnNamesIsLeftToThePassages() {
        cellar.add(
                        "general",
                        "vineyard/cellar.md",
                        "From the Cellar",
                        "# From the Cellar\n### NV Reserve Gamay\n" + "Item Price $45.00\n")
                .retrieve("do you make a gamay?", 8);

        assertThat(direct("do you make a gamay?"))
                .as("a page sells one: saying there is none would be wrong")
                .isEmpty();
        assertThat(direct("do you make a riesling?")).isPresent();
    }

    @Test
    void aGrapeSomeWineIsNamedAfterIsAnsweredAsBefore() {
        assertThat(direct("what does the lake chardonnay taste like?")
                        .orElseThrow()
                        .text())
                .startsWith("Tasting notes for the 2023 Lake Chardonnay");
        assertThat(direct("is the cabernet franc good with lamb?")).isEmpty();
    }
}

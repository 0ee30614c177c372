package io.cellardoor.plugins.wine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.plugin.api.testing.InMemoryPluginContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LackingStyleTests {

    private final WinePlugin plugin = new WinePlugin();

    private final InMemoryPluginContext cellar = new InMemoryPluginContext()
            .add("wine", "wine/ridge-cf.md", "2022 Ridge Cabernet Franc", """
                    # 2022 Ridge Cabernet Franc
                    - Price: $44.00
                    Aromas of plum and graphite; a dessert of dark chocolate suits it.
                    """)
            .add("wine", "wine/creek-seyval.md", "2023 Creek Seyval Blanc", """
                    # 2023 Creek Seyval Blanc
                    - Price: $28.00
                    Tasting notes: green apple and wet stone.
                    """)
            .add("wine", "wine/meadow-rose.md", "2023 Meadow Rosé", """
                    # 2023 Meadow Rosé
                    - Price: $25.00
                    Strawberry and watermelon, for the patio.
                    """);

    private Optional<DirectAnswer> direct(String question, String language) {
        return plugin.handler()
                .handle(new UserQuery(question, language), cellar)
                .directAnswer();
    }

    @Test
    void aKindOfWineNoPageMentionsIsNotMadeAndEveryWineIsListed() {
        DirectAnswer answer = direct("do you have any dessert wines?", "en").orElseThrow();

        assertThat(answer.text()).as("\"dessert\" on a page is no dessert wine").isEqualTo("""
                        We have no dessert wine among our wines. Our wines:
                        - 2023 Creek Seyval Blanc: $28.00
                        - 2023 Meadow Rosé: $25.00
                        - 2022 Ridge Cabernet Franc: $44.00""");
        assertThat(answer.sourcePaths())
                .containsExactly("wine/creek-seyval.md", "wine/meadow-rose.md", "wine/ridge-cf.md");
        assertThat(direct("do you make port?", "en").orElseThrow().text())
                .startsWith("We have no port among our wines.");
        assertThat(direct("¿tienen vino de postre?", "es").orElseThrow().text())
                .startsWith("We have no dessert wine among our wines.");
        assertThat(direct("do you have an ice wine or a dessert wine?", "en")
                        .orElseThrow()
                        .text())
                .startsWith("We have no dessert wine or ice wine among our wines.");
    }

    @Test
    void aKindAWinePageMentionsIsLeftToThePassages() {
        cellar.add("wine", "wine/amber.md", "2023 Amber Traminette", """
                # 2023 Amber Traminette
                - Price: $36.00
                Our first orange wines: three weeks on the skins.
                """);

        assertThat(direct("do you have an orange wine?", "en")).isEmpty();
        assertThat(direct("do you have ice wine?", "en")).isPresent();
    }

    @Test
    void aKindAnotherPageOfTheTurnMentionsIsLeftToThePassages() {
        cellar.add("general", "shop/cellar.md", "From the Cellar", "# From the Cellar\n### Ten Year Tawny Port\n$60\n")
                .retrieve("do you sell port?", 8);

        assertThat(direct("do you sell port?", "en"))
                .as("a page sells one: saying there is none would be wrong")
                .isEmpty();
    }

    @Test
    void aQuestionNamingOneOfTheWinesIsAboutThatWine() {
        assertThat(direct("is the meadow rosé a dessert wine?", "en")
                        .map(DirectAnswer::text)
                        .orElse(""))
                .doesNotStartWith("We have no");
    }
}

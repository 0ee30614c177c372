package io.cellardoor.plugins.wine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.plugin.api.testing.InMemoryPluginContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WineFactsTests {

    private final WinePlugin plugin = new WinePlugin();

    private final InMemoryPluginContext cellar = new InMemoryPluginContext()
            .add("wine", "wine/ridge-cf.md", "2022 Ridge Cabernet Franc", """
                    # 2022 Ridge Cabernet Franc
                    ## Product Information
                    - Price: $44.00
                    ## Description
                    Our most award-winning site. Aromas of plum and graphite.
                    Accolades
                    93 Points - Some Magazine
                    Alcohol: 13.2%
                    """)
            .add("wine", "wine/hill-brut.md", "NV Hill Brut", """
                    # NV Hill Brut
                    - Price: $38.00
                    ## Description
                    Fine bubbles and green apple on the palate.
                    """);

    private Optional<DirectAnswer> direct(String question) {
        return plugin.handler().handle(new UserQuery(question, "en"), cellar).directAnswer();
    }

    @ParameterizedTest
    @ValueSource(strings = {"what vintage is the ridge cab franc?", "what year is the ridge cabernet franc?"})
    void theVintageIsTheTitlesYear(String question) {
        DirectAnswer answer = direct(question).orElseThrow();

        assertThat(answer.text()).isEqualTo("The 2022 Ridge Cabernet Franc ($44.00) is the 2022 vintage.");
        assertThat(answer.sourcePaths()).containsExactly("wine/ridge-cf.md");
    }

    @Test
    void scoresAskedOfNoWineAreEveryPagesScores() {
        DirectAnswer answer = direct("which wine has the highest score?").orElseThrow();

        assertThat(answer.text())
                .isEqualTo("Of our wines, only the 2022 Ridge Cabernet Franc ($44.00) has a score or award on its page:"
                        + " 93 Points - Some Magazine.");
        assertThat(answer.sourcePaths()).containsExactly("wine/ridge-cf.md");

        cellar.add(
                "wine",
                "wine/hill-rose.md",
                "2023 Hill Rosé",
                "# 2023 Hill Rosé\n- Price: $24.00\nGold Medal, State Fair\n");
        assertThat(direct("have your wines won any awards?").orElseThrow().text())
                .startsWith("Scores and awards on our wine pages:\n- The ")
                .contains(
                        "\n- The 2022 Ridge Cabernet Franc ($44.00): 93 Points - Some Magazine.",
                        "\n- The 2023 Hill Rosé ($24.00): Gold Medal, State Fair.")
                .doesNotContain("Brut");
    }

    @Test
    void aNamedWineWhosePageSuggestsNoFoodIsSaidToSuggestNone() {
        assertThat(direct("what does the hill brut pair with?").orElseThrow().text())
                .isEqualTo("Our page for the NV Hill Brut does not suggest a food pairing; it is $38.00.");
        assertThat(direct("what should I eat with the hill brut?").orElseThrow().text())
                .as("asked in other words")
                .isEqualTo("Our page for the NV Hill Brut does not suggest a food pairing; it is $38.00.");
        cellar.add("wine", "wine/meadow-merlot.md", "2022 Meadow Merlot", """
                # 2022 Meadow Merlot
                - Price: $30.00
                Enjoy it alongside grilled lamb.
                """);
        assertThat(direct("what does the meadow merlot pair with?")
                        .orElseThrow()
                        .text())
                .as("its page's pairing line answers")
                .isEqualTo("The 2022 Meadow Merlot ($30.00), from its page: Enjoy it alongside grilled lamb.");
    }

    @Test
    void whatANamedWinesPageSuggestsEatingWithItIsQuotedUnderItsPairingLabel() {
        cellar.add("wine", "wine/hill-rose.md", "2023 Hill Rosé", """
                # 2023 Hill Rosé
                - Price: $24.00
                ## Description
                Alongside the red fruit flavors, you will find hints of lemon on the palate.
                Pairing Recommendation:
                We recommend our rosé with soft cheese or a green salad.

                ## Quick Overview
                A pink wine for the patio.
                """);
        DirectAnswer answer = direct("what food goes with the hill rose?").orElseThrow();

        assertThat(answer.text())
                .isEqualTo("The 2023 Hill Rosé ($24.00), from its page: We recommend our rosé with soft cheese or a "
                        + "green salad.");
        assertThat(answer.sourcePaths()).containsExactly("wine/hill-rose.md");
        assertThat(direct("would the hill rose go with fish?"))
                .as("yes or no: the line naming the dish, or a model, answers")
                .isEmpty();
        assertThat(WineFacts.pairingSentences(
                        "## Food Pairing\nTry it with lamb chops. For cheese, an aged cheddar.\n\n"
                                + "## Cellaring\nKeep it cool."))
                .containsExactly("Try it with lamb chops.", "For cheese, an aged cheddar.");
        assertThat(WineFacts.pairingSentences("Aromas of plum, accompanied by notes of graphite.\nAlongside the red "
                        + "fruit flavors, hints of lemon."))
                .as("sentences describing the taste suggest no food")
                .isEmpty();
    }

    @Test
    void theLoyaltyProgrammesPointsAreNoScore() {
        assertThat(direct("how many points does a bottle of wine earn?")).isEmpty();
        assertThat(direct("do club members get points per dollar spent on wine?"))
                .isEmpty();
    }

    @Test
    void scoresAskedOfNoWineAreLeftToThePassagesWhenNoPageGivesOne() {
        InMemoryPluginContext unscored = new InMemoryPluginContext()
                .add("wine", "wine/hill-brut.md", "NV Hill Brut", "# NV Hill Brut\n- Price: $38.00\n");
        assertThat(plugin.handler()
                        .handle(new UserQuery("which wine has the highest score?", "en"), unscored)
                        .directAnswer())
                .isEmpty();
    }

    @Test
    void anNvWineIsNonVintage() {
        assertThat(direct("what vintage is the hill brut?").orElseThrow().text())
                .isEqualTo("The NV Hill Brut ($38.00) is a non-vintage wine.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"what score did the ridge cab franc get?", "has the ridge cabernet franc won any awards?"})
    void scoresAreQuotedFromThePageButNotItsPraise(String question) {
        DirectAnswer answer = direct(question).orElseThrow();

        assertThat(answer.text()).isEqualTo("The 2022 Ridge Cabernet Franc ($44.00): 93 Points - Some Magazine.");
        assertThat(answer.confidence()).isEqualTo(0.9);
    }

    @Test
    void theAlcoholIsQuotedFromItsLine() {
        assertThat(direct("what's the abv of the ridge cab franc?")
                        .orElseThrow()
                        .text())
                .isEqualTo("The 2022 Ridge Cabernet Franc ($44.00): Alcohol: 13.2%.");
    }

    @Test
    void aFactThePageDoesNotStateIsSaidToBeMissingNotGuessed() {
        DirectAnswer answer =
                direct("what is the alcohol content of the hill brut?").orElseThrow();

        assertThat(answer.text())
                .isEqualTo("Our page for the NV Hill Brut does not give its alcohol content; it is $38.00.");
        assertThat(answer.confidence()).isEqualTo(0.6);
        assertThat(answer.sourcePaths()).containsExactly("wine/hill-brut.md");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "how much is the 2022 ridge cab franc?",
                "what vintages do you have?",
                "what score and abv does the ridge cab franc have?"
            })
    void otherQuestionsAreNotFactAnswers(String question) {
        assertThat(direct(question).map(DirectAnswer::text).orElse(""))
                .doesNotContain("vintage.", "Points", "does not give");
    }
}

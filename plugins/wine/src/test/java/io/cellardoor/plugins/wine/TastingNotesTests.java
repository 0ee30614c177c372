package io.cellardoor.plugins.wine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.plugin.api.testing.InMemoryPluginContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TastingNotesTests {

    private final WinePlugin plugin = new WinePlugin();

    private final InMemoryPluginContext cellar = new InMemoryPluginContext()
            .add("wine", "wine/ridge-cf.md", "2022 Ridge Cabernet Franc", """
                    # 2022 Ridge Cabernet Franc
                    ## Product Information
                    - Price: $44.00
                    ## Description
                    WINE NOTES
                    Sourced from our hillside block, this wine shows what the site can do.
                    TASTING NOTES
                    Aromas of plum and graphite. On the palate, dried herbs and a long finish. We are proud of it.
                    Pairs well with lamb and roasted mushrooms.
                    Accolades
                    93 Points - Some Magazine
                    """)
            .add("wine", "wine/meadow-rose.md", "2023 Meadow Rosé", """
                    # 2023 Meadow Rosé
                    - Price: $24.00
                    ## Description
                    Our most popular bottle, made every spring.
                    Fragrant notes of strawberry and watermelon. On the palate, lively acidity and a hint of lemon.
                    Pairing Recommendation:
                    We recommend enjoying our rosé with goat cheese and its bright flavors with salads.
                    """)
            .add(
                    "wine",
                    "wine/slate-red.md",
                    "2021 Slate Red",
                    "# 2021 Slate Red\n- **Price**: $36.00\n\nTasting notes: plum, graphite and dried lavender.\n")
            .add(
                    "wine",
                    "wine/orchard-white.md",
                    "2023 Orchard White",
                    "# 2023 Orchard White\n- **Price**: $26.00\n\nA bright white from our youngest vines, picked early in"
                            + " September.\n")
            .add("wine", "wine/season-rose.md", "2023 Seasons Reserve Rosé", """
                    # 2023 Seasons Reserve Rosé
                    - Price: $30.00
                    ## Description
                    No description available.
                    """);

    private Optional<DirectAnswer> direct(String question) {
        return plugin.handler().handle(new UserQuery(question, "en"), cellar).directAnswer();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what does the ridge cab franc taste like?",
                "How does the Ridge Cabernet Franc taste?",
                "tasting notes for the ridge cabernet franc",
                "¿a qué sabe el Ridge Cabernet Franc?"
            })
    void quotesTheNamedWinesLabelledTastingNotes(String question) {
        DirectAnswer answer = direct(question).orElseThrow();

        assertThat(answer.text())
                .startsWith("Tasting notes for the 2022 Ridge Cabernet Franc: Aromas of plum and graphite.")
                .contains("On the palate, dried herbs and a long finish.")
                .doesNotContain("proud", "lamb", "hillside");
        assertThat(answer.sourcePaths()).containsExactly("wine/ridge-cf.md");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what's the difference between the meadow rosé and the seasons reserve rosé?",
                "compare the meadow rose and the seasons reserve rose",
                "meadow rosé vs seasons reserve rosé?",
                "¿cuál es la diferencia entre el meadow rosé y el seasons reserve rosé?"
            })
    void twoNamedWinesComparedSideBySideWithPricesAndNotes(String question) {
        DirectAnswer answer = direct(question).orElseThrow();

        assertThat(answer.text())
                .isEqualTo("Side by side:\n"
                        + "- **2023 Meadow Rosé** ($24.00): Fragrant notes of strawberry and watermelon. On the palate,"
                        + " lively acidity and a hint of lemon.\n"
                        + "- **2023 Seasons Reserve Rosé** ($30.00): its page gives no tasting notes yet.");
        assertThat(answer.sourcePaths()).containsExactly("wine/meadow-rose.md", "wine/season-rose.md");
    }

    @Test
    void aWineNamedByAPartOfAComparisonAloneIsReadWithTheGrapesOfTheLastPart() {
        InMemoryPluginContext shelf = new InMemoryPluginContext()
                .add(
                        "wine",
                        "wine/ridge-cf.md",
                        "2022 Ridge Cabernet Franc",
                        "# 2022 Ridge Cabernet Franc\n" + "- Price: $44.00\nAromas of plum and graphite.\n")
                .add(
                        "wine",
                        "wine/ridge-merlot.md",
                        "2022 Ridge Merlot",
                        "# 2022 Ridge Merlot\n" + "- Price: $38.00\nNotes of cherry and cocoa.\n")
                .add(
                        "wine",
                        "wine/reserve-cf.md",
                        "2022 Reserve Cabernet Franc",
                        "# 2022 Reserve Cabernet Franc\n" + "- Price: $52.00\nAromas of cassis and violet.\n");

        DirectAnswer answer = plugin.handler()
                .handle(new UserQuery("what's the difference between the ridge and reserve cab franc?", "en"), shelf)
                .directAnswer()
                .orElseThrow();

        assertThat(answer.text())
                .isEqualTo("Side by side:\n"
                        + "- **2022 Ridge Cabernet Franc** ($44.00): Aromas of plum and graphite.\n"
                        + "- **2022 Reserve Cabernet Franc** ($52.00): Aromas of cassis and violet.");
    }

    @Test
    void aComparisonOfOneWineOrOfPricesIsNotASideBySide() {
        for (String question : List.of(
                "how does the meadow rosé compare?",
                "compare the prices of the meadow rosé and the seasons reserve rosé")) {
            assertThat(direct(question).map(DirectAnswer::text).filter(text -> text.startsWith("Side by side")))
                    .as(question)
                    .isEmpty();
        }
    }

    @Test
    void withoutALabelQuotesTheSentencesAboutTasteOutsideThePairing() {
        String text = direct("describe the meadow rosé").orElseThrow().text();

        assertThat(text)
                .isEqualTo("Tasting notes for the 2023 Meadow Rosé: Fragrant notes of strawberry and watermelon. "
                        + "On the palate, lively acidity and a hint of lemon.");
    }

    @Test
    void aNamedWineWithoutNotesIsSaidToHaveNoneInsteadOfAnotherWinesNotes() {
        DirectAnswer answer =
                direct("what does the seasons reserve rose taste like?").orElseThrow();

        assertThat(answer.text())
                .isEqualTo("Our page for the 2023 Seasons Reserve Rosé gives no tasting notes yet; it is $30.00.");
        assertThat(answer.sourcePaths()).containsExactly("wine/season-rose.md");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tell me about the seasons reserve rosé",
                "what is the seasons reserve rose?",
                "what's the seasons reserve rosé like"
            })
    void aQuestionAboutAWineWhosePageDescribesNothingSaysSo(String question) {
        DirectAnswer answer = direct(question).orElseThrow();

        assertThat(answer.text())
                .isEqualTo("Our page for the 2023 Seasons Reserve Rosé gives no description yet; it is $30.00.");
        assertThat(answer.sourcePaths()).containsExactly("wine/season-rose.md");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tell me about the orchard white",
                "what is the seasons reserve rosé's price?",
                "what is the seasons reserve rosé made from?"
            })
    void aQuestionAboutAWineWhosePageDescribesItOrAskingSomethingElseIsNotAnsweredSo(String question) {
        assertThat(direct(question).map(DirectAnswer::text).orElse("")).doesNotContain("gives no description");
    }

    @Test
    void aLabelInCapitalsRunIntoTheNotesIsNotQuoted() {
        assertThat(TastingNotes.of(
                        "# 2023 Field Rosé\nTASTING NOTES Aromas of strawberry. On the palate, lively acidity."))
                .containsExactly("Aromas of strawberry.", "On the palate, lively acidity.");
    }

    @Test
    void notesAfterAnInlineLabelAreQuoted() {
        assertThat(direct("what does the slate red taste like?").orElseThrow().text())
                .isEqualTo("Tasting notes for the 2021 Slate Red: plum, graphite and dried lavender.");
    }

    @Test
    void aPageDescribingTheWineInOtherWordsIsLeftToThePassages() {
        assertThat(direct("what does the orchard white taste like?")).isEmpty();
    }

    @Test
    void everyNamedWineGetsItsOwnNotes() {
        String text = direct("what do your rosés taste like?").orElseThrow().text();

        assertThat(text)
                .contains("Tasting notes for the 2023 Meadow Rosé: Fragrant notes")
                .contains("Our page for the 2023 Seasons Reserve Rosé gives no tasting notes yet");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "is the seasons reserve rose dry?",
                "is the seasons reserve rosé sweet or dry?",
                "how sweet is the seasons reserve rose?",
                "¿es dulce el seasons reserve rosé?"
            })
    void aStyleQuestionAboutAWineWithoutNotesIsNotAnsweredWithAnotherWine(String question) {
        DirectAnswer answer = direct(question).orElseThrow();

        assertThat(answer.text())
                .isEqualTo("Our page for the 2023 Seasons Reserve Rosé gives no tasting notes yet; it is $30.00.");
        assertThat(answer.sourcePaths()).containsExactly("wine/season-rose.md");
    }

    @Test
    void aStyleQuestionIsAnsweredWithTheWinesNotes() {
        assertThat(direct("is the ridge cab franc full-bodied?").orElseThrow().text())
                .startsWith("Tasting notes for the 2022 Ridge Cabernet Franc: Aromas of plum and graphite.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what goes with the ridge cabernet franc's flavors?",
                "is the ridge cab franc dry-farmed?",
                "what grapes give the ridge cab franc its flavor?",
                "how much is the ridge cabernet franc?",
                "what wines taste fruity?"
            })
    void otherQuestionsAboutAWineAreNotTastingNotes(String question) {
        assertThat(direct(question).map(DirectAnswer::text).orElse(""))
                .doesNotContain("Tasting notes", "no tasting notes");
    }
}

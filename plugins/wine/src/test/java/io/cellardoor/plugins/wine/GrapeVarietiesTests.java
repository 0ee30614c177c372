package io.cellardoor.plugins.wine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.plugin.api.testing.InMemoryPluginContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GrapeVarietiesTests {

    private final WinePlugin plugin = new WinePlugin();

    private final InMemoryPluginContext cellar = new InMemoryPluginContext()
            .add("wine", "wine/left-bank.md", "NV Left Bank Brut", """
                    # NV Left Bank Brut
                    ## Product Information
                    - Price: $42.00
                    ## Description
                    The Left Bank is a nod to Bordeaux, France. A blend of Chardonnay and Pinot Noir from the North Fork, \
                    aged 18 months on the lees. It opens with citrus and fresh toast.
                    """)
            .add("wine", "wine/slate-red.md", "2021 Slate Red", """
                    # 2021 Slate Red
                    - **Price**: $36.00
                    - **Varietals**: 60% Merlot, 40% Cabernet Franc
                    Tasting notes: plum, graphite and dried lavender.
                    """)
            .add("wine", "wine/blanc.md", "NV Meadow Blanc de Blanc", """
                    # NV Meadow Blanc de Blanc
                    - Price: $50.00
                    Our finest sparkling Blanc de Blanc, made for celebrations.
                    """);

    private Optional<DirectAnswer> direct(String question) {
        return plugin.handler().handle(new UserQuery(question, "en"), cellar).directAnswer();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what grapes are in the left bank brut?",
                "Which varietals go into the Left Bank Brut",
                "what is the left bank brut made from?",
                "¿qué uvas lleva el left bank brut?"
            })
    void quotesTheSentencesOfTheNamedWinesPageThatNameAGrape(String question) {
        DirectAnswer answer = direct(question).orElseThrow();

        assertThat(answer.text())
                .isEqualTo(
                        "From our page for the NV Left Bank Brut: A blend of Chardonnay and Pinot Noir from the North"
                                + " Fork, aged 18 months on the lees.");
        assertThat(answer.sourcePaths()).containsExactly("wine/left-bank.md");
    }

    @Test
    void readsAVarietalsBulletWithoutItsMarker() {
        assertThat(direct("what grapes are in the slate red?").map(DirectAnswer::text))
                .contains("From our page for the 2021 Slate Red: Varietals: 60% Merlot, 40% Cabernet Franc.");
    }

    @Test
    void aPageNamingNoGrapeInASentenceLeavesTheQuestionToThePassages() {
        assertThat(direct("what grapes are in the meadow blanc de blanc?")).isEmpty();
        assertThat(GrapeVarieties.of("The Left Bank is a nod to Bordeaux, France."))
                .isEmpty();
    }

    @Test
    void otherQuestionsAboutAWinesGrapesAreNotAnsweredSo() {
        assertThat(GrapeVarieties.asked("how much is the blend")).isFalse();
        assertThat(GrapeVarieties.asked("what grapes do you grow")).isTrue();
        assertThat(direct("what grapes do you grow?")).as("no wine named").isEmpty();
    }
}

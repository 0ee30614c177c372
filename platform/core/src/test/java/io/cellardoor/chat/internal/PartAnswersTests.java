package io.cellardoor.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.UserQuery;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartAnswersTests {

    private static final DirectAnswer PRICE =
            new DirectAnswer("The 2022 Reserve Cabernet Franc is $45.00.", List.of("wine/reserve-cab-franc.md"), 0.9);

    @Test
    void aPartReferringBackCarriesTheAnsweredPartAndTheNameItsOnePageGave() {
        List<PartAnswers.Part> parts = List.of(
                new PartAnswers.Part("How much is the reserve cab franc", Optional.of(PRICE)),
                new PartAnswers.Part("how does it taste?", Optional.empty()));

        assertThat(PartAnswers.unanswered(parts)).isEqualTo("how does it taste?");
        assertThat(PartAnswers.carried(parts))
                .isEqualTo("How much is the reserve cab franc? The 2022 Reserve Cabernet Franc is.");
    }

    @Test
    void aDirectAnswerFromSeveralPagesNamesNoOneThing() {
        DirectAnswer list = new DirectAnswer(
                "Our red wines:\n- 2021 Farmhouse BDX: $32.00\n- 2022 Reserve Cabernet Franc: $45.00",
                List.of("wine/bdx.md", "wine/reserve-cab-franc.md"),
                0.9);
        List<PartAnswers.Part> parts = List.of(
                new PartAnswers.Part("what reds do you have", Optional.of(list)),
                new PartAnswers.Part("are they dry?", Optional.empty()));

        assertThat(PartAnswers.carried(parts)).isEqualTo("what reds do you have?");
    }

    @Test
    void aPlaceReferredToIsNoThingADirectAnswerNamed() {
        List<PartAnswers.Part> parts = List.of(
                new PartAnswers.Part("I live in Texas. what does the cheapest tier cost", Optional.of(PRICE)),
                new PartAnswers.Part("can you ship there?", Optional.empty()));

        assertThat(PartAnswers.carried(parts)).isEqualTo("I live in Texas. what does the cheapest tier cost?");
    }

    @Test
    void aPartNamingItsOwnSubjectCarriesNothing() {
        List<PartAnswers.Part> parts = List.of(
                new PartAnswers.Part("How much is the reserve cab franc", Optional.of(PRICE)),
                new PartAnswers.Part("do I need a reservation?", Optional.empty()));

        assertThat(PartAnswers.carried(parts)).isEmpty();
    }

    @Test
    void aPartReferringBackCarriesThePartBeforeItAsItsFocusStaysItsOwn() {
        List<UserQuery> queries = PartAnswers.queries(
                List.of("how much is the rosé", "what does it go with?", "do I need a reservation?"), "en");

        assertThat(queries.get(0).text()).isEqualTo("how much is the rosé");
        assertThat(queries.get(1).text()).isEqualTo("what does it go with? how much is the rosé");
        assertThat(queries.get(1).focus()).isEqualTo("what does it go with?");
        assertThat(queries.get(2).text())
                .as("a part naming its own subject stands alone")
                .isEqualTo("do I need a reservation?");
    }

    @Test
    void anAnswerQuotingOnlyWhatTheDirectAnswersSaidRepeatsThem() {
        String said = "From our page for the 2022 Vincenza: Named after Vincenza, a blend of Cabernet Franc and Merlot."
                + " Most fruit comes from Sang's Vineyard.";

        assertThat(PartAnswers.onlyRepeats(
                        "**2022 Vincenza**\n- Named after Vincenza, a blend of Cabernet Franc and Merlot.\n"
                                + "- Most fruit comes from Sang's Vineyard.",
                        said))
                .isTrue();
        assertThat(PartAnswers.onlyRepeats(
                        "**2022 Vincenza**\n- Named after Vincenza, a blend of Cabernet Franc and Merlot.\n"
                                + "- Aged 18 months in French oak.",
                        said))
                .as("one line says more")
                .isFalse();
        assertThat(PartAnswers.onlyRepeats("", said)).isFalse();
    }
}

package io.cellardoor.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.DirectAnswer;
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
}

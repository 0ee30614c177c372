package io.cellardoor.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecisiveWordsTests {

    @Test
    void anotherDayMonthOrNumberIsAnotherQuestion() {
        assertThat(DecisiveWords.contrast("what time do you open on saturday?", "what time do you open on Sunday?"))
                .isTrue();
        assertThat(DecisiveWords.contrast("any events in October?", "any events in november"))
                .isTrue();
        assertThat(DecisiveWords.contrast("how much is the 2022 Vincenza?", "how much is the 2023 vincenza?"))
                .isTrue();
        assertThat(DecisiveWords.contrast("can I book a table for 4?", "can I book a table for 12?"))
                .isTrue();
    }

    @Test
    void theSameOnesInOtherWordsOrLanguagesAreTheSameQuestion() {
        assertThat(DecisiveWords.contrast("what time do you open on saturday?", "when do you open on Saturdays?"))
                .isFalse();
        assertThat(DecisiveWords.contrast("are you open on saturday?", "¿abren los sábados?"))
                .isFalse();
        assertThat(DecisiveWords.contrast("are you open in August?", "êtes-vous ouverts en août ?"))
                .isFalse();
        assertThat(DecisiveWords.contrast("a table for 04?", "a table for 4")).isFalse();
    }

    @Test
    void aQuestionNamingNoneOfAKindContrastsWithNone() {
        assertThat(DecisiveWords.contrast("what time do you open?", "what time do you open on sunday?"))
                .isFalse();
        assertThat(DecisiveWords.contrast("may I bring my dog in June?", "can I bring my dog in june?"))
                .isFalse();
        assertThat(DecisiveWords.contrast("do you ship wine?", "can you deliver wine?"))
                .isFalse();
    }
}

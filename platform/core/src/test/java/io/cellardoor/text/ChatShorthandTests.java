package io.cellardoor.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatShorthandTests {

    @Test
    void spellsOutShorthandNoQuestionPatternReadsAndKeepsEverythingElse() {
        assertThat(ChatShorthand.spelledOut("r u open this wknd?")).isEqualTo("r u open this weekend?");
        assertThat(ChatShorthand.spelledOut("hw much is the club")).isEqualTo("how much is the club");
        assertThat(ChatShorthand.spelledOut("do i need a rez for 2 ppl"))
                .isEqualTo("do i need a reservation for 2 people");
        assertThat(ChatShorthand.spelledOut("hw much r tix")).isEqualTo("how much r tickets");
        assertThat(ChatShorthand.spelledOut("hiw much is the privte tour"))
                .as("a question word mistyped")
                .isEqualTo("how much is the privte tour");
        assertThat(ChatShorthand.spelledOut("waht time do you close")).isEqualTo("what time do you close");
        assertThat(ChatShorthand.spelledOut("hw lng is the drive frm nyc")).isEqualTo("how long is the drive from nyc");
        assertThat(ChatShorthand.spelledOut("wen r u closed")).isEqualTo("when r u closed");
        assertThat(ChatShorthand.spelledOut("do y'all do weddings")).isEqualTo("do you all do weddings");
        assertThat(ChatShorthand.spelledOut("Ya'll open Tmrw?")).isEqualTo("you all open tomorrow?");
        assertThat(ChatShorthand.spelledOut("whats the diff between the two tastings"))
                .isEqualTo("whats the difference between the two tastings");
        assertThat(ChatShorthand.spelledOut("whats on the menu")).isSameAs("whats on the menu");
        assertThat(ChatShorthand.spelledOut("a tour for 6 ppl, abt 2 hrs"))
                .isEqualTo("a tour for 6 people, about 2 hrs");
        assertThat(ChatShorthand.spelledOut("wat time u close 2nite"))
                .as("a digit standing for a syllable")
                .isEqualTo("wat time u close tonight");
        assertThat(ChatShorthand.spelledOut("open 2day or 2moro?")).isEqualTo("open today or tomorrow?");
        assertThat(ChatShorthand.spelledOut("a table for 2 at 2pm")).isSameAs("a table for 2 at 2pm");
        assertThat(ChatShorthand.spelledOut("hw's the HW route"))
                .as("a contraction's part and an acronym are no shorthand")
                .isSameAs("hw's the HW route");
    }

    @Test
    void aFoldedWordMatchesWhatItStandsFor() {
        assertThat(ChatShorthand.standsFor("wknd")).containsExactly("weekend");
        assertThat(ChatShorthand.standsFor("whats")).containsExactly("what", "is");
        assertThat(ChatShorthand.standsFor("u")).containsExactly("you");
        assertThat(ChatShorthand.standsFor("weekend")).isEmpty();
    }
}

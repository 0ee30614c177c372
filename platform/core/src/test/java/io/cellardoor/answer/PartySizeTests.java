package io.cellardoor.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartySizeTests {

    @Test
    void readsTheNumberOfPeopleAQuestionComesWith() {
        assertThat(PartySize.asked("can I book for a group of 12?")).hasValue(12);
        assertThat(PartySize.asked("we have 10 people, can we do a tasting?")).hasValue(10);
        assertThat(PartySize.asked("Can you host a wedding for 200 guests?")).hasValue(200);
        assertThat(PartySize.asked("¿tienen espacio para 8 personas?")).hasValue(8);
        assertThat(PartySize.asked("is the $45 tasting open at 5 on Sunday?")).isEmpty();
        assertThat(PartySize.asked("how many guests can the clubhouse hold?")).isEmpty();
        assertThat(PartySize.noun("can I book for a group of 12?")).hasValue("group");
        assertThat(PartySize.noun("we have 10 people")).hasValue("people");
    }

    @Test
    void aLineTakesAPartyWithinItsRangeOrLimit() {
        assertThat(PartySize.takes("Group Size: Accommodates parties of 9 to 15 guests", 12))
                .isTrue();
        assertThat(PartySize.takes("Large group tastings: Available for 9-15 guests with advance notice", 12))
                .isTrue();
        assertThat(PartySize.takes("Large group tastings: Available for 9-15 guests with advance notice", 16))
                .isFalse();
        assertThat(PartySize.takes("Standard tastings: Maximum 8 guests per reservation", 6))
                .isTrue();
        assertThat(PartySize.takes("Standard tastings: Maximum 8 guests per reservation", 12))
                .isFalse();
        assertThat(PartySize.takes("Groups larger than 15 may require a private event reservation", 20))
                .isTrue();
        assertThat(PartySize.takes("Groups larger than 15 may require a private event reservation", 15))
                .as("larger than excludes the bound")
                .isFalse();
        assertThat(PartySize.takes("Seating for up to 120 guests, 150 for cocktail hour", 200))
                .isFalse();
        assertThat(PartySize.takes("Capacity of up to 24 guests", 20)).isTrue();
    }

    @Test
    void aLimitOfSomethingElseTakesNoParty() {
        assertThat(PartySize.takes("Groups must book at least 2 weeks in advance", 12))
                .isFalse();
        assertThat(PartySize.takes("Large groups: tables held for up to 2 hours", 2))
                .isFalse();
        assertThat(PartySize.takes("Enjoy up to 6 wines in a flight", 4))
                .as("a line about no party")
                .isFalse();
    }
}

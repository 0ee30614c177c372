package io.cellardoor.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FollowUpResolverTests {

    static final String EVENTS = """
            **Events**
            - Four Hands Dinner - February 22: chefs cook together
            - Spring Club Party - April 5: for members
            - Harvest Stomp - October 1: bring boots""";

    @Test
    void anOrdinalNamesThatItemOfThePreviousAnswer() {
        assertThat(FollowUpResolver.ordinalItem("tell me more about the first one", EVENTS))
                .contains("Four Hands Dinner - February 22: chefs cook together");
        assertThat(FollowUpResolver.ordinalItem("and the last one?", EVENTS))
                .hasValueSatisfying(i -> assertThat(i).startsWith("Harvest Stomp"));
        assertThat(FollowUpResolver.ordinalItem("the second", EVENTS))
                .hasValueSatisfying(i -> assertThat(i).startsWith("Spring Club Party"));
    }

    @Test
    void withoutAListThereIsNoItem() {
        assertThat(FollowUpResolver.ordinalItem("the first one", "We open at noon."))
                .isEmpty();
        assertThat(FollowUpResolver.ordinalItem("what time?", EVENTS)).isEmpty();
    }
}

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
                .contains("Four Hands Dinner - February 22");
        assertThat(FollowUpResolver.ordinalItem("and the last one?", EVENTS))
                .hasValueSatisfying(i -> assertThat(i).startsWith("Harvest Stomp"));
        assertThat(FollowUpResolver.ordinalItem("the second", EVENTS)).contains("Spring Club Party - April 5");
        assertThat(FollowUpResolver.ordinalItem(
                        "the first one", "- Open daily from noon until five\n- Closed in January"))
                .contains("Open daily from noon until five");
    }

    @Test
    void withoutAListThereIsNoItem() {
        assertThat(FollowUpResolver.ordinalItem("the first one", "We open at noon."))
                .isEmpty();
        assertThat(FollowUpResolver.ordinalItem("what time?", EVENTS)).isEmpty();
    }

    @Test
    void whatAVisitorSaysBeforeTheQuestionIsNotPartOfIt() {
        assertThat(FollowUpResolver.withoutLeadIn("cool, is there food or just wine?"))
                .isEqualTo("is there food or just wine?");
        assertThat(FollowUpResolver.withoutLeadIn("ok how do we book it?")).isEqualTo("how do we book it?");
        assertThat(FollowUpResolver.withoutLeadIn("Hi! Thanks, do you have a rosé?"))
                .isEqualTo("do you have a rosé?");
        assertThat(FollowUpResolver.withoutLeadIn("totally unrelated, but who makes your wines?"))
                .isEqualTo("who makes your wines?");
        assertThat(FollowUpResolver.withoutLeadIn("Vale, ¿y el domingo?")).isEqualTo("¿y el domingo?");
        // Words that are also content stay unless punctuation marks them as an aside.
        assertThat(FollowUpResolver.withoutLeadIn("great wines for a picnic?")).isEqualTo("great wines for a picnic?");
        assertThat(FollowUpResolver.withoutLeadIn("hiking trails nearby?")).isEqualTo("hiking trails nearby?");
        assertThat(FollowUpResolver.withoutLeadIn("ok")).isEqualTo("ok");
    }
}

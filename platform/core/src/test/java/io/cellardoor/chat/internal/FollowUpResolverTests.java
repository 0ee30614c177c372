package io.cellardoor.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.text.Lexicon;
import io.cellardoor.text.TermAnalyzer;
import io.cellardoor.text.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpResolverTests {

    static final String EVENTS = """
            **Events**
            - Four Hands Dinner - February 22: chefs cook together
            - Spring Club Party - April 5: for members
            - Harvest Stomp - October 1: bring boots""";

    /** A resolver whose document reads find nothing: the carried topic is the earlier words and titles alone. */
    private static FollowUpResolver resolverFindingNoDocument() {
        io.cellardoor.knowledge.DocumentReads documents =
                org.mockito.Mockito.mock(io.cellardoor.knowledge.DocumentReads.class);
        org.mockito.Mockito.when(documents.findDocument(
                        org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers.anyString()))
                .thenReturn(java.util.Optional.empty());
        return new FollowUpResolver(new TermAnalyzer(new Vocabulary(), Lexicon.none()), null, documents, null);
    }

    @Test
    void anOrdinalNamesThatItemOfThePreviousAnswer() {
        assertThat(FollowUpResolver.ordinalItem("tell me more about the first one", EVENTS))
                .contains("Four Hands Dinner - February 22");
        assertThat(FollowUpResolver.ordinalItem("and the last one?", EVENTS))
                .hasValueSatisfying(i -> assertThat(i).startsWith("Harvest Stomp"));
        assertThat(FollowUpResolver.ordinalItem("the second", EVENTS)).contains("Spring Club Party - April 5");
        assertThat(FollowUpResolver.ordinalItem("second one please", EVENTS)).contains("Spring Club Party - April 5");
        assertThat(FollowUpResolver.ordinalItem("how much is the middle one?", EVENTS))
                .contains("Spring Club Party - April 5");
        assertThat(FollowUpResolver.ordinalItem("the middle one", "- Jumper: 4 bottles\n- Grand Prix: 6 bottles"))
                .as("two items have no middle one")
                .isEmpty();
        assertThat(FollowUpResolver.ordinalItem(
                        "the first one", "- Open daily from noon until five\n- Closed in January"))
                .contains("Open daily from noon until five");
    }

    @Test
    void quotedLinesGoingOnFromALabelledLineAreNoItems() {
        String quoted = """
                **The Wine Club**
                - Premier Club: We offer access to rare wines.
                - Our club tiers are named for horses.
                - Wine Selection: Limited production wines""";
        assertThat(FollowUpResolver.ordinalItem("what does the middle tier cost?", quoted))
                .as("two labelled lines have no middle one; the line about tiers goes on from the first")
                .isEmpty();
        assertThat(FollowUpResolver.ordinalItem("the second one", quoted)).contains("Wine Selection");
        assertThat(FollowUpResolver.ordinalItem(
                        "the middle one",
                        "- Jumper: 4 bottles\n- Grand Prix: 6 bottles" + "\n- Triple Crown: 12 bottles"))
                .contains("Grand Prix");
    }

    @Test
    void aDeclinedFollowUpPassesOnWhatItCarriedNotItsOwnWords() {
        // no page is read on this path: a pronoun continues the conversation, the declined turn cites none
        FollowUpResolver resolver =
                new FollowUpResolver(new TermAnalyzer(new Vocabulary(), Lexicon.none()), null, null, null);
        ConversationStore.PastTurn declined = new ConversationStore.PastTurn(
                "what does it pair with?",
                "what does it pair with? is it oaked? 2023 Reserve Chardonnay",
                "Sorry, I don't know the answer to that.",
                false,
                "wine",
                List.of());

        assertThat(resolver.resolve(1, "how much is it?", List.of(declined)).text())
                .isEqualTo("how much is it? is it oaked? 2023 Reserve Chardonnay");
        ConversationStore.PastTurn standalone = new ConversationStore.PastTurn(
                "do you sell cigars?", "do you sell cigars?", "Sorry.", false, "merchandise", List.of());
        assertThat(resolver.resolve(1, "how much are they?", List.of(standalone))
                        .text())
                .as("a declined question that carried nothing is still the topic")
                .isEqualTo("how much are they? do you sell cigars?");
    }

    @Test
    void afterPickingOneOfTheThingsNamedThatOneIsThePickedOne() {
        FollowUpResolver resolver = resolverFindingNoDocument();
        io.cellardoor.answer.Citation farmhouse =
                new io.cellardoor.answer.Citation("wine/farmhouse.md", "2023 Farmhouse Chardonnay", "wine", 0.9, null);
        io.cellardoor.answer.Citation reserve =
                new io.cellardoor.answer.Citation("wine/reserve.md", "2023 Reserve Chardonnay", "wine", 0.8, null);
        ConversationStore.PastTurn listed = new ConversationStore.PastTurn(
                "do you have a chardonnay?",
                "do you have a chardonnay?",
                "- 2023 Farmhouse Chardonnay: $30.00\n- 2023 Reserve Chardonnay: $40.00",
                true,
                "wine",
                List.of(farmhouse, reserve));
        ConversationStore.PastTurn picked = new ConversationStore.PastTurn(
                "which one is oaked?",
                "which one is oaked? do you have a chardonnay? 2023 Farmhouse Chardonnay",
                "2023 Reserve Chardonnay: fermented in neutral oak barrels",
                true,
                "wine",
                List.of(reserve, farmhouse));

        assertThat(resolver.resolve(1, "how much is that one?", List.of(listed, picked))
                        .text())
                .contains("2023 Reserve Chardonnay")
                .doesNotContain("Farmhouse");
    }

    @Test
    void aFollowUpAskedOnTheWayIsNotCarriedTwoTurnsLater() {
        FollowUpResolver resolver = resolverFindingNoDocument();
        io.cellardoor.answer.Citation weddings =
                new io.cellardoor.answer.Citation("weddings/weddings.md", "Weddings", "events", 0.9, null);
        ConversationStore.PastTurn asked = new ConversationStore.PastTurn(
                "do you do weddings?",
                "do you do weddings?",
                "Yes, up to 120 guests.",
                true,
                "events",
                List.of(weddings));
        ConversationStore.PastTurn guests = new ConversationStore.PastTurn(
                "how many guests can you fit?",
                "how many guests can you fit? do you do weddings? Weddings",
                "Up to 120 guests seated.",
                true,
                "events",
                List.of(weddings));
        ConversationStore.PastTurn cost = new ConversationStore.PastTurn(
                "what does it cost?",
                "what does it cost? how many guests can you fit? do you do weddings? Weddings",
                "The site fee is $10,000.",
                true,
                "events",
                List.of(weddings));

        assertThat(resolver.resolve(1, "what does it cost?", List.of(asked, guests))
                        .text())
                .as("the question that set the topic is carried")
                .isEqualTo("what does it cost? how many guests can you fit? do you do weddings? Weddings");
        assertThat(resolver.resolve(1, "what if it rains?", List.of(asked, guests, cost))
                        .text())
                .isEqualTo("what if it rains? what does it cost? do you do weddings? Weddings");
        ConversationStore.PastTurn swapped = new ConversationStore.PastTurn(
                "what does it cost?",
                "what does it cost? the weddings Weddings",
                "$10,000.",
                true,
                "events",
                List.of(weddings));
        assertThat(FollowUpResolver.withoutStaleWords(List.of(asked, guests, swapped)))
                .as("what the turn carried does not start with the turn before's words: kept as it was")
                .isEqualTo("what does it cost? the weddings Weddings");
    }

    @Test
    void howManyPeopleAloneAsksAboutThePlaceDiscussed() {
        assertThat(FollowUpResolver.asksOnlyCapacity("how many guests can you fit?"))
                .isTrue();
        assertThat(FollowUpResolver.asksOnlyCapacity("And how many people can we invite?"))
                .isTrue();
        assertThat(FollowUpResolver.asksOnlyCapacity("how many people fit?")).isTrue();
        assertThat(FollowUpResolver.asksOnlyCapacity("how many guests can the clubhouse fit?"))
                .isFalse();
        assertThat(FollowUpResolver.asksForAnAttribute("what sizes?")).isTrue();
        assertThat(FollowUpResolver.asksForAnAttribute("how many bedrooms?"))
                .as("a count whose word the pages discussed lack is searched on its own")
                .isFalse();
    }

    @Test
    void theCarriedTitleComesOnceAndWhole() {
        String title = "Accommodations at Milea Estate Vineyard";
        assertThat(FollowUpResolver.carried(
                        "how many people can stay there? tell me about the staatsburg house " + title, title))
                .as("the words cut short inside the title an earlier turn carried end before it")
                .isEqualTo("how many people can stay there? tell me about the staatsburg house " + title);
        assertThat(FollowUpResolver.carried("is there parking?", "Directions"))
                .isEqualTo("is there parking? Directions");
        assertThat(FollowUpResolver.carried("how do I get to the directions page?", "Directions"))
                .isEqualTo("how do I get to the directions page?");
        assertThat(FollowUpResolver.carried(
                        "one two three four five six seven eight nine ten eleven twelve thirteen " + "fourteen fifteen",
                        ""))
                .endsWith("fourteen");
    }

    @Test
    void thereAsAPlaceRefersBackButIsThereDoesNot() {
        assertThat(FollowUpResolver.refersBack("how many people can stay there?"))
                .isTrue();
        assertThat(FollowUpResolver.refersBack("how do I get there from the station?"))
                .isTrue();
        assertThat(FollowUpResolver.refersBack("what's the next one?")).isTrue();
        assertThat(FollowUpResolver.refersBack("which is the cheapest?")).isTrue();
        assertThat(FollowUpResolver.refersBack("do both get free tastings?")).isTrue();
        assertThat(FollowUpResolver.refersBack("and the most expensive?")).isTrue();
        assertThat(FollowUpResolver.refersBack("what's the cheapest wine?")).isFalse();
        assertThat(FollowUpResolver.refersBack("is there parking?")).isFalse();
        assertThat(FollowUpResolver.refersBack("are there hotels nearby?")).isFalse();
        assertThat(FollowUpResolver.refersBack("there is a dog with us, ok?")).isFalse();
    }

    @Test
    void oneStandingForAThingNamedBeforeAndAComparisonWithNothingToCompareWithReferBack() {
        assertThat(FollowUpResolver.refersBack("do you have a cheaper one?")).isTrue();
        assertThat(FollowUpResolver.refersBack("any red ones?")).isTrue();
        assertThat(FollowUpResolver.refersBack("anything cheaper?")).isTrue();
        assertThat(FollowUpResolver.refersBack("avez-vous un vin moins cher ?")).isTrue();
        assertThat(FollowUpResolver.refersBack("¿tienen uno más barato?")).isTrue();
        assertThat(FollowUpResolver.refersBack("is there something bigger?")).isTrue();
        assertThat(FollowUpResolver.refersBack("do you have one-day passes?")).isFalse();
        assertThat(FollowUpResolver.refersBack("is the rosé cheaper than the chardonnay?"))
                .isFalse();
        assertThat(FollowUpResolver.refersBack("what's a good one for a picnic?"))
                .isTrue();
        assertThat(FollowUpResolver.refersBack("is a tasting one hour long?")).isFalse();
    }

    @Test
    void aPriceLimitAloneAsksAboutWhatWasDiscussed() {
        FollowUpResolver resolver = resolverFindingNoDocument();
        ConversationStore.PastTurn hats = new ConversationStore.PastTurn(
                "do you sell hats?",
                "do you sell hats?",
                "Yes, we have: Hat $25.00, Herringbone Hat $35.00",
                true,
                "merchandise",
                List.of(new io.cellardoor.answer.Citation("merchandise/hat.md", "Hat", "merchandise", 0.03, null)));

        assertThat(resolver.resolve(1, "any under $30?", List.of(hats)).text())
                .startsWith("any under $30? do you sell hats?");
        assertThat(resolver.resolve(1, "anything for less than 20 dollars?", List.of(hats))
                        .followUp())
                .isTrue();
    }

    @Test
    void aQuestionForAPriceAloneAsksForThePriceOfWhatWasDiscussed() {
        assertThat(FollowUpResolver.asksOnlyPrice("¿cuánto cuesta?")).isTrue();
        assertThat(FollowUpResolver.asksOnlyPrice("¿Y cuánto cuestan?")).isTrue();
        assertThat(FollowUpResolver.asksOnlyPrice("combien ça coûte ?")).isTrue();
        assertThat(FollowUpResolver.asksOnlyPrice("c'est combien ?")).isTrue();
        assertThat(FollowUpResolver.asksOnlyPrice("how much?")).isTrue();
        assertThat(FollowUpResolver.asksOnlyPrice("how much is a bottle?")).isTrue();
        assertThat(FollowUpResolver.asksOnlyPrice("price per glass")).isTrue();
        assertThat(FollowUpResolver.asksOnlyPrice("how much is a bottle of the rosé?"))
                .isFalse();
        assertThat(FollowUpResolver.asksOnlyPrice("¿cuánto cuesta la degustación?"))
                .isFalse();
        assertThat(FollowUpResolver.asksOnlyPrice("how much is shipping?")).isFalse();
        assertThat(FollowUpResolver.asksOnlyPrice("price under $30?")).isFalse();
    }

    @Test
    void aShortQuestionEndingInTooAsksTheSameAgain() {
        assertThat(FollowUpResolver.asksAlso("inside too?")).isTrue();
        assertThat(FollowUpResolver.asksAlso("and on weekdays as well?")).isTrue();
        assertThat(FollowUpResolver.asksAlso("¿los niños también?")).isTrue();
        assertThat(FollowUpResolver.asksAlso("is the tasting room open on mondays and tuesdays too?"))
                .as("a question of its own")
                .isFalse();
    }

    @Test
    void withoutAListThereIsNoItem() {
        assertThat(FollowUpResolver.ordinalItem("the first one", "We open at noon."))
                .isEmpty();
        assertThat(FollowUpResolver.ordinalItem("what time?", EVENTS)).isEmpty();
        assertThat(FollowUpResolver.ordinalItem("how long does it last?", EVENTS))
                .as("a bare 'last' is the verb")
                .isEmpty();
        assertThat(FollowUpResolver.ordinalItem("which came first?", EVENTS)).isEmpty();
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
        assertThat(FollowUpResolver.withoutLeadIn("Hi there! Do you open on Mondays?"))
                .isEqualTo("Do you open on Mondays?");
        // Words that are also content stay unless punctuation marks them as an aside.
        assertThat(FollowUpResolver.withoutLeadIn("great wines for a picnic?")).isEqualTo("great wines for a picnic?");
        assertThat(FollowUpResolver.withoutLeadIn("hiking trails nearby?")).isEqualTo("hiking trails nearby?");
        assertThat(FollowUpResolver.withoutLeadIn("ok")).isEqualTo("ok");
    }

    @Test
    void aFollowUpNamingAnotherDayOrMonthSwapsItForThePreviousOne() {
        String carried = "are you open on Thursday? Tasting Room Hours";
        assertThat(FollowUpResolver.withoutSwapped("and on Sunday?", carried))
                .isEqualTo("are you open on Tasting Room Hours");
        assertThat(FollowUpResolver.withoutSwapped("¿y los domingos?", "¿abren el jueves por la mañana?"))
                .isEqualTo("¿abren el por la mañana?");
        assertThat(FollowUpResolver.withoutSwapped("et en août ?", "events in July and June"))
                .isEqualTo("events in and");
        // A day does not swap a month, and a question naming no day or month keeps everything.
        assertThat(FollowUpResolver.withoutSwapped("and on Sunday?", "events in July"))
                .isEqualTo("events in July");
        assertThat(FollowUpResolver.withoutSwapped("how much is it?", carried)).isEqualTo(carried);
        // The day asked again stays; "may" in "may I" is not the month.
        assertThat(FollowUpResolver.withoutSwapped("and Thursday and Friday?", carried))
                .isEqualTo(carried);
        assertThat(FollowUpResolver.withoutSwapped("may I bring a dog then?", "events in June"))
                .isEqualTo("events in June");
    }

    @Test
    void theSectionAWhichAnswerPickedIsWhatAFollowUpIsAbout() {
        String page = """
                # Wine Club
                ## Tiers
                ### Bramble
                - 4 bottles, from $90
                ### Summit
                - 12 bottles, from $250
                ## Shipping
                """;
        TermAnalyzer analyzer = new TermAnalyzer(new Vocabulary(), Lexicon.none());
        assertThat(FollowUpResolver.pickedSection(
                        "which tier is the cheapest?",
                        "Our least expensive tier is Bramble, from $90.",
                        page,
                        analyzer))
                .contains("Bramble");
        assertThat(FollowUpResolver.pickedSection(
                        "which tiers are there?",
                        "Our tiers: Bramble (4 bottles) and Summit (12 bottles).",
                        page,
                        analyzer))
                .as("an answer naming both picked none")
                .isEmpty();
        assertThat(FollowUpResolver.pickedSection(
                        "is Summit cheaper than Bramble?", "Bramble is cheaper, from $90.", page, analyzer))
                .as("the question named the tiers itself")
                .isEmpty();
    }

    @Test
    void aTurnIsAboutTheSectionItPickedWhenItAskedForOneOrNamedIt() {
        String page = """
                # Nearby Inns
                ## Inns
                ### Larch Inn & Spa
                - A quiet spa hotel by the river
                ### Millpond Inn
                - 30 minutes away, 12 guests
                """;
        String title = "Nearby Inns";
        TermAnalyzer analyzer = new TermAnalyzer(new Vocabulary(), Lexicon.none());
        java.util.function.BiFunction<String, String, ConversationStore.PastTurn> turn = (question, answer) ->
                new ConversationStore.PastTurn(question, question + " " + title, answer, true, "visiting", List.of());

        assertThat(FollowUpResolver.sectionAbout(
                        turn.apply("tell me about the larch", "Larch Inn & Spa: A quiet spa hotel by the river"),
                        title,
                        page,
                        analyzer))
                .as("the question named a word of the heading the title lacks")
                .contains("Larch Inn & Spa");
        assertThat(FollowUpResolver.sectionAbout(
                        turn.apply("who has room for a group?", "Millpond Inn: 30 minutes away, 12 guests"),
                        title,
                        page,
                        analyzer))
                .as("a \"who\" question picks one")
                .contains("Millpond Inn");
        assertThat(FollowUpResolver.sectionAbout(
                        turn.apply("how many guests fit?", "Millpond Inn: 30 minutes away, 12 guests"),
                        title,
                        page,
                        analyzer))
                .as("the section only held the fact asked")
                .isEmpty();
        assertThat(FollowUpResolver.sectionAbout(
                        turn.apply("does the inn have rooms?", "Millpond Inn: 30 minutes away, 12 guests"),
                        title,
                        page,
                        analyzer))
                .as("\"inn\" is a word of the title as well")
                .isEmpty();
        assertThat(FollowUpResolver.sectionAbout(
                        new ConversationStore.PastTurn(
                                "does it have a spa?",
                                "does it have a spa? tell me about the larch " + title + " Larch Inn & Spa",
                                "Larch Inn & Spa: A quiet spa hotel by the river",
                                true,
                                "visiting",
                                List.of()),
                        title,
                        page,
                        analyzer))
                .as("a section an earlier turn carried stays, though the resolved question names it whole")
                .contains("Larch Inn & Spa");
    }

    @Test
    void headingsAreGroupedWithTheirSiblingsUnderTheSameParent() {
        String page = """
                # Wine Club
                ## Tiers
                ### **Bramble**
                - 4 bottles
                ### Summit
                - 12 bottles
                ## Shipping
                ### Fees
                ## How to Join
                """;

        assertThat(FollowUpResolver.siblingHeadings(page))
                .containsExactly(List.of("Tiers", "Shipping", "How to Join"), List.of("Bramble", "Summit"));
        assertThat(FollowUpResolver.siblingHeadings("# Hours\nOpen daily.")).isEmpty();
    }
}

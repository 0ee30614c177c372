package io.cellardoor.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.answer.QuestionShape.Fact;
import io.cellardoor.plugin.api.PriceBound;
import org.junit.jupiter.api.Test;

class QuestionShapeTests {

    @Test
    void aQuestionWhetherSomethingIsThereAtAll() {
        assertThat(QuestionShape.of("do you do weddings?").asksExistence()).isTrue();
        assertThat(QuestionShape.of("Is there a wine club?").asksExistence()).isTrue();
        assertThat(QuestionShape.of("¿Hacen bodas?").asksExistence()).isTrue();
        assertThat(QuestionShape.of("Avez-vous un club de vin ?").asksExistence())
                .isTrue();
        assertThat(QuestionShape.of("is the vineyard in the hudson valley?").asksExistence())
                .as("a question about a property of something named")
                .isFalse();
    }

    @Test
    void whereSomethingComesFromIsAnsweredByAPlaceNamed() {
        assertThat(QuestionShape.of("where do the grapes come from?").facts()).contains(Fact.ORIGIN, Fact.PLACE);
        assertThat(QuestionShape.of("where is the chardonnay grown").facts()).contains(Fact.ORIGIN);
        assertThat(QuestionShape.of("¿de dónde vienen las uvas?").facts()).contains(Fact.ORIGIN);
        assertThat(QuestionShape.of("where do I park?").facts())
                .contains(Fact.PLACE)
                .doesNotContain(Fact.ORIGIN);
        assertThat(Fact.ORIGIN.in("we partner with vineyards in other regions of New York State"))
                .isTrue();
        assertThat(Fact.ORIGIN.in("Sourced from our own vineyard in the Hudson Valley"))
                .isTrue();
        assertThat(Fact.ORIGIN.in("picked by hand from our hillside in the early morning"))
                .as("no proper name")
                .isFalse();
    }

    @Test
    void aCountQuestionNamesWhatItCounts() {
        assertThat(QuestionShape.of("How many bedrooms does the house have?").counted())
                .contains("bedrooms");
        assertThat(QuestionShape.of("what's the number of guests for a wedding?")
                        .counted())
                .contains("guests");
        assertThat(QuestionShape.of("how big is the vineyard?").counted()).isEmpty();
    }

    @Test
    void readsTheKindOfFactAsked() {
        assertThat(QuestionShape.of("how much is the private tour?").facts()).contains(Fact.PRICE);
        assertThat(QuestionShape.of("¿Cuánto cuesta la degustación?").facts()).contains(Fact.PRICE);
        assertThat(QuestionShape.of("what time do you close on friday").facts()).contains(Fact.TIME);
        assertThat(QuestionShape.of("how many guests fit on the patio?").facts())
                .contains(Fact.COUNT);
        assertThat(QuestionShape.of("what's the email for the club?").facts()).contains(Fact.CONTACT);
        assertThat(QuestionShape.of("how deep is the soil?").facts())
                .as("a dimension asked is a number")
                .contains(Fact.COUNT);
        assertThat(QuestionShape.of("how tall is the barn?").facts()).contains(Fact.COUNT);
        assertThat(QuestionShape.of("¿a qué distancia están de nueva york?").facts())
                .as("how far, in Spanish and French, as in English")
                .contains(Fact.COUNT);
        assertThat(QuestionShape.of("à quelle distance êtes-vous de new york ?").facts())
                .contains(Fact.COUNT);
        assertThat(QuestionShape.of("how close is the mansion?").facts())
                .as("close as nearness is no time")
                .doesNotContain(Fact.TIME);
        assertThat(QuestionShape.of("is the park close by?").facts()).doesNotContain(Fact.TIME);
        assertThat(QuestionShape.of("when do you close?").facts()).contains(Fact.TIME);
        assertThat(QuestionShape.of("how pricey is the wine club?").facts())
                .as("an adjective of price asks for one")
                .contains(Fact.PRICE);
    }

    @Test
    void aQuestionAskingWhenSomethingHappenedAsksForAYear() {
        assertThat(QuestionShape.of("when was milea founded?").facts()).contains(Fact.YEAR);
        assertThat(QuestionShape.of("what year did the family buy the farm?").facts())
                .contains(Fact.YEAR);
        assertThat(QuestionShape.of("when do you open on sunday?").facts()).doesNotContain(Fact.YEAR);
        assertThat(QuestionShape.of("how old do you have to be to taste?").facts())
                .doesNotContain(Fact.YEAR);
        assertThat(Fact.YEAR.in("In 1984, Barry and his father purchased the farm."))
                .isTrue();
        assertThat(Fact.YEAR.in("French Huguenots arrived in the 1660s.")).isTrue();
        assertThat(Fact.YEAR.in("The 2023 Farmhouse Chardonnay is $30.00."))
                .as("a vintage naming a wine")
                .isFalse();
    }

    @Test
    void readsAQuestionAskingWho() {
        assertThat(QuestionShape.of("who is the winemaker?").who()).isTrue();
        assertThat(QuestionShape.of("who do i email about a wedding?").who())
                .as("asks for an address to write to")
                .isFalse();
        assertThat(QuestionShape.of("Who's in charge of events?").who()).isTrue();
        assertThat(QuestionShape.of("do you know who owns the farm?").who()).isTrue();
        assertThat(QuestionShape.of("¿Quién es el enólogo?").who()).isTrue();
        assertThat(QuestionShape.of("Qui est le chef ?").who()).isTrue();
        assertThat(QuestionShape.of("is there someone who can help with a large order?")
                        .who())
                .as("a relative pronoun asks for no name")
                .isFalse();
        assertThat(QuestionShape.of("what is the winemaking style?").who()).isFalse();
        assertThat(QuestionShape.of("what's the winemaker's name?").who())
                .as("the name of someone named by what they do")
                .isTrue();
        assertThat(QuestionShape.of("What is the name of your executive chef?").who())
                .isTrue();
        assertThat(QuestionShape.of("what's the name of the river?").who()).isFalse();
        assertThat(QuestionShape.of("what's the name of the winter menu?").who())
                .isFalse();
        assertThat(QuestionShape.of("what's the rosé's name?").who()).isFalse();
        assertThat(QuestionParts.asksWho("We're planning a wedding. Who is the events coordinator?"))
                .as("any part of the message")
                .isTrue();
        assertThat(QuestionParts.asksWho("do you host weddings? how much is it?"))
                .isFalse();
    }

    @Test
    void readsListsComparisonsSuperlativesAndSteps() {
        assertThat(QuestionShape.of("what red wines do you have").list()).isTrue();
        assertThat(QuestionShape.of("do you sell candles?").list())
                .as("whether a kind of product is sold: the products")
                .isTrue();
        assertThat(QuestionShape.of("do you sell honey?").list())
                .as("a product named by one word, plural or not")
                .isTrue();
        assertThat(QuestionShape.of("do you serve espresso").list()).isTrue();
        assertThat(QuestionShape.of("do you sell wine glasses?").list())
                .as("an item of two words: the products whose titles name both")
                .isTrue();
        assertThat(QuestionShape.of("do you sell it by the case?").list()).isFalse();
        assertThat(QuestionShape.of("is there soup on the menu?").list()).isTrue();
        assertThat(QuestionShape.of("is there honey for sale").list()).isTrue();
        assertThat(QuestionShape.of("is there parking?").list())
                .as("not a product: yes or no")
                .isFalse();
        assertThat(QuestionShape.of("do you have horses?").yesNo())
                .as("whether something is there: yes or no, and a list only of pages whose titles name it")
                .isTrue();
        assertThat(QuestionShape.of("what events are coming up?").list())
                .as("which things of a kind: all of them")
                .isTrue();
        assertThat(QuestionShape.of("any upcoming concerts?").list()).isTrue();
        assertThat(QuestionShape.of("what hours are you open?").list())
                .as("when, not which")
                .isFalse();
        assertThat(QuestionShape.of("which is cheaper, the farmhouse or the reserve?")
                        .comparison())
                .isTrue();
        assertThat(QuestionShape.of("what's your most expensive wine?").most()).isTrue();
        assertThat(QuestionShape.of("what's your most expensive wine?").aboutItems())
                .as("ranked by their prices")
                .isTrue();
        assertThat(QuestionShape.of("whats your most popular wine?").aboutItems())
                .as("nothing ranks the wines by popularity: no list")
                .isFalse();
        QuestionShape closest = QuestionShape.of("what's the closest historic site?");
        assertThat(closest.least()).isTrue();
        assertThat(closest.byDistance()).isTrue();
        assertThat(QuestionShape.of("how do I get to you from Albany?").howTo()).isTrue();
        assertThat(QuestionShape.of("do you have horses?").yesNo()).isTrue();
        assertThat(QuestionShape.of("what is Milea Miles?").describes()).isTrue();
        assertThat(QuestionShape.of("tell me about the wine club").describes()).isTrue();
        assertThat(QuestionShape.of("what's the price of the rosé?").describes())
                .as("a kind of fact asked")
                .isFalse();
        assertThat(QuestionShape.of("what red wines do you have?").describes())
                .as("a list")
                .isFalse();
        assertThat(QuestionShape.of("do you have hats?").list())
                .as("whether they have a kind of thing: the things of that kind")
                .isTrue();
        assertThat(QuestionShape.of("do you have a wine club?").list()).isFalse();
        assertThat(QuestionShape.of("hats under $30?").priceBound()).contains(new PriceBound(30, true, false));
        assertThat(QuestionShape.of("hats under $30?").aboutItems()).isTrue();
        assertThat(QuestionShape.of("¿algo de menos de 20 dólares?").priceBound())
                .contains(new PriceBound(20, true, false));
        assertThat(QuestionShape.of("anything up to 15 bucks").priceBound()).contains(new PriceBound(15, true, true));
        assertThat(QuestionShape.of("gifts over $50").priceBound()).contains(new PriceBound(50, false, false));
        assertThat(QuestionShape.of("can kids under 12 come?").priceBound())
                .as("no currency: no price")
                .isEmpty();
    }

    @Test
    void splitsAQuestionAskingSeveralThings() {
        assertThat(QuestionShape.parts("how much is the private tour and what do you get for that"))
                .containsExactly("how much is the private tour", "what do you get for that");
        assertThat(QuestionShape.parts("Can I spend miles on a night at the house? how many do I need?"))
                .containsExactly("Can I spend miles on a night at the house", "how many do I need");
        assertThat(QuestionShape.parts("salt and pepper chips?")).containsExactly("salt and pepper chips");
    }

    @Test
    void sentencesThatOnlyTellAreContextOfTheQuestion() {
        QuestionShape.Asked asked = QuestionShape.asked(
                "We're coming up from the city for a birthday. My sister loves boats! Can we rent a canoe on Sunday?");
        assertThat(asked.asked()).isEqualTo("Can we rent a canoe on Sunday?");
        assertThat(asked.told()).isEqualTo("We're coming up from the city for a birthday. My sister loves boats!");
        // A request worded as a statement still asks; a message without a question mark is all asked.
        assertThat(QuestionShape.asked("Tell me about the canoes. Are they open on Sunday?")
                        .told())
                .isEmpty();
        assertThat(QuestionShape.asked("We love canoes. Canoe prices.").asked())
                .isEqualTo("We love canoes. Canoe prices.");
        // A decimal point ends no sentence.
        assertThat(QuestionShape.asked("We are four. Is the canoe $12.50 per person?"))
                .isEqualTo(new QuestionShape.Asked("Is the canoe $12.50 per person?", "We are four."));
    }

    @Test
    void aClauseThatTellsBeforeTheQuestionInOneSentenceIsContext() {
        assertThat(QuestionShape.asked(
                        "My wife and I are coming up next Saturday for our anniversary, do we need to book a canoe?"))
                .isEqualTo(new QuestionShape.Asked(
                        "do we need to book a canoe?",
                        "My wife and I are coming up next Saturday for our anniversary."));
        assertThat(QuestionShape.asked("My husband can't swim, do you rent life jackets?"))
                .as("a negative \"can't\" tells")
                .isEqualTo(new QuestionShape.Asked("do you rent life jackets?", "My husband can't swim."));
        assertThat(QuestionShape.asked("We have a small dog, can we bring it to the dock?")
                        .told())
                .as("the question refers back to the clause")
                .isEmpty();
        assertThat(QuestionShape.asked("If it rains on Sunday, can we still rent a canoe?")
                        .told())
                .as("the clause itself asks")
                .isEmpty();
        assertThat(QuestionShape.asked("Hours, do you open Mondays?").told())
                .as("too short to tell anything")
                .isEmpty();
    }

    @Test
    void factsAreFoundInText() {
        assertThat(Fact.PRICE.in("Price: $45.00")).isTrue();
        assertThat(Fact.COUNT.in("6 BOTTLES PER SHIPMENT")).isTrue();
        assertThat(Fact.COUNT.in("Starting at $128 per shipment, plus tax"))
                .as("a price is no count")
                .isFalse();
        assertThat(Fact.TIME.in("Saturday: 12:00 PM - 7:00 PM")).isTrue();
        assertThat(Fact.PLACE.in("Location: The Clubhouse at Milea Estate")).isTrue();
        assertThat(Fact.PLACE.in("The dinner is held in the barrel room")).isTrue();
        assertThat(Fact.PLACE.in("Join us for an unforgettable dinner")).isFalse();
        assertThat(Fact.DURATION.in("about 90 minutes")).isTrue();
        assertThat(Fact.DURATION.in("a 90-minute tabletop time limit")).isTrue();
        assertThat(Fact.DURATION.in("2-3 hours")).isTrue();
        assertThat(Fact.DURATION.in("Route 9-G")).isFalse();
        assertThat(Fact.PRICE.in("open daily")).isFalse();
        assertThat(Fact.FREQUENCY.in("Members receive 4 shipments annually")).isTrue();
        assertThat(Fact.FREQUENCY.in("Quarterly shipments in March and June")).isTrue();
        assertThat(Fact.FREQUENCY.in("Live jazz every Friday")).isTrue();
        assertThat(Fact.FREQUENCY.in("a day trip to Rhinebeck")).isFalse();
    }

    @Test
    void howFarInAdvanceAsksForNoDistanceOrNumber() {
        assertThat(QuestionShape.of("how far in advance should I book?").facts())
                .doesNotContain(Fact.COUNT);
        assertThat(QuestionShape.of("how far is rhinebeck?").facts()).contains(Fact.COUNT);
    }

    @Test
    void howOftenAsksForAFrequencyAndOftenIsNoWordToFind() {
        assertThat(QuestionShape.of("how often do club shipments come?").facts())
                .contains(Fact.FREQUENCY);
        assertThat(QuestionShape.of("¿con qué frecuencia llegan los envíos?").facts())
                .contains(Fact.FREQUENCY);
        assertThat(QuestionShape.of("how long does the tasting take?").facts()).doesNotContain(Fact.FREQUENCY);
        assertThat(QuestionShape.withoutNumericOperators("how often do club shipments come?"))
                .doesNotContain("often")
                .contains("shipments");
    }

    @Test
    void theVerbAskingForADurationIsNoWordToFind() {
        assertThat(QuestionShape.withoutNumericOperators("how long does the tasting last?"))
                .doesNotContain("last")
                .contains("tasting");
        assertThat(QuestionShape.withoutNumericOperators("when is last call?")).contains("last");
        assertThat(QuestionShape.withoutNumericOperators("which is the cheapest tasting?"))
                .doesNotContain("cheapest");
    }

    @Test
    void theVerbOfWhetherSomethingIsThereIsNamed() {
        assertThat(QuestionShape.of("Do you sell cigars?").availabilityVerb()).contains("sell");
        assertThat(QuestionShape.of("does the shop carry jam").availabilityVerb())
                .contains("carry");
        assertThat(QuestionShape.of("do you host weddings").availabilityVerb()).contains("host");
        assertThat(QuestionShape.of("do you take walk-ins?").availabilityVerb()).contains("take");
        assertThat(QuestionShape.of("do you accept credit cards").availabilityVerb())
                .contains("accept");
        assertThat(QuestionShape.of("what do you sell?").availabilityVerb()).isEmpty();
        assertThat(QuestionShape.of("will you sell my data?").availabilityVerb())
                .isEmpty();
    }

    @Test
    void theVerbOfWhetherVisitorsMayDoSomethingIsNamed() {
        assertThat(QuestionShape.of("can i bring my dog").permissionVerb()).contains("bring");
        assertThat(QuestionShape.of("Are kids allowed to swim?").permissionVerb())
                .isEmpty();
        assertThat(QuestionShape.of("are we allowed to smoke outside?").permissionVerb())
                .contains("smoke");
        assertThat(QuestionShape.of("how can I bring my dog?").permissionVerb())
                .as("a how-to question")
                .isEmpty();
        assertThat(QuestionShape.of("can kids come?").permissionVerb()).contains("come");
        assertThat(QuestionShape.of("can my dog come inside?").permissionVerb())
                .as("the subject as a visitor names it")
                .contains("come");
        assertThat(QuestionShape.of("can wine tastings come with food?").permissionVerb())
                .as("no visitor")
                .isEmpty();
    }

    @Test
    void aWholeQuestionStartsWithAQuestionWordOrAVerbAskingYesOrNo() {
        for (String whole : java.util.List.of(
                "is there parking?",
                "where do I park?",
                "¿hay estacionamiento?",
                "¿dónde están?",
                "avez-vous un parking ?")) {
            assertThat(QuestionParts.startsAQuestion(whole)).as(whole).isTrue();
        }
        for (String fragment :
                java.util.List.of("what about kids?", "on sunday?", "¿qué tal el domingo?", "the reserve one")) {
            assertThat(QuestionParts.startsAQuestion(fragment)).as(fragment).isFalse();
        }
    }
}

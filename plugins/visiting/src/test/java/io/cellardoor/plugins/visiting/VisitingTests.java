package io.cellardoor.plugins.visiting;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.Passage;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.plugin.api.testing.InMemoryPluginContext;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisitingTests {

    private static final String HOURS = """
            # When to Find Us

            The barn is open five days a week.

            ## Weekly Schedule

            - **Wednesday**: 1:00 PM - 5:30 PM
            - **Thursday & Sunday**: 11:00 AM - 6:00 PM
            - **Friday**: 11:00 AM - 8:00 PM
            - **Saturday**: 10:30 AM - 8:00 PM
            - **Monday & Tuesday**: Closed

            ## Good to Know

            - The last tasting reservation is accepted 90 minutes before closing.
            - Last call for the bar is 15 minutes before closing.
            """;

    private final VisitingPlugin plugin = new VisitingPlugin();
    private final InMemoryPluginContext knowledge = new InMemoryPluginContext()
            .add(
                    "visiting",
                    "visiting/directions.md",
                    "Finding the Barn",
                    "Take exit 12 and turn left at the old mill.")
            .add("visiting", "visiting/when.md", "When to Find Us", HOURS)
            .add(
                    "visiting",
                    "visiting/pets.md",
                    "Bringing Pets",
                    "Leashed dogs are welcome on the lawn. We are open to families.");

    private DirectAnswer answer(String question) {
        return plugin.handler()
                .handle(new UserQuery(question, "en"), knowledge)
                .directAnswer()
                .orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "are you open on Monday?",
                "latest tasting I can book on a saturday?",
                "my lyft driver wants to take me down a dirt road, is that right?",
                "can we bring our dog?",
                "what does the private tour include",
                "Salut ! Vous êtes ouverts le lundi ? Quels sont vos horaires ?",
                "¿Dónde están ubicados?",
                "¿Aceptan perros?",
                "¿Cuál es el horario? ¿Están abiertos el domingo?",
                "is there parking for a bus",
                "where is the winery?",
                "where is the vineyard?",
                "où se trouve le vignoble ?",
                "where exactly are you?",
                "what town are you in?",
                "do we need to reserve?",
                "can I reserve for saturday?",
                "¿a qué distancia están de nueva york?",
                "c'est loin de new york ?",
                "¿tienen estacionamiento?"
            })
    void classifierClaimsVisitingQuestions(String question) {
        assertThat(new VisitingQueryClassifier()
                        .classify(new UserQuery(question, "en"))
                        .score())
                .isGreaterThanOrEqualTo(0.4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"price of a tasting flight?", "whats the price for a tasting for two"})
    void aTastingsPriceScoresAboveTheShopsPricedItemShape(String question) {
        // the merchandise classifier gives "price of/for ..." 0.415 (item question and price)
        assertThat(new VisitingQueryClassifier()
                        .classify(new UserQuery(question, "en"))
                        .score())
                .isGreaterThan(0.45);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "price of the reserve cab franc?",
                "do you have a reserve chardonnay?",
                "what kind of soil are the vines planted in",
                "will my rewards expire?",
                "is the winery family owned"
            })
    void classifierLeavesOtherQuestionsBelowRoutingThreshold(String question) {
        assertThat(new VisitingQueryClassifier()
                        .classify(new UserQuery(question, "en"))
                        .score())
                .isLessThan(0.25);
    }

    @Test
    void whetherAVisitNeedsBookingIsAnsweredByTheLinesSayingItForEachKindOfVisit() {
        InMemoryPluginContext pages = new InMemoryPluginContext()
                .add("visiting", "visiting/booking.md", "Booking a Visit", """
                        # Booking a Visit
                        ## Policies
                        - Cancellations or changes should be made at least 24 hours in advance
                        ## Busy Times
                        - Weekend reservations should be made well in advance
                        """)
                .add("visiting", "visiting/tastings.md", "Tasting Experiences", """
                        # Tasting Experiences
                        ## Flight at the Bar
                        ### Details:
                        - Price: $20 per person
                        - Reservations: Recommended, walk-ins welcome when space allows
                        ## Cellar Tour
                        - Booking: Advance reservation required
                        """)
                .add("visiting", "visiting/stay.md", "Where to Stay", """
                        # Where to Stay
                        - Booking hotels well in advance is recommended
                        """);

        for (String question : List.of(
                "do I need a reservation?",
                "can we just walk in?",
                "are reservations required?",
                "¿hay que reservar?")) {
            assertThat(plugin.handler()
                            .handle(new UserQuery(question, "en"), pages)
                            .directAnswer()
                            .map(DirectAnswer::text))
                    .as(question)
                    .hasValue("- **Flight at the Bar**: Reservations: Recommended, walk-ins welcome when space allows\n"
                            + "- **Cellar Tour**: Booking: Advance reservation required\n"
                            + "- **Busy Times**: Weekend reservations should be made well in advance");
        }
        assertThat(plugin.handler()
                        .handle(new UserQuery("are walk-ins ok on the weekend?", "en"), pages)
                        .directAnswer()
                        .map(DirectAnswer::text))
                .as("the line naming the time asked about first")
                .hasValueSatisfying(text -> assertThat(text).startsWith("- **Busy Times**: Weekend reservations"));
        for (String other : List.of(
                "how do I make a reservation?",
                "how far in advance should we book?",
                "we're a group of 12, do we need to book?")) {
            assertThat(plugin.handler()
                            .handle(new UserQuery(other, "en"), pages)
                            .directAnswer())
                    .as(other)
                    .isEmpty();
        }
    }

    @Test
    void spanishAndFrenchWordsForChildrenAndBeingAllowedMapToThePagesWords() {
        assertThat(plugin.synonyms().get("hijos")).contains("children");
        assertThat(plugin.synonyms().get("acceptes")).contains("permitted", "allowed");
        assertThat(plugin.synonyms().get("admiten")).contains("permitted");
        assertThat(plugin.synonyms().get("free")).contains("complimentary");
        assertThat(plugin.synonyms().get("booking"))
                .as("the pages say reservations")
                .contains("reservation");
        assertThat(plugin.synonyms().get("refund"))
                .as("the pages state a cancellation policy")
                .contains("cancellation");
        assertThat(plugin.synonyms().get("guidees")).contains("guided");
        assertThat(plugin.synonyms().get("dure"))
                .as("\"combien de temps dure une dégustation ?\"")
                .contains("duration");
        assertThat(plugin.synonyms().get("ligne")).as("\"réserver en ligne\"").contains("online");
        assertThat(plugin.synonyms().get("today"))
                .as("\"can I book a tasting for today?\": the pages say same-day")
                .contains("same", "day");
        assertThat(plugin.synonyms().get("hoy")).contains("today", "same", "day");
        assertThat(plugin.synonyms().get("visites"))
                .as("\"proposez-vous des visites privées ?\": the pages say private tour")
                .contains("tour");
        assertThat(plugin.synonyms().get("privees")).contains("private");
        assertThat(plugin.synonyms().get("trouve")).as("\"où se trouve ...\"").contains("located");
        assertThat(plugin.synonyms().get("walkins"))
                .as("\"walk ins\" read as one word asks whether a reservation is needed")
                .contains("reservation");
        assertThat(plugin.synonyms().get("outside")).contains("outdoor", "patio");
    }

    @Test
    void answersThatAClosedDayIsClosedWithTheWeek() {
        DirectAnswer answer = answer("are you open on Monday?");

        assertThat(answer.text())
                .startsWith("No, we're closed on Mondays.")
                .contains("Thursday and Sunday 11:00 AM - 6:00 PM")
                .endsWith("Monday and Tuesday closed.");
        assertThat(answer.sourcePaths()).containsExactly("visiting/when.md");
        assertThat(answer.confidence()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void answersClosingTimeOfANamedDay() {
        assertThat(answer("what time do you close on saturday").text())
                .isEqualTo("On Saturday we're open from 10:30 AM to 8:00 PM.");
    }

    @Test
    void answersYesForAnOpenDay() {
        assertThat(answer("r u open wednesday?").text())
                .isEqualTo("Yes, we're open on Wednesday from 1:00 PM to 5:30 PM.");
    }

    @Test
    void addsTheLastReservationTimeWhenAskedForTheLatest() {
        assertThat(answer("whats the latest tasting reservation on a friday?").text())
                .isEqualTo("On Friday we're open from 11:00 AM to 8:00 PM. "
                        + "The last tasting reservation is 90 minutes before closing, so 6:30 PM on Friday.");
    }

    @Test
    void aLastCallIsReadFromThePageThatStatesOneThoughAnotherListsTheHoursFirst() {
        String contact = """
                # Contact Us
                - **Wednesday**: 1:00 PM - 5:30 PM
                - **Thursday & Sunday**: 11:00 AM - 6:00 PM
                - **Friday**: 11:00 AM - 8:00 PM
                - **Saturday**: 10:30 AM - 8:00 PM
                - **Monday & Tuesday**: Closed
                """;
        InMemoryPluginContext both = new InMemoryPluginContext()
                .add("visiting", "contact/contact.md", "Contact Us", contact)
                .add("visiting", "visiting/when.md", "When to Find Us", HOURS)
                .retrieved(List.of(
                        new Passage("contact/contact.md", "Contact Us", "visiting", "", contact, 0.03),
                        new Passage(
                                "visiting/when.md", "When to Find Us", "visiting", "Weekly Schedule", HOURS, 0.02)));

        DirectAnswer answer = plugin.handler()
                .handle(new UserQuery("what time is last call?", "en"), both)
                .directAnswer()
                .orElseThrow();

        assertThat(answer.text()).startsWith("The last call is 15 minutes before closing.");
        assertThat(answer.sourcePaths()).containsExactly("visiting/when.md");
        assertThat(plugin.handler()
                        .handle(new UserQuery("what time do you close on friday?", "en"), both)
                        .directAnswer()
                        .orElseThrow()
                        .sourcePaths())
                .as("the hours alone from the first page that lists them")
                .containsExactly("contact/contact.md");
    }

    @Test
    void givesTheLastCallTheQuestionNames() {
        assertThat(answer("when is last call at the bar on saturday?").text())
                .isEqualTo("On Saturday we're open from 10:30 AM to 8:00 PM. "
                        + "The last call is 15 minutes before closing, so 7:45 PM on Saturday.");
        assertThat(answer("what's the latest tasting on saturday?").text())
                .endsWith("The last tasting reservation is 90 minutes before closing, so 6:30 PM on Saturday.");
        assertThat(answer("how long before closing can I arrive on saturday?").text())
                .endsWith("The last tasting reservation is 90 minutes before closing, so 6:30 PM on Saturday.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "are you closed in January?",
                "are you open saturday october 18th?",
                "¿abren el sábado en diciembre?",
                "Êtes-vous ouverts en août ?"
            })
    void leavesAQuestionAboutADateToRetrieval(String question) {
        assertThat(plugin.handler()
                        .handle(new UserQuery(question, "en"), knowledge)
                        .directAnswer())
                .as("a weekly schedule does not say what happens on a date")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"when did the winery open?", "what year did you first open?", "when was it opened?"})
    void leavesAQuestionAboutWhenTheBusinessFirstOpenedToRetrieval(String question) {
        assertThat(plugin.handler()
                        .handle(new UserQuery(question, "en"), knowledge)
                        .directAnswer())
                .as("the weekly hours do not say when the business opened")
                .isEmpty();
    }

    @Test
    void answersFrenchQuestionsInEnglishWithTheWeeklyHours() {
        assertThat(answer("Bonjour, vous êtes ouverts le mardi ? Quels sont vos horaires ?")
                        .text())
                .isEqualTo("No, we're closed on Tuesdays. Our hours: Wednesday 1:00 PM - 5:30 PM; "
                        + "Thursday and Sunday 11:00 AM - 6:00 PM; Friday 11:00 AM - 8:00 PM; Saturday 10:30 AM - 8:00 PM; "
                        + "Monday and Tuesday closed.");
    }

    @Test
    void aFollowUpThatOnlyNamesADayAsksTheHoursAgainAndOneAskingSomethingElseDoesNot() {
        String earlier = "what are your hours on friday?";
        assertThat(plugin.handler()
                        .handle(new UserQuery("and sunday? " + earlier, "en", "and sunday?"), knowledge)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .startsWith("On Sunday we're open from 11:00 AM to 6:00 PM");
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery("do I need a reservation? " + earlier, "en", "do I need a reservation?"),
                                knowledge)
                        .directAnswer())
                .as("a follow-up about something else, though the turn before asked the hours")
                .isEmpty();
    }

    @Test
    void answersTheWholeWeekWhenNoDayIsNamed() {
        assertThat(answer("what are your hours?").text()).startsWith("Our hours: Wednesday 1:00 PM - 5:30 PM;");
    }

    @Test
    void fallsBackToRetrievalBoostingTheHoursPageWhenItCannotBeParsed() {
        InMemoryPluginContext prose = new InMemoryPluginContext()
                .add(
                        "visiting",
                        "visiting/hours.md",
                        "Hours",
                        "We are open most afternoons; call ahead, hours change with the season.");

        HandlerResult result = plugin.handler().handle(new UserQuery("are you open on Monday?", "en"), prose);

        assertThat(result.directAnswer()).isEmpty();
        assertThat(result.plan().boostPaths()).containsExactly("visiting/hours.md");
    }

    @Test
    void plansRetrievalForOtherVisitingQuestions() {
        HandlerResult result =
                plugin.handler().handle(new UserQuery("can we bring our dog? we'll come friday", "en"), knowledge);

        assertThat(result.directAnswer()).isEmpty();
        assertThat(result.plan().k()).isEqualTo(8);
        assertThat(knowledge.reads).isEmpty();
    }

    @Test
    void parsesRangesShortDayNamesAndUnqualifiedTimes() {
        WeeklySchedule schedule = WeeklySchedule.parse("Mon-Thu: 12-5pm\nFri & Sat - noon to 9 p.m.\nSunday: Closed\n"
                + "Last seating is one hour before closing.");

        assertThat(schedule.hours()).hasSize(7);
        assertThat(schedule.hours().get(DayOfWeek.TUESDAY))
                .contains(new WeeklySchedule.Opening(LocalTime.NOON, LocalTime.of(17, 0)));
        assertThat(schedule.hours().get(DayOfWeek.SATURDAY))
                .contains(new WeeklySchedule.Opening(LocalTime.NOON, LocalTime.of(21, 0)));
        assertThat(schedule.hours().get(DayOfWeek.SUNDAY)).isEqualTo(Optional.empty());
        assertThat(schedule.lastCall()).contains(new WeeklySchedule.LastCall("seating", 60));
    }

    @Test
    void infersMorningOpeningFromAnAfternoonClosing() {
        WeeklySchedule schedule = WeeklySchedule.parse("- Wednesday: 11-5pm");

        assertThat(schedule.hours().get(DayOfWeek.WEDNESDAY))
                .contains(new WeeklySchedule.Opening(LocalTime.of(11, 0), LocalTime.of(17, 0)));
    }

    private static final String EXPERIENCES = """
            # Ways to Taste

            ## Porch Tasting

            Five wines on the porch.

            ### Details:
            - **Duration**: One hour
            - **Starting Price**: $30 per person

            ## Barrel Room Tour & Tasting

            A walk through the cellar.

            ### Details:
            - **Starting Price**: $120 per person

            ## Large Party Booking

            - **Minimum**: $400 food and drink minimum per party

            ## Good to Know

            - Members taste free.
            """;

    private InMemoryPluginContext tastings() {
        return new InMemoryPluginContext()
                .add("visiting", "visiting/ways.md", "Ways to Taste", EXPERIENCES)
                .add("visiting", "tasting/staff.md", "Staff Tasting", "# Staff Tasting\n- **Price**: $10.00\n")
                .add("visiting", "tasting/porch.md", "Porch Tasting", "# Porch Tasting\n- **Price**: $30.00\n")
                // what the host's retrieval finds for a question on tastings, in any language
                .retrieve("tasting price tour party", 6);
    }

    private Optional<String> priced(String question, String language) {
        return plugin.handler()
                .handle(new UserQuery(question, language), tastings())
                .directAnswer()
                .map(DirectAnswer::text);
    }

    @Test
    void answersWhatAKindOfVisitCostsFromThePageThatPricesTheOfferings() {
        assertThat(priced("how much is a tasting?", "en"))
                .contains("**Ways to Taste**\n- **Porch Tasting**: Starting Price $30 per person"
                        + "\n- **Barrel Room Tour & Tasting**: Starting Price $120 per person");
        assertThat(priced("what does a tour cost?", "en"))
                .contains("**Ways to Taste**\n- **Barrel Room Tour & Tasting**: Starting Price $120 per person");
        assertThat(priced("what would a large party pay for a tasting?", "en"))
                .as("'pay for' asks a price")
                .contains(
                        "**Ways to Taste**\n- **Large Party Booking**: Minimum $400 food and drink minimum per party");
        assertThat(priced("is there a charge for a tasting?", "en"))
                .contains("**Ways to Taste**\n- **Porch Tasting**: Starting Price $30 per person"
                        + "\n- **Barrel Room Tour & Tasting**: Starting Price $120 per person");
        assertThat(priced("what is a tasting like?", "en"))
                .as("no price word: not a price question")
                .isEmpty();
        assertThat(priced("what is the price of a tasting for a large party?", "en"))
                .contains(
                        "**Ways to Taste**\n- **Large Party Booking**: Minimum $400 food and drink minimum per party");
        assertThat(priced("combien coûte une dégustation ?", "fr"))
                .as("the vocabulary's tasting for dégustation picks the tastings")
                .hasValueSatisfying(text -> assertThat(text)
                        .contains("Porch Tasting", "Barrel Room Tour & Tasting")
                        .doesNotContain("Large Party Booking"));
    }

    @Test
    void theCheapestOrDearestVisitIsNamedBeforeThePrices() {
        assertThat(priced("which tasting is the cheapest?", "en"))
                .hasValueSatisfying(text -> assertThat(text)
                        .contains("The Porch Tasting is the least expensive, at $30 per person.\n"
                                + "- **Porch Tasting**: Starting Price $30 per person"));
        assertThat(priced("what's the most expensive tasting?", "en"))
                .hasValueSatisfying(text -> assertThat(text)
                        .contains("The Barrel Room Tour & Tasting is the most expensive, at $120 per person.\n"));
        assertThat(priced("how much is a tasting?", "en"))
                .hasValueSatisfying(text -> assertThat(text).doesNotContain("expensive,"));
    }

    @Test
    void aCheaperOptionAfterATastingComparesTheVisits() {
        UserQuery followUp = new UserQuery(
                "is there a cheaper option? how much is the barrel room tour?", "en", "is there a cheaper option?");
        assertThat(plugin.handler().handle(followUp, tastings()).directAnswer().map(DirectAnswer::text))
                .hasValueSatisfying(text ->
                        assertThat(text).contains("The Porch Tasting is the least expensive, at $30 per person."));
        assertThat(plugin.handler()
                        .handle(new UserQuery("is there a cheaper option?", "en"), tastings())
                        .directAnswer())
                .as("no visit named in the conversation")
                .isEmpty();
    }

    @Test
    void whatTheyCostAfterTheVisitsWereAskedAboutPricesEachVisit() {
        UserQuery followUp =
                new UserQuery("how much are they? what tastings do you offer?", "en", "how much are they?");
        assertThat(plugin.handler().handle(followUp, tastings()).directAnswer().map(DirectAnswer::text))
                .hasValueSatisfying(text -> assertThat(text).contains("Porch Tasting", "Barrel Room Tour & Tasting"));
        assertThat(plugin.handler()
                        .handle(new UserQuery("how much are they?", "en"), tastings())
                        .directAnswer())
                .as("no visit named in the conversation")
                .isEmpty();
    }

    @Test
    void findsThePagePricingTheVisitsByItsTitleWhenTheSearchMissedIt() {
        InMemoryPluginContext missed = new InMemoryPluginContext()
                .add("visiting", "visiting/experiences.md", "Tasting Experiences", EXPERIENCES)
                .add("visiting", "tasting/staff.md", "Staff Tasting", "# Staff Tasting\n- **Price**: $10.00\n")
                .add("visiting", "visiting/hours.md", "Hours", "# Hours\n- Sunday: 12-5 PM\n")
                .retrieve("hours sunday", 1);
        assertThat(plugin.handler()
                        .handle(new UserQuery("¿cuánto cuesta la degustación?", "es"), missed)
                        .directAnswer()
                        .map(DirectAnswer::text))
                .hasValueSatisfying(text -> assertThat(text)
                        .startsWith("**Tasting Experiences**")
                        .contains("Porch Tasting", "Barrel Room Tour & Tasting"));
    }

    @Test
    void leavesAQuestionNamingOnePricedItemToItsPage() {
        assertThat(priced("how much is the staff tasting?", "en")).isEmpty();
        InMemoryPluginContext unpriced = new InMemoryPluginContext()
                .add("visiting", "visiting/ways.md", "Ways to Taste", EXPERIENCES)
                .add(
                        "visiting",
                        "tasting/industry.md",
                        "Industry Tasting",
                        "# Industry Tasting\n- **Price**: Price unavailable\n")
                .retrieve("tasting price", 6);
        assertThat(plugin.handler()
                        .handle(new UserQuery("how much is the industry tasting?", "en"), unpriced)
                        .directAnswer())
                .as("an item whose page gives no amount is still the item named")
                .isEmpty();
    }

    @Test
    void readsOnlyPagesPricingTwoOfferingsOrMore() {
        assertThat(OfferingPrices.read("# Staff Tasting\n- **Price**: $10.00\n"))
                .isEmpty();
        assertThat(OfferingPrices.read(EXPERIENCES))
                .extracting(OfferingPrices.Offering::name)
                .containsExactly("Porch Tasting", "Barrel Room Tour & Tasting", "Large Party Booking");
    }

    private static final String FINDING_US = """
            # Finding the Barn

            ## Our Address

            Hollow Barn Winery
            12 Mill Lane
            Rhinecliff, NY 12574

            ## Nearby

            - **The Mill Inn**: Address: 4 River Road, Rhinecliff, NY 12574
            """;

    private Optional<String> whereAnswer(String question) {
        InMemoryPluginContext pages = new InMemoryPluginContext()
                .add("visiting", "visiting/finding.md", "Finding the Barn", FINDING_US)
                .add("visiting", "visiting/when.md", "When to Find Us", HOURS)
                .retrieve("winery barn", 4);
        return plugin.handler()
                .handle(new UserQuery(question, "en"), pages)
                .directAnswer()
                .map(DirectAnswer::text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "where is the winery?",
                "where is the vineyard?",
                "wheres the tasting room",
                "what town are you in?",
                "¿dónde están?",
                "¿dónde está la bodega?",
                "où se trouve le vignoble ?",
                "wheres ur winery at"
            })
    void answersWhereTheOrgIsFromItsAddressSection(String question) {
        assertThat(whereAnswer(question))
                .contains(
                        "**Finding the Barn**\n- Our Address: Hollow Barn Winery, 12 Mill Lane, Rhinecliff, NY 12574");
    }

    @Test
    void leavesTheAddressOfAnotherPlaceToTheGenericPath() {
        assertThat(whereAnswer("where is the inn nearby?")).isEmpty();
        assertThat(whereAnswer("what's your address?"))
                .as("the address itself is quoted by the generic path with the lines around it")
                .isEmpty();
        assertThat(whereAnswer("where are you located?")).isEmpty();
        assertThat(whereAnswer("where is the vineyard's wine grown?"))
                .as("an origin")
                .isEmpty();
        assertThat(OwnAddress.read(HOURS)).isEmpty();
    }

    /** Saturday, December 5, 2026, 23:30 UTC: 6:30 PM that Saturday in New York. */
    private static final Instant SATURDAY_EVENING = Instant.parse("2026-12-05T23:30:00Z");

    private String at(Instant instant, String question, InMemoryPluginContext context) {
        return new VisitingHandler(Clock.fixed(instant, ZoneOffset.UTC))
                .handle(new UserQuery(question, "en"), context)
                .directAnswer()
                .orElseThrow()
                .text();
    }

    @Test
    void answersTodayAndTomorrowForTheirWeekdayAndDate() {
        assertThat(at(SATURDAY_EVENING, "are you open tomorrow?", knowledge))
                .isEqualTo("Yes, we're open tomorrow (Sunday, December 6) from 11:00 AM to 6:00 PM.");
        assertThat(at(SATURDAY_EVENING, "what time do you close today?", knowledge))
                .isEqualTo("Today (Saturday, December 5) we're open from 10:30 AM to 8:00 PM.");
        assertThat(at(SATURDAY_EVENING, "when do you close today?", knowledge))
                .as("\"close today\" is no \"close to\"")
                .isEqualTo("Today (Saturday, December 5) we're open from 10:30 AM to 8:00 PM.");
        assertThat(at(Instant.parse("2026-12-07T15:00:00Z"), "¿están abiertos hoy?", knowledge))
                .isEqualTo("No, we're closed today (Monday, December 7). "
                        + "We're next open on Wednesday, December 9, from 1:00 PM to 5:30 PM.");
        assertThat(at(SATURDAY_EVENING, "what's the latest tasting reservation today?", knowledge))
                .isEqualTo("Today (Saturday, December 5) we're open from 10:30 AM to 8:00 PM. "
                        + "The last tasting reservation is 90 minutes before closing, so 6:30 PM on Saturday.");
    }

    @Test
    void rightNowIsReadInTheOrgsTimeZone() {
        // 23:30 UTC is past Saturday's closing at the server, 6:30 PM in the org's zone
        assertThat(at(SATURDAY_EVENING, "are you open right now?", knowledge))
                .isEqualTo("No, we're closed now: today (Saturday, December 5) we were open until 8:00 PM. "
                        + "We're next open on Sunday, December 6, from 11:00 AM to 6:00 PM.");
        InMemoryPluginContext newYork = knowledge.setting(VisitingHandler.TIME_ZONE, "America/New_York");
        assertThat(at(SATURDAY_EVENING, "are you open right now?", newYork))
                .isEqualTo("Yes, we're open now, until 8:00 PM today (Saturday, December 5).");
        assertThat(at(Instant.parse("2026-12-05T14:00:00Z"), "r u guys open now", newYork))
                .isEqualTo("Not yet: today (Saturday, December 5) we open at 10:30 AM and close at 8:00 PM.");
        assertThat(plugin.configProperties()).extracting(c -> c.key()).containsExactly(VisitingHandler.TIME_ZONE);
    }

    @Test
    void aTimeZoneThatIsNotOneFallsBackToTheClocksZone() {
        InMemoryPluginContext wrong = knowledge.setting(VisitingHandler.TIME_ZONE, "Hudson Valley");
        assertThat(at(SATURDAY_EVENING, "are you open tomorrow?", wrong)).contains("tomorrow (Sunday, December 6)");
    }

    @Test
    void aFollowUpNamingTomorrowAsksTheHoursOfTheDayAfter() {
        String earlier = "are you open today?";
        assertThat(new VisitingHandler(Clock.fixed(SATURDAY_EVENING, ZoneOffset.UTC))
                        .handle(new UserQuery("and tomorrow? " + earlier, "en", "and tomorrow?"), knowledge)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .isEqualTo("Yes, we're open tomorrow (Sunday, December 6) from 11:00 AM to 6:00 PM.");
    }

    @Test
    void addsTheHoursPagesClosureLinesNamingTheMonthOfTheDayAsked() {
        InMemoryPluginContext winter = new InMemoryPluginContext()
                .add(
                        "visiting",
                        "visiting/when.md",
                        "When to Find Us",
                        HOURS + "- Closed the first two weeks of January.\n");
        String january = at(Instant.parse("2027-01-02T15:00:00Z"), "are you open today?", winter);
        assertThat(january)
                .isEqualTo("Yes, we're open today (Saturday, January 2) from 10:30 AM to 8:00 PM. "
                        + "Note: Closed the first two weeks of January.");
        assertThat(at(SATURDAY_EVENING, "are you open today?", winter)).doesNotContain("Note");
        assertThat(VisitingHandler.closureNotes("- January brings our ice wine release.", LocalDate.of(2027, 1, 2)))
                .as("a line naming the month without a closure")
                .isEmpty();
    }

    @Test
    void aSeasonGetsTheWeeklyHoursAndTheClosureLinesNamingIt() {
        InMemoryPluginContext breaks = new InMemoryPluginContext()
                .add(
                        "visiting",
                        "visiting/when.md",
                        "When to Find Us",
                        HOURS + "## Closures\n- Closed the first two weeks of January for our winter break\n"
                                + "- Closed on major holidays\n"
                                + "- Last call is 30 minutes before closing\n");
        String weekly = at(SATURDAY_EVENING, "what are your hours?", breaks);

        for (String asked : List.of("are you open in the winter?", "¿abren en invierno?")) {
            assertThat(at(SATURDAY_EVENING, asked, breaks))
                    .as(asked)
                    .startsWith(weekly.substring(0, weekly.length() - 1))
                    .endsWith(" Note: Closed the first two weeks of January for our winter break.");
        }
        assertThat(at(SATURDAY_EVENING, "are you open in the summer?", breaks)).isEqualTo(weekly);
        assertThat(at(SATURDAY_EVENING, "are you open year round?", breaks))
                .endsWith(" Note: Closed the first two weeks of January for our winter break. Note: Closed on major"
                        + " holidays.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what do you do in the morning? ¿abren por la mañana?",
                "are you open on Monday?",
                "does it snow a lot in winter, are you still open?"
            })
    void mananaAfterAnArticleIsTheMorningAndNeitherADayNamedNorStillOpenIsRelative(String question) {
        assertThat(HoursQuestion.of(new UserQuery(question, "es")).orElseThrow().relative())
                .isEmpty();
    }

    @Test
    void aHappyHourIsNotTheOpeningHours() {
        assertThat(HoursQuestion.of(new UserQuery("do you have a happy hour?", "en")))
                .isEmpty();
        assertThat(HoursQuestion.of(new UserQuery("what time is check-in at the house?", "en")))
                .as("a stay's check-in time is no opening time")
                .isEmpty();
    }

    private final InMemoryPluginContext ages = new InMemoryPluginContext()
            .add("general", "policies/terms.md", "Terms", """
                    # Terms
                    - Age verification: you must be 21+ to purchase alcoholic beverages
                    - You must be 21+ to purchase alcohol
                    - Must be 21+ to post on our social media
                    """)
            .add("visiting", "visiting/visit.md", "Your Visit", """
                    # Your Visit
                    - Children: Welcome on the lawn, but must be supervised at all times
                    - Parking: Free
                    """);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "how old do you have to be to do a tasting?",
                "how old does my son have to be to come along?",
                "can my 18 year old come to the tasting?",
                "do you allow minors?",
                "do I need to bring ID?",
                "¿cuál es la edad mínima?",
                "quel âge faut-il avoir pour une dégustation ?"
            })
    void answersHowOldAVisitorMustBeFromTheRulesOfAnyPage(String question) {
        DirectAnswer answer = ageRulesAnswer(question);

        assertThat(answer.text())
                .isEqualTo("- **Terms**: Age verification: you must be 21+ to purchase alcoholic beverages\n"
                        + "- **Your Visit**: Children: Welcome on the lawn, but must be supervised at all times");
        assertThat(answer.sourcePaths()).containsExactly("policies/terms.md", "visiting/visit.md");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "are babies allowed?",
                "can I bring my kids?",
                "is the winery kid friendly?",
                "are children welcome at tastings?",
                "¿se permiten niños?",
                "les enfants sont-ils admis ?"
            })
    void answersWhetherChildrenMayComeWithTheirLineFirst(String question) {
        assertThat(ageRulesAnswer(question).text())
                .isEqualTo("- **Your Visit**: Children: Welcome on the lawn, but must be supervised at all times\n"
                        + "- **Terms**: Age verification: you must be 21+ to purchase alcoholic beverages");
    }

    /**
     * The direct answer to a question on the visitors' age rules, asserting the visiting classifier claims it; the host
     * retrieved the visiting page's passages for the turn, the policies page is searched for.
     */
    private DirectAnswer ageRulesAnswer(String question) {
        assertThat(new VisitingQueryClassifier()
                        .classify(new UserQuery(question, "en"))
                        .score())
                .isGreaterThanOrEqualTo(0.5);
        return plugin.handler()
                .handle(new UserQuery(question, "en"), ages.retrieved(ages.search("visiting", "children", 2)))
                .directAnswer()
                .orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "do you have a kids menu?",
                "any things to do for kids nearby?",
                "is there a baby changing table?"
            })
    void otherQuestionsAboutChildrenAskNoRule(String question) {
        assertThat(AgeRules.asked(new UserQuery(question, "en"))).isFalse();
    }

    @Test
    void aFollowUpAsksAboutChildrenOnlyWhenItsOwnWordsNameThem() {
        assertThat(AgeRules.aboutChildren(
                        new UserQuery("what about kids? are dogs allowed?", "en", "what about kids?")))
                .isTrue();
        assertThat(AgeRules.asked(new UserQuery(
                        "and is there parking? what about kids? are dogs allowed?", "en", "and is there parking?")))
                .as("another topic, whatever the carried words asked")
                .isFalse();
        assertThat(AgeRules.asked(new UserQuery("and a 19 year old? can kids come?", "en", "and a 19 year old?")))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "how old is the winery?",
                "how old are the vines?",
                "how long do you age your wines?",
                "is the old fashioned good?"
            })
    void questionsAboutTheAgeOfThingsAreNotAboutVisitors(String question) {
        assertThat(AgeRules.asked(new UserQuery(question, "en"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "can I cancel my tasting?",
                "can I get a refund if I cancel my tasting",
                "i need to reschedule our visit",
                "how late can I arrive for my reservation?",
                "will you hold our table if we're late?",
                "what happens if we don’t show up?"
            })
    void aQuestionAboutChangingOnesOwnBookingLeadsWithTheReservationPage(String question) {
        InMemoryPluginContext pages = new InMemoryPluginContext()
                .add("visiting", "visiting/when.md", "When to Find Us", HOURS)
                .add("visiting", "visiting/tastings.md", "Seated Tasting", "A seated tasting of five wines, $30.")
                .add(
                        "visiting",
                        "visiting/booking.md",
                        "Making a Reservation",
                        "## Cancellations\n- Cancel at least 48 hours ahead.\n## Arrival\n- We hold tables for 10 minutes.");
        UserQuery query = new UserQuery(question, "en");

        HandlerResult result = plugin.handler().handle(query, pages);

        assertThat(result.directAnswer()).isEmpty();
        assertThat(result.plan().boostPaths()).containsExactly("visiting/booking.md");
        assertThat(new VisitingQueryClassifier().classify(query).score()).isGreaterThanOrEqualTo(0.4);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "how late are you open on saturday?",
                "can I book a tasting for my birthday?",
                "does the tasting menu change with the seasons?",
                "how do I cancel my club membership?"
            })
    void otherQuestionsAreNotAboutChangingABooking(String question) {
        assertThat(BookingChanges.asked(new UserQuery(question, "en"))).isFalse();
    }
}

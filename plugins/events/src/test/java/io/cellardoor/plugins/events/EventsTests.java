package io.cellardoor.plugins.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.plugin.api.testing.InMemoryPluginContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventsTests {

    private final EventsPlugin plugin = new EventsPlugin();
    private final InMemoryPluginContext knowledge = new InMemoryPluginContext()
            .add("events", "events/calendar.md", "What's On", """
                    # What's On
                    ## Lantern Supper - March 8
                    Chef Ada Park cooks five courses. $140 per guest.
                    ## Autumn Members Picnic
                    Free for members, $30 per guest.
                    """)
            .add("events", "events/jazz.md", "Jazz on the Lawn", "# Jazz on the Lawn\nEvery Thursday in July.")
            .add(
                    "events",
                    "weddings/weddings.md",
                    "Celebrations",
                    "# Celebrations\nCeremonies on the hill; the barn if it rains.");

    private static double score(String question) {
        return new EventsQueryClassifier()
                .classify(new UserQuery(question, "en"))
                .score();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what does a wedding here cost?",
                "when is the guest chef dinner and who's cooking?",
                "my sister isn't a member - can she join me at the summer club party, and what's the price?",
                "What happens if it pours during our ceremony?",
                "any live music this weekend?"
            })
    void classifierClaimsEventQuestions(String question) {
        assertThat(score(question)).isGreaterThanOrEqualTo(0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"will my rewards expire?", "are you open on monday", "whats on the halloumi"})
    void classifierIgnoresOtherDomainsQuestions(String question) {
        assertThat(score(question)).isLessThan(0.25);
    }

    @Test
    void boostsThePageWhoseHeadingNamesTheEvent() {
        HandlerResult result =
                plugin.handler().handle(new UserQuery("when is the lantern supper and whos cooking?", "en"), knowledge);

        assertThat(result.plan().boostPaths()).containsExactly("events/calendar.md");
        assertThat(result.promptContributions()).anyMatch(p -> p.contains("who hosts, cooks"));
    }

    @Test
    void aTicketPriceQuestionAlsoBoostsTheShopPageNamedAfterTheEvent() {
        InMemoryPluginContext withShop = new InMemoryPluginContext()
                .add(
                        "events",
                        "events/calendar.md",
                        "What's On",
                        "# What's On\n## Lantern Supper - March 8\nFive courses.")
                .add("merchandise", "shop/lantern-supper.md", "Lantern Supper", "# Lantern Supper\n- Price: $140.00")
                .add("merchandise", "shop/lantern.md", "Garden Lantern", "# Garden Lantern\n- Price: $25.00");

        HandlerResult priced = plugin.handler()
                .handle(
                        new UserQuery("lantern supper tickets, how much?", "en"),
                        withShop.retrieve("lantern supper tickets, how much?", 8));
        assertThat(priced.plan().boostPaths())
                .contains("events/calendar.md", "shop/lantern-supper.md")
                .doesNotContain("shop/lantern.md");

        HandlerResult when = plugin.handler()
                .handle(
                        new UserQuery("when is the lantern supper?", "en"),
                        withShop.retrieve("when is the lantern supper?", 8));
        assertThat(when.plan().boostPaths()).doesNotContain("shop/lantern-supper.md");
    }

    @Test
    void boostsTheWeddingPagesForWeddingQuestions() {
        HandlerResult result =
                plugin.handler().handle(new UserQuery("what if it rains while we say our vows?", "en"), knowledge);

        assertThat(result.plan().boostPaths()).contains("weddings/weddings.md").doesNotContain("events/jazz.md");
        assertThat(result.promptContributions()).anyMatch(p -> p.contains("rain or weather plan"));
    }

    @Test
    void asksForGuestPricesWhenAGuestIsNotAMember() {
        HandlerResult result = plugin.handler()
                .handle(
                        new UserQuery("my friend isn't a member - can she come to the autumn picnic?", "en"),
                        knowledge);

        assertThat(result.plan().boostPaths()).containsExactly("events/calendar.md");
        assertThat(result.promptContributions()).anyMatch(p -> p.contains("member and guest prices"));
    }

    private static final String CALENDAR = """
            # Upcoming Events

            ## Jazz Fridays

            - **Dates**: Every Friday from June 4 to August 27, 2027
            - **Price**: Free

            ## Harvest Festival

            - **Date**: Saturday, September 25, 2027
            - **Price**: $30

            ## Lantern Supper - March 6th, 2027

            Five courses by the fire.

            ### 2026 Spring Club Party

            Members free.

            ## Private Events

            Book the barn for up to 80 guests.
            """;

    private final InMemoryPluginContext dated = new InMemoryPluginContext()
            .add("events", "events/calendar.md", "Upcoming Events", CALENDAR)
            .add("events", "weddings/weddings.md", "Weddings", "# Weddings\n## Saturday, June 5, 2027\nBooked.");

    /** The direct answer's text on a day at noon UTC, if the handler gives one. */
    private Optional<String> direct(String day, String question) {
        Clock clock = Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneOffset.UTC);
        return new EventsHandler(clock)
                .handle(new UserQuery(question, "en"), dated)
                .directAnswer()
                .map(DirectAnswer::text);
    }

    private String on(String day, String question) {
        return direct(day, question).orElseThrow();
    }

    @Test
    void readsTheDatedSectionsOfAnEventsPageAsEvents() {
        EventCalendar calendar = EventCalendar.read("events/calendar.md", CALENDAR);

        assertThat(calendar.events())
                .extracting(EventCalendar.Event::line)
                .containsExactly(
                        "Jazz Fridays (Every Friday from June 4 to August 27, 2027)",
                        "Harvest Festival (Saturday, September 25, 2027)",
                        "Lantern Supper (March 6th, 2027)",
                        "2026 Spring Club Party");
        assertThat(calendar.events().get(0).first()).isEqualTo(LocalDate.of(2027, 6, 4));
        assertThat(calendar.events().get(0).last()).isEqualTo(LocalDate.of(2027, 8, 27));
        assertThat(calendar.events().get(3).last()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void listsTheEventsThatHaveNotEndedInDateOrder() {
        assertThat(on("2027-03-01", "what events do you have coming up?"))
                .isEqualTo("Coming up:\n- Lantern Supper (March 6th, 2027)\n"
                        + "- Jazz Fridays (Every Friday from June 4 to August 27, 2027)\n"
                        + "- Harvest Festival (Saturday, September 25, 2027)");
        assertThat(on("2027-07-10", "any upcoming events?"))
                .as("a series running today is on")
                .startsWith("Coming up:\n- Jazz Fridays");
    }

    @Test
    void answersForTheTimeAskedAbout() {
        assertThat(on("2027-09-22", "any events this weekend?"))
                .isEqualTo("Listed for this weekend (September 25 to 26):\n"
                        + "- Harvest Festival (Saturday, September 25, 2027)");
        assertThat(on("2027-09-22", "¿hay eventos este fin de semana?")).startsWith("Listed for this weekend");
        assertThat(on("2027-02-10", "is there anything happening in march?"))
                .isEqualTo("Listed for March (March 1 to 31):\n- Lantern Supper (March 6th, 2027)");
        assertThat(on("2027-04-10", "what's on next weekend?"))
                .isEqualTo("No events are listed for next weekend (April 17 to 18). Coming up next:\n"
                        + "- Jazz Fridays (Every Friday from June 4 to August 27, 2027)\n"
                        + "- Harvest Festival (Saturday, September 25, 2027)");
    }

    @Test
    void neverPresentsAPastEventAsUpcoming() {
        assertThat(on("2027-12-05", "what's coming up?"))
                .isEqualTo("No upcoming events are listed right now. The last ones listed were:\n"
                        + "- Jazz Fridays (Every Friday from June 4 to August 27, 2027)\n"
                        + "- Harvest Festival (Saturday, September 25, 2027)\n"
                        + "- Lantern Supper (March 6th, 2027)\n"
                        + "- 2026 Spring Club Party");
        assertThat(on("2027-12-05", "anything happening tonight?"))
                .startsWith("No events are listed for today (December 5), nor any later.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "when is the harvest festival this year?",
                "can we book a private event this weekend?",
                "how much are tickets for events this weekend?",
                "what does a wedding here cost?"
            })
    void leavesQuestionsAboutOneEventOrBookingToRetrieval(String question) {
        assertThat(direct("2027-09-22", question)).isEmpty();
    }

    @Test
    void pagesThatDateNoEventLeaveWhatsOnToRetrieval() {
        assertThat(plugin.handler()
                        .handle(new UserQuery("what events are coming up?", "en"), knowledge)
                        .directAnswer())
                .as("\"March 8\" without a year, an undated picnic: nothing to tell past from upcoming")
                .isEmpty();
    }

    @Test
    void askingWhenANamedEventIsWhenItHasPassedSaysNoneIsListedAhead() {
        assertThat(on("2027-12-05", "when is the next harvest festival?"))
                .isEqualTo("No upcoming date is listed for it. The last listed:\n"
                        + "- Harvest Festival (Saturday, September 25, 2027)");
        assertThat(on("2027-01-10", "¿cuándo es la próxima spring club party?"))
                .startsWith("No upcoming date is listed for it.")
                .contains("2026 Spring Club Party");
        assertThat(direct("2027-09-01", "when is the next harvest festival?"))
                .as("still ahead: the page's section answers, with its details")
                .isEmpty();
        assertThat(direct("2027-12-05", "when is the harvest festival?"))
                .as("when it was: its section says, with the details a follow-up needs")
                .isEmpty();
    }
}

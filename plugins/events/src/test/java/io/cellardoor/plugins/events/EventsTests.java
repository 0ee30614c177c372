package io.cellardoor.plugins.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.plugin.api.testing.InMemoryPluginContext;
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
}

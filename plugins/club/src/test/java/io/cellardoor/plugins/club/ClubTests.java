package io.cellardoor.plugins.club;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.Passage;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.plugin.api.testing.InMemoryPluginContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClubTests {

    private final ClubPlugin plugin = new ClubPlugin();
    private final InMemoryPluginContext knowledge = new InMemoryPluginContext()
            .add("club", "wine club/club.md", "The Cellar Circle", """
                    # The Cellar Circle
                    ## Overview
                    Members receive wine four times a year.
                    ## Tiers > Harvest Moon
                    Four bottles per shipment, $95 per shipment.
                    ## Tiers > Golden Hour
                    Twelve bottles per shipment, $260 per shipment.
                    """)
            .add("club", "loyalty/stars.md", "Vine Stars Rewards", """
                    # Vine Stars Rewards
                    ## Earning
                    Earn one star per dollar. Stars expire after two years.
                    """);

    private static double score(String question) {
        return new ClubQueryClassifier().classify(new UserQuery(question, "en")).score();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "golden hour membership - how many bottles and what does each shipment cost?",
                "do reward points expire?",
                "my sister joined the club because i referred her, what do i get?",
                "Can I use my miles for a night at the lake house?",
                "how do I put my wine club membership on hold?",
                "¿qué tipos de membresía tienen?"
            })
    void classifierClaimsClubQuestions(String question) {
        assertThat(score(question)).isGreaterThanOrEqualTo(0.5);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "can she come to the autumn club party with me?",
                "how many miles from nyc are you?",
                "what does the reserve cab franc cost?",
                "is the 10 point gin award winning?"
            })
    void classifierStaysWeakOnOtherDomainsQuestions(String question) {
        assertThat(score(question)).isLessThan(0.4);
    }

    @Test
    void boostsTheSectionOfTheNamedTierAndAsksForBottlesAndPrice() {
        HandlerResult result = plugin.handler()
                .handle(
                        new UserQuery("golden hour membership - how many bottles and how much per shipment?", "en"),
                        knowledge);

        assertThat(result.plan().boostPaths()).containsExactly("wine club/club.md");
        assertThat(result.plan().k()).isEqualTo(8);
        assertThat(result.promptContributions()).anyMatch(p -> p.contains("bottles per shipment"));
        assertThat(result.directAnswer()).isEmpty();
    }

    @Test
    void findsTheSectionInTheTurnsPassagesWithoutSearchingAgainWhenEnoughAreTheClubs() {
        String question = "golden hour membership - how many bottles and how much per shipment?";
        knowledge.retrieved(List.of(
                new Passage(
                        "wine club/club.md", "The Cellar Circle", "club", "Overview", "Members receive wine.", 0.04),
                new Passage("loyalty/stars.md", "Vine Stars Rewards", "club", "Earning", "One star per dollar.", 0.03),
                new Passage("wine club/club.md", "The Cellar Circle", "club", "Tiers > Golden Hour", "Twelve.", 0.02),
                new Passage("wine club/club.md", "The Cellar Circle", "club", "Tiers > Harvest Moon", "Four.", 0.01)));

        HandlerResult result = plugin.handler().handle(new UserQuery(question, "en"), knowledge);

        assertThat(result.plan().boostPaths()).containsExactly("wine club/club.md");
        assertThat(knowledge.searches).isEmpty();
    }

    @Test
    void searchesTheDomainWhenTheTurnsPassagesHoldTooFewOfTheClubs() {
        HandlerResult result =
                plugin.handler().handle(new UserQuery("golden hour membership - how many bottles?", "en"), knowledge);

        assertThat(result.plan().boostPaths()).containsExactly("wine club/club.md");
        assertThat(knowledge.searches).hasSize(1);
    }

    @Test
    void aQuestionAboutWhatPointsBuyGetsEachRewardWithItsPoints() {
        // the last table as a document's plain text keeps it, without the outer bars
        InMemoryPluginContext loyalty =
                new InMemoryPluginContext().add("club", "loyalty/stars.md", "Vine Stars Rewards", """
                # Vine Stars Rewards
                ## Ways to Earn
                | Activity | Points |
                |---|---|
                | Referral | 20 points |
                ## Redemption Options
                ### Merchandise Rewards
                | Reward | Points Required |
                |--------|----------------|
                | Tote Bag | 500 points |
                ### Experience Rewards
                Experience | Points Required
                **Cellar Tour** | 8,000 points per guest
                """);

        for (String question : List.of(
                "what can I redeem my points for?",
                "what rewards are there?",
                "what can I get with my points?",
                "¿qué puedo canjear con mis puntos?")) {
            assertThat(plugin.handler()
                            .handle(new UserQuery(question, "en"), loyalty)
                            .directAnswer()
                            .map(DirectAnswer::text))
                    .as(question)
                    .hasValue("What points can be redeemed for (Vine Stars Rewards):\n"
                            + "- Merchandise Rewards: Tote Bag (500 points)\n"
                            + "- Experience Rewards: Cellar Tour (8,000 points per guest)");
        }
        assertThat(plugin.handler()
                        .handle(new UserQuery("can I redeem 8000 points for the cellar tour?", "en"), loyalty)
                        .directAnswer())
                .as("one reward's points: the page's line answers")
                .isEmpty();
    }

    @Test
    void aQuestionAboutHowPointsAreEarnedGetsEachWayWithItsPointsPerTier() {
        InMemoryPluginContext loyalty =
                new InMemoryPluginContext().add("club", "loyalty/stars.md", "Vine Stars Rewards", """
                # Vine Stars Rewards
                ## Ways to Earn Points
                ### Everyone
                | Activity | Points Earned |
                |---|---|
                | Tasting Referral | 20 points per referral |
                ### Club Members
                Activity | Bramble | Summit
                ---|---|---
                Per Dollar Spent | 1 point | 3 points
                Signup Bonus | 100 points | 200 points
                Club Referral | 5,000 points | 5,000 points
                ## Redemption Options
                | Reward | Points Required |
                |--------|----------------|
                | Tote Bag | 500 points |
                """);

        for (String question : List.of(
                "how do I earn points?",
                "what are the ways to earn miles?",
                "¿cómo gano puntos?",
                "comment gagner des points ?")) {
            assertThat(plugin.handler()
                            .handle(new UserQuery(question, "en"), loyalty)
                            .directAnswer()
                            .map(DirectAnswer::text))
                    .as(question)
                    .hasValue("How points are earned (Vine Stars Rewards):\n"
                            + "- Everyone: Tasting Referral (20 points per referral)\n"
                            + "- Club Members: Per Dollar Spent: 1 point (Bramble), 3 points (Summit); Signup Bonus: 100"
                            + " points (Bramble), 200 points (Summit); Club Referral: 5,000 points");
        }
        assertThat(plugin.handler()
                        .handle(new UserQuery("how do I earn 500 points?", "en"), loyalty)
                        .directAnswer())
                .as("one amount's way: the page's lines answer")
                .isEmpty();
        assertThat(plugin.handler()
                        .handle(new UserQuery("how many points do I earn per dollar?", "en"), loyalty)
                        .directAnswer())
                .as("one activity's points: the page's line answers")
                .isEmpty();
        assertThat(plugin.handler()
                        .handle(new UserQuery("how do members earn a free tasting?", "en"), loyalty)
                        .directAnswer())
                .as("not about points")
                .isEmpty();
    }

    @Test
    void boostsTheLoyaltyPagesForPointsQuestions() {
        HandlerResult result =
                plugin.handler().handle(new UserQuery("when will my points ever expire?", "en"), knowledge);

        assertThat(result.plan().boostPaths()).contains("loyalty/stars.md").doesNotContain("wine club/club.md");
        assertThat(result.promptContributions()).anyMatch(p -> p.contains("expire"));
    }

    @Test
    void boostsTheLoyaltyPagesForReferralQuestions() {
        HandlerResult result = plugin.handler()
                .handle(
                        new UserQuery("a friend signed up because i referred her - do i get anything?", "en"),
                        knowledge);

        assertThat(result.plan().boostPaths()).containsExactly("loyalty/stars.md");
        assertThat(result.promptContributions()).anyMatch(p -> p.contains("referring a friend"));
    }

    @Test
    void describesItsDomain() {
        assertThat(plugin.descriptor().id()).isEqualTo("club");
        assertThat(plugin.descriptor().folders()).contains("wine club", "milea_miles");
        assertThat(plugin.descriptor().relatedDomains()).containsExactly("wine", "events");
    }

    /** A club page with two priced tiers, one coming soon, and a shipping section with a price of its own. */
    private static InMemoryPluginContext ridgeClub() {
        return new InMemoryPluginContext().add("club", "wine club/club.md", "Ridge Club", """
                # Ridge Club
                ## Membership Tiers
                ### Bramble
                **4 BOTTLES PER SHIPMENT (QUARTERLY)**
                - Starting at $90 per shipment, plus tax
                - 10% off all wines
                - Club-only events
                ### Summit
                **12 BOTTLES PER SHIPMENT (QUARTERLY)**
                - Starting at $240 per shipment, plus tax
                - 15% off all wines
                - Free tastings for four
                - Club-only events
                ### Founders
                Coming soon.
                ## Shipping
                - Flat shipping fee of $20 per delivery
                """);
    }

    @Test
    void theTierWithTheMostOfWhatTheQuestionCountsIsNamedBesideTheOthers() {
        InMemoryPluginContext club = ridgeClub();
        assertThat(plugin.handler()
                        .handle(new UserQuery("which tier of the club gets the most bottles?", "en"), club)
                        .directAnswer()
                        .map(DirectAnswer::text))
                .contains("Most bottles: Summit.\n- Bramble: 4 bottles per shipment (quarterly)\n"
                        + "- Summit: 12 bottles per shipment (quarterly)");
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery(
                                        "which one gets the fewest bottles? what are the club tiers?",
                                        "en",
                                        "which one gets the fewest bottles?"),
                                club)
                        .directAnswer()
                        .map(DirectAnswer::text))
                .as("a follow-up after the tiers")
                .hasValueSatisfying(t -> assertThat(t).startsWith("Fewest bottles: Bramble."));
        assertThat(plugin.handler()
                        .handle(new UserQuery("which club tier has the most shipments?", "en"), club)
                        .directAnswer()
                        .map(DirectAnswer::text)
                        .filter(t -> t.startsWith("Most shipments")))
                .as("no tier counts shipments (a price per shipment, bottles per shipment are no count of them)")
                .isEmpty();
    }

    @Test
    void theMiddleTierIsTheOneBetweenTheOthersByPrice() {
        InMemoryPluginContext three = new InMemoryPluginContext().add("club", "wine club/club.md", "Ridge Club", """
                # Ridge Club
                ## Membership Tiers
                ### Summit
                **12 BOTTLES PER SHIPMENT (QUARTERLY)**
                - Starting at $240 per shipment, plus tax
                ### Bramble
                **4 BOTTLES PER SHIPMENT (QUARTERLY)**
                - Starting at $90 per shipment, plus tax
                ### Ledge
                **6 BOTTLES PER SHIPMENT (QUARTERLY)**
                - Starting at $150 per shipment, plus tax
                """);

        assertThat(plugin.handler()
                        .handle(new UserQuery("what does the middle tier of the club cost?", "en"), three)
                        .directAnswer()
                        .map(DirectAnswer::text))
                .contains("Our middle tier by price is Ledge: 6 bottles per shipment (quarterly); Starting at $150 per"
                        + " shipment, plus tax.");
        assertThat(plugin.handler()
                        .handle(new UserQuery("what does the middle tier of the club cost?", "en"), ridgeClub())
                        .directAnswer()
                        .map(DirectAnswer::text))
                .as("two tiers have none between them: both")
                .hasValueSatisfying(t -> assertThat(t).startsWith("Our club tiers:"));
    }

    @Test
    void whatTheClubCostsIsAnsweredWithEveryTierAndNothingElseIs() {
        InMemoryPluginContext club = ridgeClub();

        DirectAnswer tiers = plugin.handler()
                .handle(new UserQuery("how much is the wine club?", "en"), club)
                .directAnswer()
                .orElseThrow();
        assertThat(tiers.text())
                .isEqualTo("Our club tiers:\n"
                        + "- Bramble: 4 bottles per shipment (quarterly); Starting at $90 per shipment, plus tax\n"
                        + "- Summit: 12 bottles per shipment (quarterly); Starting at $240 per shipment, plus tax");
        assertThat(tiers.sourcePaths()).containsExactly("wine club/club.md");
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery(
                                        "what does it cost? do you have a wine club? Ridge Club",
                                        "en",
                                        "what does it cost?"),
                                club)
                        .directAnswer())
                .as("a follow-up about the club it carried")
                .isPresent();
        assertThat(plugin.handler()
                        .handle(new UserQuery("how pricey is the wine club?", "en"), club)
                        .directAnswer())
                .as("an adjective of price asks what it costs")
                .contains(tiers);
        for (String asked : List.of(
                "what are the club tiers called?",
                "what are the names of the membership levels?",
                "how much is each club tier?",
                "what are the club tiers and prices?",
                "what does a club membership cost per year?",
                "what types of membership do you have?",
                "¿qué tipos de membresía tienen en el club?",
                "quels types d'adhésion proposez-vous ?")) {
            assertThat(plugin.handler().handle(new UserQuery(asked, "en"), club).directAnswer())
                    .as(asked)
                    .contains(tiers);
        }
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery(
                                        "how much is the cheapest tier? do you have a wine club?",
                                        "en",
                                        "how much is the cheapest tier?"),
                                club)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .isEqualTo(
                        "Our least expensive tier is Bramble: 4 bottles per shipment (quarterly); Starting at $90 per"
                                + " shipment, plus tax.");
        assertThat(plugin.handler()
                        .handle(new UserQuery("which membership level is the most expensive?", "en"), club)
                        .directAnswer()
                        .orElseThrow()
                        .text())
                .startsWith("Our most expensive tier is Summit: ");
        // a follow-up after the tiers, as resolved: the visitor's words, then the earlier turn's
        for (String asked :
                List.of("lequel est le plus cher ?", "et le niveau le plus cher ?", "¿y cuál es el más caro?")) {
            assertThat(plugin.handler()
                            .handle(new UserQuery(asked + " combien coûte le club de vin ?", "fr", asked), club)
                            .directAnswer()
                            .map(DirectAnswer::text))
                    .as(asked)
                    .hasValueSatisfying(text -> assertThat(text).startsWith("Our most expensive tier is Summit: "));
        }
        for (String asked : List.of(
                "¿Cuánto cuesta el club de vinos?",
                "¿Cuál es el precio de la membresía?",
                "Combien coûte l'adhésion au club ?")) {
            assertThat(plugin.handler()
                            .handle(new UserQuery(asked, asked.startsWith("¿") ? "es" : "fr"), club)
                            .directAnswer())
                    .as(asked)
                    .contains(tiers);
        }
        assertThat(plugin.handler()
                        .handle(new UserQuery("¿Cuánto cuesta el envío del club?", "es"), club)
                        .directAnswer())
                .as("shipping, in Spanish too")
                .isEmpty();
        for (String other : List.of(
                "how much is shipping for the wine club?",
                "what does the summit tier cost to cancel?",
                "what's the cheapest wine for club members?")) {
            assertThat(plugin.handler().handle(new UserQuery(other, "en"), club).directAnswer())
                    .as(other)
                    .isEmpty();
        }
    }

    @Test
    void theTiersAQuestionNamesAreComparedSideBySide() {
        InMemoryPluginContext club = ridgeClub();

        DirectAnswer compared = plugin.handler()
                .handle(new UserQuery("bramble vs summit, what's the difference?", "en"), club)
                .directAnswer()
                .orElseThrow();
        assertThat(compared.text())
                .isEqualTo("Bramble and Summit side by side:\n"
                        + "- Bramble: 4 bottles per shipment (quarterly); Starting at $90 per shipment, plus tax; 10% off"
                        + " all wines\n"
                        + "- Summit: 12 bottles per shipment (quarterly); Starting at $240 per shipment, plus tax; 15% off"
                        + " all wines; Free tastings for four\n"
                        + "- Both: Club-only events");
        assertThat(compared.sourcePaths()).containsExactly("wine club/club.md");
        for (String other : List.of(
                "how do I upgrade from bramble to summit?", "how many points do bramble and summit members earn?")) {
            assertThat(plugin.handler().handle(new UserQuery(other, "en"), club).directAnswer())
                    .as(other)
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what are the wine club benefits?",
                "what do club members get?",
                "what perks do members get?",
                "what's included in a membership?",
                "¿qué beneficios tiene la membresía?"
            })
    void aQuestionAboutWhatMembershipGivesGetsEveryTierSideBySide(String question) {
        DirectAnswer benefits = plugin.handler()
                .handle(new UserQuery(question, "en"), ridgeClub())
                .directAnswer()
                .orElseThrow();

        assertThat(benefits.text())
                .isEqualTo("What each club tier includes:\n"
                        + "- Bramble: 4 bottles per shipment (quarterly); Starting at $90 per shipment, plus tax; 10% off"
                        + " all wines\n"
                        + "- Summit: 12 bottles per shipment (quarterly); Starting at $240 per shipment, plus tax; 15% off"
                        + " all wines; Free tastings for four\n"
                        + "- Both: Club-only events");
        for (String other : List.of(
                "what do members get for referring a friend?",
                "how many points do members earn?",
                "what does the summit include?",
                "does the membership include shipping?",
                "what's included in the top tier?",
                "what are the benefits of the vineyard's solar panels?")) {
            assertThat(plugin.handler()
                            .handle(new UserQuery(other, "en"), ridgeClub())
                            .directAnswer()
                            .map(DirectAnswer::text)
                            .orElse(""))
                    .as(other)
                    .doesNotStartWith("What each club tier includes:");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"what's the summit tier?", "what does the summit membership include?", "summit benefits?"})
    void theOneTierAQuestionAsksAboutIsGivenWithEveryLineOfItsSection(String question) {
        DirectAnswer described = plugin.handler()
                .handle(new UserQuery(question, "en"), ridgeClub())
                .directAnswer()
                .orElseThrow();

        assertThat(described.text())
                .isEqualTo(
                        "The Summit tier:\n- 12 bottles per shipment (quarterly)\n- Starting at $240 per shipment, plus"
                                + " tax\n- 15% off all wines\n- Free tastings for four\n- Club-only events");
        assertThat(plugin.handler()
                        .handle(new UserQuery("can I upgrade to summit?", "en"), ridgeClub())
                        .directAnswer())
                .isEmpty();
    }

    @Test
    void aFollowUpNamingOnlyAnotherTierGetsItsBottlesAndPrice() {
        UserQuery followUp =
                new UserQuery("and summit? what does bramble cost? Ridge Club Loyalty Points", "en", "and summit?");

        assertThat(plugin.handler().handle(followUp, ridgeClub()).directAnswer().map(DirectAnswer::text))
                .contains("Summit: 12 bottles per shipment (quarterly); Starting at $240 per shipment, plus tax.");
        assertThat(plugin.handler()
                        .handle(new UserQuery("and summit?", "en"), ridgeClub())
                        .directAnswer())
                .as("standing alone it is no follow-up")
                .isEmpty();
        UserQuery aboutWines = new UserQuery(
                "what about summit? does bramble get a discount on wines? Ridge Club Loyalty Points",
                "en",
                "what about summit?");
        assertThat(plugin.handler()
                        .handle(aboutWines, ridgeClub())
                        .directAnswer()
                        .map(DirectAnswer::text))
                .as("what the earlier question asked, of this tier")
                .contains("Summit: 15% off all wines.");
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery(
                                        "can summit members bring guests? Ridge Club",
                                        "en",
                                        "can summit members" + " bring guests?"),
                                ridgeClub())
                        .directAnswer())
                .isEmpty();
    }

    @Test
    void whatItCostsAfterATierWasAskedAboutIsThatTiersPrice() {
        UserQuery followUp =
                new UserQuery("how much does it cost? tell me about the summit tier", "en", "how much does it cost?");

        assertThat(plugin.handler().handle(followUp, ridgeClub()).directAnswer().map(DirectAnswer::text))
                .contains("Summit: 12 bottles per shipment (quarterly); Starting at $240 per shipment, plus tax.");
        assertThat(plugin.handler()
                        .handle(
                                new UserQuery(
                                        "how much does it cost? is the summit or the bramble tier better",
                                        "en",
                                        "how much does it cost?"),
                                ridgeClub())
                        .directAnswer()
                        .map(DirectAnswer::text))
                .as("two tiers carried: every tier")
                .hasValueSatisfying(t -> assertThat(t).startsWith("Our club tiers:"));
    }

    @Test
    void frenchAndSpanishWordsForDeliveringWineMapToThePagesShipping() {
        assertThat(plugin.synonyms().get("livrez")).contains("shipping");
        assertThat(plugin.synonyms().get("enviar")).contains("shipping");
        assertThat(plugin.synonyms().get("become"))
                .as("\"how do I become a member?\" asks how to join")
                .contains("join");
    }
}

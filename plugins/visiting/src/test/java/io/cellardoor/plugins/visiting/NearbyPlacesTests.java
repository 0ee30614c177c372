package io.cellardoor.plugins.visiting;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.plugin.api.testing.InMemoryPluginContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where to stay ({@link Lodging}) and what to do nearby ({@link Attractions}), over one small knowledge. */
class NearbyPlacesTests {

    private static final String OWN = """
            # Lodging at Copper Hill Farm
            ## The Orchard Cottage
            The Orchard Cottage sleeps four on the farm itself. It has a porch over the vines.
            Key Features: -Quiet: far from the road.
            ## Other Local Lodging Options
            ### Riverside Inn (Kingsbridge)
            A small inn by the river, ten rooms.
            """;

    private static final String NEAR = """
            # Places to Stay Near Copper Hill Farm
            ## Our Favourites
            ### The Riverside Inn (Kingsbridge)
            Our first pick for couples.
            Details:
            - Address: 1 Water Street, Kingsbridge
            - Distance from the farm: About 8 minutes (4 miles)
            ## More Options
            ### North of the Farm
            #### Granite Lodge
            - Mountain lodge with a sauna
            - granitelodge.com
            ## Bed & Breakfast Options
            Several bed and breakfasts are close by:
            - Maple Row B&B
            - Hilltop Inn
            ## Planning Your Stay
            ### Best Times to Visit
            - Autumn for the leaves
            """;

    private static final String AROUND = """
            # Local Attractions Near Copper Hill Farm
            ## Old Houses
            ### Granite Hall (State Historic Site)
            A stone manor from 1820. It has a garden.
            Details:
            - Address: 2 Hall Road, Kingsbridge
            - Distance from the farm: About 3 miles (6-minute drive)
            ## Outdoors
            ### Beaver Pond Trail
            - A two-mile loop around the pond
            - trails.example.com
            ## Planning Your Visit
            ### Suggested Itineraries
            Morning: Granite Hall
            ### Seasonal Considerations
            - Autumn: apple picking
            """;

    private final InMemoryPluginContext pages = new InMemoryPluginContext()
            .add("visiting", "visiting/lodging.md", "Lodging at Copper Hill Farm", OWN)
            .add("visiting", "visiting/near.md", "Places to Stay Near Copper Hill Farm", NEAR)
            .add("visiting", "visiting/hours.md", "Hours", "# Hours\n- Monday: closed\n")
            .add("visiting", "visiting/around.md", "Local Attractions Near Copper Hill Farm", AROUND);

    private Optional<DirectAnswer> direct(String question) {
        return new VisitingPlugin()
                .handler()
                .handle(new UserQuery(question, "en"), pages)
                .directAnswer();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "where can we stay overnight nearby?",
                "any hotels near you?",
                "can you recommend a bed and breakfast?",
                "is there lodging on the property?",
                "¿dónde podemos alojarnos?",
                "où dormir près du domaine ?",
                "any airbnbs around?"
            })
    void listsThePlacesToStayTheEstatesFirst(String question) {
        DirectAnswer answer = direct(question).orElseThrow();

        assertThat(answer.text()).isEqualTo("""
                        On the estate:
                        - **The Orchard Cottage**: The Orchard Cottage sleeps four on the farm itself.

                        Nearby:
                        - **Riverside Inn (Kingsbridge)**: A small inn by the river, ten rooms.
                        - **Granite Lodge**: Mountain lodge with a sauna
                        - **Maple Row B&B**
                        - **Hilltop Inn**""");
        assertThat(answer.sourcePaths()).containsExactlyInAnyOrder("visiting/lodging.md", "visiting/near.md");
    }

    @Test
    void aPageAboutNearbyLodgingGivesDistancesAndNoAdviceSections() {
        String text = Lodging.answer(Lodging.read("Places to Stay Near Copper Hill Farm", NEAR))
                .orElseThrow();

        assertThat(text)
                .startsWith(
                        "Places to stay nearby:\n- **The Riverside Inn (Kingsbridge)**: Our first pick for couples. "
                                + "(About 8 minutes (4 miles))")
                .doesNotContain("Best Times", "Bed & Breakfast Options", "Our Favourites", "North of the Farm");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what else is there to do in the area?",
                "any attractions near you?",
                "what should we see around the farm?",
                "is there anything fun to do nearby after a tasting?",
                "something interesting to see in the area?",
                "¿qué ver cerca de la granja?"
            })
    void listsThePlacesNearbyUnderTheirGroupsWithoutAdvice(String question) {
        DirectAnswer answer = direct(question).orElseThrow();

        assertThat(answer.text()).isEqualTo("""
                        Near us:

                        **Old Houses**
                        - **Granite Hall (State Historic Site)**: A stone manor from 1820. (About 3 miles (6-minute drive))

                        **Outdoors**
                        - **Beaver Pond Trail**: A two-mile loop around the pond""");
        assertThat(answer.sourcePaths()).containsExactly("visiting/around.md");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "how long can we stay at a tasting?",
                "are you open on monday?",
                "do you have rooms for events?",
                "do you ship overnight?",
                "do hotel guests get a discount?",
                "is there a shuttle from the hotels?",
                "what can we do at the tasting?",
                "are you open on sunday?",
                "what time do you close?",
                "do you have things to do for kids?"
            })
    void otherVisitingQuestionsGetNoListOfPlaces(String question) {
        assertThat(direct(question).map(DirectAnswer::text).orElse(""))
                .doesNotContain("Nearby", "Orchard Cottage", "Near us", "Granite Hall");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what else is there to do in the area?",
                "¿qué hacer cerca de la bodega?",
                "que faire autour du domaine ?",
                "where can we spend the night nearby?"
            })
    void theVisitingClassifierClaimsQuestionsAboutTheArea(String question) {
        assertThat(new VisitingQueryClassifier()
                        .classify(new UserQuery(question, "en"))
                        .score())
                .isGreaterThanOrEqualTo(0.5);
    }
}

package io.cellardoor.plugins.visiting;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.plugin.api.testing.InMemoryPluginContext;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttractionsTests {

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
            .add("visiting", "visiting/around.md", "Local Attractions Near Copper Hill Farm", AROUND)
            .add(
                    "visiting",
                    "visiting/stay.md",
                    "Accommodations Near Copper Hill Farm",
                    "# Accommodations Near Copper Hill Farm\n## Inns\n### Riverside Inn\nTen rooms.\n");

    private Optional<DirectAnswer> direct(String question) {
        return new VisitingPlugin()
                .handler()
                .handle(new UserQuery(question, "en"), pages)
                .directAnswer();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what else is there to do in the area?",
                "any attractions near you?",
                "what should we see around the farm?",
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
                "what can we do at the tasting?",
                "are you open on sunday?",
                "what time do you close?",
                "do you have things to do for kids?"
            })
    void otherVisitingQuestionsGetNoList(String question) {
        assertThat(direct(question).map(DirectAnswer::text).orElse("")).doesNotContain("Near us", "Granite Hall");
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

package io.cellardoor.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.testing.InMemoryPluginContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryPluginContextTests {

    final InMemoryPluginContext context = new InMemoryPluginContext()
            .add("dining", "menu/dinner.md", "Dinner", "# Dinner\n\n## Mains\nRoast duck, $28.\n\n## Desserts\nTart.")
            .add("merchandise", "shop/mug.md", "Mug", "## Mug\nA duck mug, $12.");

    @Test
    void passagesAreEmptyUntilATestSaysWhatTheHostRetrieved() {
        assertThat(context.passages()).isEmpty();
        Passage given = new Passage("menu/dinner.md", "Dinner", "dining", "Mains", "Roast duck, $28.", 0.9);
        assertThat(context.retrieved(List.of(given)).passages()).containsExactly(given);
    }

    @Test
    void retrieveRanksEveryDomainsPassagesAndSearchStaysInOneDomain() {
        assertThat(context.retrieve("roast duck price", 5).passages())
                .extracting(Passage::path)
                .containsExactly("menu/dinner.md", "shop/mug.md");
        assertThat(context.searches).isEmpty();
        assertThat(context.search("merchandise", "duck", 5))
                .extracting(Passage::path)
                .containsExactly("shop/mug.md");
        assertThat(context.searches).containsExactly("merchandise: duck");
    }

    @Test
    void settingsAreTheTestsValues() {
        assertThat(context.setting("dining.greeting")).isEmpty();
        assertThat(context.setting("dining.greeting", "Bon appetit").setting("dining.greeting"))
                .contains("Bon appetit");
    }
}

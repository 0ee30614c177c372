package io.cellardoor.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.ClassifierScore;
import io.cellardoor.plugin.api.DomainDescriptor;
import io.cellardoor.plugin.api.DomainHandler;
import io.cellardoor.plugin.api.DomainPlugin;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.QueryClassifier;
import io.cellardoor.plugin.api.RetrievalPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class FolderMapTests {

    static LoadedDomain domain(String id, int order, String... folders) {
        DomainPlugin plugin = new DomainPlugin() {
            @Override
            public DomainDescriptor descriptor() {
                return new DomainDescriptor(id, id, List.of(folders), List.of());
            }

            @Override
            public QueryClassifier classifier() {
                return query -> new ClassifierScore(0, List.of());
            }

            @Override
            public DomainHandler handler() {
                return (query, context) -> HandlerResult.retrieve(RetrievalPlan.defaults(3));
            }

            @Override
            public int order() {
                return order;
            }
        };
        return LoadedDomain.of("plugin-" + id, "1.0.0", plugin);
    }

    @Test
    void aFolderClaimedTwiceGoesToTheLowerOrderWhateverTheLoadOrder() {
        LoadedDomain merchandise = domain("merchandise", 100, "merchandise", "shop", "menu");
        LoadedDomain dining = domain("dining", 50, "Menu", "restaurant");
        for (List<LoadedDomain> loaded : List.of(List.of(merchandise, dining), List.of(dining, merchandise))) {
            FolderMap map = FolderMap.of(loaded);
            assertThat(map.domainOf("menu")).isEqualTo("dining");
            assertThat(map.foldersOf("dining")).containsExactly("menu", "restaurant");
            assertThat(map.foldersOf("merchandise")).containsExactly("merchandise", "shop");
            assertThat(map.conflicts()).hasSize(1);
            FolderConflict conflict = map.conflicts().get(0);
            assertThat(conflict.folder()).isEqualTo("menu");
            assertThat(conflict.owner()).isEqualTo("dining");
            assertThat(conflict.claims())
                    .extracting(FolderConflict.Claim::domain)
                    .containsExactly("dining", "merchandise");
            assertThat(conflict.summary())
                    .isEqualTo("menu: dining (order 50) owns it; also claimed by merchandise (order 100)");
            assertThat(map.conflictsOf("merchandise")).containsExactly(conflict);
        }
    }

    @Test
    void onEqualOrderTheSmallerDomainIdOwnsTheFolder() {
        FolderMap map = FolderMap.of(List.of(domain("zebra", 100, "wine club"), domain("club", 100, "wine_club")));
        assertThat(map.domainOf("Wine-Club")).isEqualTo("club");
        assertThat(map.foldersOf("zebra")).isEmpty();
        assertThat(map.conflicts())
                .singleElement()
                .extracting(FolderConflict::owner)
                .isEqualTo("club");
    }

    @Test
    void unclaimedFoldersAndUnknownDomainsFallBackToGeneral() {
        FolderMap map = FolderMap.of(List.of(domain("wine", 100, "wine", "wine_red")));
        assertThat(map.domainOf("events")).isEqualTo("general");
        assertThat(map.domainOf("Wine Red")).isEqualTo("wine");
        assertThat(map.foldersOf("nobody")).isEmpty();
        assertThat(map.conflicts()).isEmpty();
    }

    @Test
    void aDisabledOwnerLeavesTheFolderToTheNextClaimant() {
        LoadedDomain dining = domain("dining", 50, "menu");
        LoadedDomain merchandise = domain("merchandise", 100, "menu");
        PluginDomains domains = new PluginDomains();
        domains.add(List.of(dining));
        domains.add(List.of(merchandise));
        assertThat(domains.domainOfFolder("menu")).isEqualTo("dining");
        dining.disabledReason = "5 consecutive failures";
        domains.changed();
        assertThat(domains.domainOfFolder("menu")).isEqualTo("merchandise");
        assertThat(domains.conflicts()).isEmpty();
    }

    @Test
    void aDomainIdServedByAnotherPluginClashes() {
        PluginDomains domains = new PluginDomains();
        domains.add(List.of(domain("wine", 100, "wine")));
        assertThat(domains.clash("plugin-wine", List.of(domain("wine", 100, "wine"))))
                .isEmpty();
        assertThat(domains.clash("other", List.of(domain("wine", 100, "wine"))))
                .hasValueSatisfying(why -> assertThat(why).contains("'wine' is already served by plugin plugin-wine"));
    }
}

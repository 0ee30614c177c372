package io.cellardoor.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.PluginApi;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryRouterTests {

    @Test
    void aClassificationIsRoutedOnlyToADomainThatWasAskedWhenItWasClassified() {
        PluginDomains domains = new PluginDomains();
        domains.add(List.of(FolderMapTests.domain("wine", 100, "wine")));
        domains.add(List.of(FolderMapTests.domain("visiting", 100, "visiting")));
        domains.add(List.of(FolderMapTests.domain("club", 100, "club")));
        QueryRouter router = new QueryRouter(domains, null, null, null);
        // The org switched "club" off: it was not asked; "visiting"'s classifier failed: it was asked, and skipped.
        Classification unclaimed = new Classification(
                PluginApi.GENERAL_DOMAIN,
                List.of(),
                List.of(new DomainScore("wine", 0.1, List.of())),
                List.of("visiting"));

        assertThat(router.routedTo(unclaimed, "wine").primary()).isEqualTo("wine");
        assertThat(router.routedTo(unclaimed, "wine").scores()).isEqualTo(unclaimed.scores());
        assertThat(router.routedTo(unclaimed, "visiting").primary()).isEqualTo("visiting");
        assertThat(router.routedTo(unclaimed, "club")).isSameAs(unclaimed);
        assertThat(router.routedTo(unclaimed, "unknown")).isSameAs(unclaimed);
    }
}

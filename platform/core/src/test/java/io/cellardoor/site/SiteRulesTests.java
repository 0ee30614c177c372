package io.cellardoor.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellardoor.web.ApiProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteRulesTests {

    @Test
    void originsAreNormalisedAsBrowsersSendThem() {
        assertThat(SiteRules.origin("HTTPS://Shop.Example:443/")).isEqualTo("https://shop.example");
        assertThat(SiteRules.origin("http://shop.example:80")).isEqualTo("http://shop.example");
        assertThat(SiteRules.origin(" http://localhost:3000 ")).isEqualTo("http://localhost:3000");
        assertThat(SiteRules.origin("https://[::1]:8443")).isEqualTo("https://[::1]:8443");
        assertThat(SiteRules.origins(List.of("https://a.example", "", "https://A.example/", "http://a.example")))
                .containsExactly("https://a.example", "http://a.example");
    }

    @Test
    void pathsWildcardsAndOtherSchemesAreRefused() {
        for (String bad : List.of(
                "https://a.example/shop",
                "https://a.example//",
                "*.example.com",
                "https://*.example.com",
                "ftp://a.example",
                "a.example",
                "https://user:pw@a.example",
                "https://a.example?x",
                "https://a.example#top",
                "https://",
                "javascript:alert(1)",
                "https://bücher.example")) {
            assertThatThrownBy(() -> SiteRules.origin(bad))
                    .as(bad)
                    .isInstanceOf(ApiProblem.class)
                    .satisfies(
                            e -> assertThat(((ApiProblem) e).type().toString()).endsWith("/invalid-origin"));
        }
    }

    @Test
    void suggestionsAreStrippedDeduplicatedAndBounded() {
        assertThat(SiteRules.suggestions(List.of(" Hours? ", "", "Hours?", "Club?")))
                .containsExactly("Hours?", "Club?");
        assertThatThrownBy(() -> SiteRules.suggestions(List.of("1", "2", "3", "4", "5", "6", "7")))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("At most 6");
        assertThatThrownBy(() -> SiteRules.suggestions(List.of("x".repeat(121))))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void themeAndLocaleMustBeKnown() {
        assertThat(SiteRules.theme("vineyard", List.of("default", "vineyard"))).isEqualTo("vineyard");
        assertThatThrownBy(() -> SiteRules.theme("neon", List.of("default"))).isInstanceOf(ApiProblem.class);
        assertThat(SiteRules.locale("")).isNull();
        assertThat(SiteRules.locale("fr")).isEqualTo("fr");
        assertThatThrownBy(() -> SiteRules.locale("de")).isInstanceOf(ApiProblem.class);
    }
}

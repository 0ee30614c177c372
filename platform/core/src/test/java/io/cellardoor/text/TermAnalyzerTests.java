package io.cellardoor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermAnalyzerTests {

    final TermAnalyzer analyzer = new TermAnalyzer(new Vocabulary(), new Lexicon(true));

    private List<Set<String>> related(String question) {
        return analyzer.relatedTermGroups(question, "en").stream()
                .map(TermAnalyzer.TermGroup::terms)
                .toList();
    }

    @Test
    void chatSpellingsOfFunctionWordsAreNoTermsToFind() {
        assertThat(analyzer.terms("whats the cheapest tasting u have? thx"))
                .isEqualTo(analyzer.terms("what's the cheapest tasting you have? thanks"))
                .containsExactly("cheapest", "tast");
        assertThat(analyzer.terms("r u open n do ya take walk ins")).doesNotContain("u", "r", "n", "ya");
        assertThat(analyzer.terms("which of those is red, whereas these are white?"))
                .as("function words no dictionary lists, which the speller would otherwise correct")
                .containsExactly("red", "white");
    }

    @Test
    void aPhrasalVerbAlsoStandsForTheOneWordItIsWrittenAs() {
        assertThat(related("can I pick up my club wine?"))
                .anySatisfy(g -> assertThat(g).contains("pick", "pickup"));
        assertThat(analyzer.expand("where do we check in?")).isEqualTo("where do we checkin check in");
        assertThat(related("pick a bottle for me"))
                .noneSatisfy(g -> assertThat(g).contains("pickup"));
        assertThat(related("sign up")).anySatisfy(g -> assertThat(g).contains("signup"));
        Vocabulary plugins = new Vocabulary();
        plugins.replace(List.of(java.util.Map.of("walkins", List.of("reservation"))));
        TermAnalyzer withPlugins = new TermAnalyzer(plugins, new Lexicon(true));
        assertThat(withPlugins.relatedTermGroups("do you take walk ins?", "en").stream()
                        .map(TermAnalyzer.TermGroup::terms))
                .as("the one word and the page words a plugin gives for it")
                .anySatisfy(g -> assertThat(g).contains("walk", "walkin", "reserv"));
        assertThat(withPlugins.expand("do you take walk ins?")).contains("walkins reservation");
        assertThat(analyzer.relatedTermGroups("¿puedo pick up?", "es").stream().flatMap(g -> g.terms().stream()))
                .doesNotContain("pickup");
    }

    @Test
    void theMeasureAHowQuestionAsksForIsSearchedByTheNounThatNamesIt() {
        assertThat(analyzer.expand("how long is the tasting?")).isEqualTo("how duration length is the tasting");
        assertThat(analyzer.expand("How far away is Hyde Park?")).startsWith("how distance away");
        assertThat(analyzer.expand("how often do shipments come")).isEqualTo("how often do shipments come");
        assertThat(analyzer.expand("how old are the vines")).isEqualTo("how are the vines");
        assertThat(analyzer.expand("is the tasting long?")).endsWith("long");
        assertThat(analyzer.expand("do you sell old vintages?")).contains("old");
        assertThat(new TermAnalyzer(new Vocabulary()).expand("how far is it")).isEqualTo("how is it");
    }

    @Test
    void theAnswersWordsForAMeasureAreTheNounThatNamesIt() {
        assertThat(related("how far away are the historic sites?"))
                .containsExactly(Set.of("distanc"), Set.of("awai"), Set.of("histor"), Set.of("site"));
        assertThat(related("how long is the tasting?")).containsExactly(Set.of("durat", "length"), Set.of("tast"));
        assertThat(related("how old do i have to be to buy wine?")).containsExactly(Set.of("bui"), Set.of("wine"));
        assertThat(related("how often do club shipments come?")).contains(Set.of("often"));
        assertThat(related("is the tasting long?")).contains(Set.of("long"));
        assertThat(analyzer.termGroups("how long is the tasting?", "en")).containsExactly(Set.of("tast"));
    }

    @Test
    void theFunctionWordsOfSpanishAndFrenchQuestionsAreNoWordsAsked() {
        assertThat(analyzer.termGroups("est-ce qu'on peut faire un mariage chez vous ?", "fr"))
                .as("\"faire\" is no \"fair\"")
                .containsExactly(Set.of("mariag"));
        assertThat(analyzer.termGroups("¿se puede hacer una boda?", "es")).containsExactly(Set.of("boda"));
    }

    @Test
    void aSizeIsAMeasureToAnswerButNotAWordToSearchFor() {
        assertThat(related("how big is the vineyard?")).containsExactly(Set.of("size"), Set.of("vineyard"));
        assertThat(related("how large is the farmhouse?")).startsWith(Set.of("size"));
        assertThat(analyzer.expand("how big is the vineyard?")).isEqualTo("how big is the vineyard");
        assertThat(related("do you have big groups?")).contains(Set.of("big"));
        assertThat(analyzer.measuresAsked("how far is it from you?", "en")).containsExactly("distance");
        assertThat(analyzer.measuresAsked("How big is the patio?", "en")).containsExactly("size");
        assertThat(analyzer.measuresAsked("what is the patio?", "en")).isEmpty();
        assertThat(analyzer.measuresAsked("how close is the mansion?", "en"))
                .as("nearness is the distance asked from the other end")
                .containsExactly("distance");
        assertThat(analyzer.measuresAsked("how far in advance should I book?", "en"))
                .as("a lead time is no distance")
                .isEmpty();
        assertThat(related("how far ahead do I reserve?")).containsExactly(Set.of("ahead"), Set.of("reserv"));
        assertThat(analyzer.measuresAsked("how far is it?", "fr")).isEmpty();
        assertThat(new TermAnalyzer(new Vocabulary()).measuresAsked("how far is it?", "en"))
                .as("without word relations no measure is known")
                .isEmpty();
    }
}

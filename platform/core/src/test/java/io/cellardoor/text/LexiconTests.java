package io.cellardoor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LexiconTests {

    final Lexicon lexicon = new Lexicon(true);

    @Test
    void givesTheWordsOfACommonSenseAnAdjectivesAttributeAndDerivedWords() {
        assertThat(lexicon.alternatives("buy")).contains("purchase");
        assertThat(lexicon.alternatives("kid")).contains("child");
        assertThat(lexicon.alternatives("deep")).as("the attribute it measures").contains("depth");
        assertThat(lexicon.alternatives("far")).contains("distance");
        assertThat(lexicon.alternatives("owns"))
                .as("an inflected form, a derived word and that word's synonym")
                .contains("owner", "proprietor");
    }

    @Test
    void givesTheSensesNextToAWordsOwnForAWordTheKnowledgeMayLack() {
        assertThat(lexicon.broader("nearby")).as("a similar adjective").contains("near");
        assertThat(lexicon.broader("hotel")).as("more specific nouns").contains("inn", "lodge");
        assertThat(lexicon.broader("buddy")).as("a more general noun").contains("friend");
        assertThat(lexicon.broader("zzzqx")).isEmpty();
        assertThat(new Lexicon(false).broader("hotel")).isEmpty();
        TermAnalyzer analyzer = new TermAnalyzer(new Vocabulary(), lexicon);
        TermAnalyzer.TermGroup hotels =
                analyzer.relatedTermGroups("any hotels nearby?", "en").getFirst();
        assertThat(hotels.word()).isEqualTo("hotels");
        assertThat(analyzer.broaderTerms(hotels.word())).contains("inn").doesNotContain("hotel");
        assertThat(analyzer.relatedTermGroups("hoteles cerca", "es").getFirst().word())
                .as("English words only")
                .isEmpty();
    }

    @Test
    void namesTheKindATwoWordNameIsOf() {
        assertThat(lexicon.kindOfName("labor", "day"))
                .as("legal holiday, by its head word")
                .contains("holiday");
        assertThat(lexicon.kindOfName("birthday", "party")).contains("party");
        assertThat(lexicon.kindOfName("wine", "club"))
                .as("no noun of WordNet's")
                .isEmpty();
        assertThat(new Lexicon(false).kindOfName("labor", "day")).isEmpty();
        TermAnalyzer analyzer = new TermAnalyzer(new Vocabulary(), lexicon);
        java.util.function.Predicate<String> allButMemorial = t -> !t.startsWith("memori");
        assertThat(analyzer.namedKinds("are you open on Memorial Day?", "en", allButMemorial))
                .containsExactly("holiday");
        assertThat(analyzer.namedKinds("are you open on Memorial Day?", "en", t -> true))
                .as("a name whose words the knowledge uses is searched as it is")
                .isEmpty();
        assertThat(analyzer.namedKinds("can we have a birthday party?", "en", t -> false))
                .as("a kind that is one of the name's own words adds nothing")
                .isEmpty();
        assertThat(analyzer.namedKinds("memorial day", "es", t -> false)).isEmpty();
    }

    @Test
    void namesThePeopleAQuestionAskingWhoMeansByWhatTheyDo() {
        TermAnalyzer analyzer = new TermAnalyzer(new Vocabulary(), lexicon);
        java.util.function.Predicate<String> proprietorsOnly = t -> t.startsWith("proprietor");
        assertThat(analyzer.personNouns("who owns the vineyard?", proprietorsOnly))
                .as("only the words the knowledge uses")
                .containsExactly("proprietor");
        assertThat(analyzer.personNouns("who owns the vineyard?", t -> true)).contains("owner", "proprietor");
        assertThat(analyzer.personNouns("who is the owner?", t -> true))
                .as("none the question already says")
                .contains("proprietor")
                .doesNotContain("owner", "ownership");
        assertThat(analyzer.personNouns("who is the winemaker?", t -> true)).contains("vintner");
        assertThat(new TermAnalyzer(new Vocabulary(), new Lexicon(false)).personNouns("who owns it?", t -> true))
                .isEmpty();
    }

    @Test
    void namesWhatAnAdjectiveMeasures() {
        assertThat(lexicon.measures("far")).containsExactly("distance");
        assertThat(lexicon.measures("long")).contains("length").doesNotContain("yearn", "long");
        assertThat(lexicon.measures("wine")).isEmpty();
        assertThat(new Lexicon(false).measures("far")).isEmpty();
    }

    @Test
    void leavesOutNamesAcronymsPhrasesAndTheWordItself() {
        assertThat(lexicon.alternatives("far"))
                .as("FAR is an acronym")
                .doesNotContain("far", "FAR", "alir")
                .allMatch(w -> w.matches("\\p{Ll}+"));
        assertThat(lexicon.alternatives("kid")).doesNotContain("small fry", "kid");
    }

    @Test
    void knowsNothingOfUnknownOrShortWordsOrWhenSwitchedOff() {
        assertThat(lexicon.alternatives("zzzqx")).isEmpty();
        assertThat(lexicon.alternatives("s")).isEmpty();
        assertThat(new Lexicon(false).alternatives("buy")).isEmpty();
        assertThat(Lexicon.none().alternatives("buy")).isEmpty();
    }

    @Test
    void onlyAnEnglishQuestionsWordsGetRelatedTerms() {
        TermAnalyzer analyzer = new TermAnalyzer(new Vocabulary(), lexicon);
        TermAnalyzer.TermGroup buy =
                analyzer.relatedTermGroups("can I buy wine?", "en").getFirst();
        assertThat(buy.terms()).containsExactly("bui");
        assertThat(buy.related()).contains("purchas").doesNotContain("bui");
        assertThat(analyzer.termGroups("can I buy wine?", "en"))
                .as("the plain groups stay the word's own terms")
                .first()
                .isEqualTo(Set.of("bui"));
        assertThat(analyzer.relatedTermGroups("buy", "es").getFirst().related()).isEmpty();
    }

    @Test
    void aCommonWordIsListedInLowerCaseNotOnlyAsAName() {
        assertThat(lexicon.commonWord("river")).isTrue();
        assertThat(lexicon.commonWord("vineyards"))
                .as("an inflection of a common word")
                .isTrue();
        assertThat(lexicon.commonWord("russell")).as("a name only").isFalse();
        assertThat(lexicon.commonWord("allan")).as("not listed").isFalse();
        assertThat(new Lexicon(false).commonWord("river")).isFalse();
    }

    @Test
    void anEnglishWordIsListedInSomeSenseNamesIncludedAMisspellingIsNot() {
        assertThat(lexicon.englishWord("florida")).as("a name").isTrue();
        assertThat(lexicon.englishWord("riesling")).isTrue();
        assertThat(lexicon.englishWord("oysters")).as("an inflection").isTrue();
        assertThat(lexicon.englishWord("adress")).isFalse();
        assertThat(lexicon.englishWord("tastin")).isFalse();
        assertThat(new Lexicon(false).englishWord("florida")).isFalse();
    }
}

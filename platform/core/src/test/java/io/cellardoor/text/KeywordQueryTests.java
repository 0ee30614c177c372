package io.cellardoor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordQueryTests {

    private final TermAnalyzer analyzer = new TermAnalyzer(new Vocabulary());

    /** Statistics of a few fixed texts, for every org. */
    private final CorpusStatistics corpus = new CorpusStatistics(null, analyzer, null) {
        @Override
        public Stats of(long orgId) {
            return Stats.of(
                    List.of(
                            "Weddings in the barn, up to 120 guests.",
                            "Contact our event coordinator: events@hollowcreek.example",
                            "Our newsletter comes by email.",
                            "Tastings are $25 per person.",
                            "The wedding fee is $10,000.",
                            "Hours: noon to five.",
                            "Directions from the train station."),
                    analyzer);
        }
    };

    private final KeywordQuery keywords = new KeywordQuery(analyzer, corpus);

    @Test
    void aWayToGetInTouchAskedAlsoSearchesContact() {
        assertThat(keywords.of(1, "who do i email about a wedding?", "en").split(" "))
                .contains("contact", "email");
        assertThat(keywords.of(1, "phone number for the wedding team?", "en").split(" "))
                .contains("contact");
        assertThat(keywords.of(1, "how much is a tasting?", "en").split(" ")).doesNotContain("contact");
        assertThat(keywords.of(1, "¿cuál es el correo para bodas?", "es").split(" "))
                .doesNotContain("contact");
    }

    @Test
    void anEnglishQuestionAskingWhoAlsoSearchesThePeopleItsWordsName() {
        TermAnalyzer withLexicon = new TermAnalyzer(new Vocabulary(), new Lexicon(true));
        KeywordQuery people = new KeywordQuery(withLexicon, new CorpusStatistics(null, withLexicon, null) {
            @Override
            public Stats of(long orgId) {
                return Stats.of(
                        List.of("Our Proprietors: Barry and Sang.", "The vineyard has 38 acres.", "Tastings are $25."),
                        withLexicon);
            }
        });
        assertThat(people.of(1, "who owns the vineyard?", "en", true).split(" "))
                .contains("owns", "proprietor")
                .as("a word the knowledge does not use is not searched")
                .doesNotContain("possessor");
        assertThat(people.of(1, "who owns the vineyard?", "en", false).split(" "))
                .doesNotContain("proprietor");
        assertThat(people.of(1, "how much is a tasting?", "en").split(" ")).doesNotContain("proprietor");
    }
}

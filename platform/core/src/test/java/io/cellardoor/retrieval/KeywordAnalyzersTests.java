package io.cellardoor.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordAnalyzersTests {

    @Test
    void theFoldedAnalysisFoldsAccentsAndPluralsInSOfEveryLanguage() {
        assertThat(KeywordAnalyzers.terms(KeywordAnalyzers.FOLDED, "Perros, dogs et chiens acceptés"))
                .containsExactly("perro", "dog", "et", "chien", "accepte");
    }

    @Test
    void theEnglishAnalysisStemsAndDropsStopWords() {
        assertThat(KeywordAnalyzers.terms(KeywordAnalyzers.ENGLISH, "The dogs are welcome on the patios"))
                .containsExactly("dog", "welcom", "patio");
    }
}

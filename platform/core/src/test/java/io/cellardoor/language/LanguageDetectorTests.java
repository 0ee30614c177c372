package io.cellardoor.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageDetectorTests {

    final LanguageDetector detector = new LanguageDetector(List.of("en", "es", "fr"));

    @Test
    void detectsTheWidgetsLanguagesInShortQuestions() {
        assertThat(detector.detect("What time do you open on Saturday?")).isEqualTo("en");
        assertThat(detector.detect("¿A qué hora abren el viernes por la tarde?"))
                .isEqualTo("es");
        assertThat(detector.detect("Quels sont vos horaires d'ouverture le samedi ?"))
                .isEqualTo("fr");
    }

    @Test
    void theWritingSettlesAShortQuestionTheModelFindsClose() {
        assertThat(detector.detect("¿Hacen bodas?"))
                .as("an inverted question mark is Spanish, however short")
                .isEqualTo("es");
        assertThat(detector.detect("¿Venden vino?")).isEqualTo("es");
        assertThat(detector.detect("les chiens sont-ils admis ?"))
                .as("a space before the question mark, French about as likely as English")
                .isEqualTo("fr");
        assertThat(detector.detect("les chiens sont-ils admis?"))
                .as("the same without the French spacing stays English, as before")
                .isEqualTo("en");
        assertThat(detector.detect("open on sundays ?"))
                .as("the spacing alone makes no English question French")
                .isEqualTo("en");
    }

    @Test
    void aNearTieInTheKnowledgesOwnWordsIsEnglish() {
        assertThat(detector.detect("do you do engagement parties?"))
                .as("the model alone: French by a hair")
                .isEqualTo("fr");
        assertThat(detector.detect("do you do engagement parties?", text -> 1.0))
                .isEqualTo("en");
        assertThat(detector.detect("do you do engagement parties?", text -> 0.5))
                .as("words the knowledge lacks leave the model's choice")
                .isEqualTo("fr");
        assertThat(detector.detect("Est-ce que le parking est gratuit ?", text -> 1.0))
                .as("French spacing marks it")
                .isEqualTo("fr");
        assertThat(detector.detect("¿Hay estacionamiento gratis?", text -> 1.0)).isEqualTo("es");
        assertThat(detector.detect("Quels sont vos horaires d'ouverture le samedi et le dimanche", text -> 1.0))
                .as("clearly French for the model")
                .isEqualTo("fr");
    }

    @Test
    void textWithoutLettersAndOtherLanguagesFallBackToASupportedOne() {
        assertThat(detector.detect("???")).isEqualTo("en");
        assertThat(detector.detect("Wie viel kostet die Weinprobe am Samstag?")).isIn("en", "es", "fr");
    }

    @Test
    void phrasesExistInEveryLanguageAndFallBackToEnglish() {
        for (Phrases.Key key : Phrases.Key.values()) {
            assertThat(Phrases.of(key, "de")).isEqualTo(Phrases.of(key, "en"));
        }
        assertThat(Phrases.of(Phrases.Key.DONT_KNOW, "es")).startsWith("Lo siento");
        assertThat(Phrases.of(Phrases.Key.QUOTING_ENGLISH, "en")).isEmpty();
    }
}

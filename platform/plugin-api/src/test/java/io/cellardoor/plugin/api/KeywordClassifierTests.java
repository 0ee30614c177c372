package io.cellardoor.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeywordClassifierTests {

    private final KeywordClassifier classifier = KeywordClassifier.builder()
            .rule("\\bcab(ernet)?\\b", 0.6, "grape")
            .rule("\\bprice|how much\\b", 0.3, "price")
            .build();

    @Test
    void combinesMatchedWeightsAsNoisyOr() {
        ClassifierScore score = classifier.classify(new UserQuery("How much is the Cab Franc?", "en"));
        assertThat(score.score()).isCloseTo(1 - 0.4 * 0.7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(score.evidence()).containsExactly("grape: \"cab\"", "price: \"how much\"");
    }

    @Test
    void scoresZeroWithoutEvidenceWhenNothingMatches() {
        assertThat(classifier.classify(new UserQuery("where do I park", "en"))).isEqualTo(ClassifierScore.NONE);
    }

    @Test
    void normalisesAccentsAndPunctuation() {
        assertThat(new UserQuery("Rosé?? Où ça!", "fr").normalized()).isEqualTo("rose ou ca");
    }

    @Test
    void rejectsOutOfRangeValues() {
        assertThatThrownBy(() -> new ClassifierScore(1.2, java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UserQuery("  ", "en")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DomainDescriptor("Wine", "Wines", java.util.List.of(), java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

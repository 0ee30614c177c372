package io.cellardoor.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellardoor.plugin.api.Synonyms;
import io.cellardoor.text.TermAnalyzer;
import io.cellardoor.text.Vocabulary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SynonymsAndVocabularyTests {

    @Test
    void synonymLinesParseAndBadLinesAreRefused() {
        Map<String, List<String>> map = Synonyms.parse("""
                # comment
                cab,cabs=cabernet
                degustación=tasting
                """);
        assertThat(map).containsEntry("cab", List.of("cabernet")).containsEntry("cabs", List.of("cabernet"));
        assertThatThrownBy(() -> Synonyms.parse("no equals sign")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pluginsWordsExpandQuestionsWhileGenericShorthandStays() {
        Vocabulary vocabulary = new Vocabulary();
        TermAnalyzer analyzer = new TermAnalyzer(vocabulary);
        assertThat(analyzer.expand("reserve cab hrs")).isEqualTo("reserve cab hrs hours");
        vocabulary.replace(List.of(Map.of("cab", List.of("cabernet")), Map.of("Degustación", List.of("tasting"))));
        assertThat(analyzer.expand("reserve cab")).isEqualTo("reserve cab cabernet");
        assertThat(analyzer.expand("la degustacion")).isEqualTo("la degustacion tasting");
    }

    @Test
    void foreignFunctionWordsAreNotQuestionTerms() {
        TermAnalyzer analyzer = new TermAnalyzer(new Vocabulary());
        assertThat(analyzer.termGroups("¿Cuánto cuesta la degustación?", "es"))
                .flatExtracting(g -> g)
                .doesNotContain("la", "cuanto");
        assertThat(analyzer.terms("reservations are held for 15 minutes")).contains("hold");
    }
}

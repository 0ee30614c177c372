package io.cellardoor.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.text.TermAnalyzer;
import io.cellardoor.text.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerUnitTests {

    final TermAnalyzer analyzer = new TermAnalyzer(new Vocabulary());

    @Test
    void aScriptScrapedWithThePageIsNoLineToQuote() {
        String text = "## Reserve Blaufränkisch\n"
                + "(function($){ $(window).on('load', function(){ // console.log('ready'); var n = $('#c7').length;"
                + " }); })(jQuery);\n"
                + "- Aged 18 months in French oak.\n"
                + "Our function room seats 40 (for events).";
        List<AnswerUnit> units = AnswerUnit.of(
                List.of(ExtractiveAnswerGeneratorTests.chunk(1, "wine/winemaking.md", "Winemaking", "", text, 0.4)),
                analyzer);
        assertThat(units)
                .extracting(AnswerUnit::text)
                .containsExactly("Aged 18 months in French oak.", "Our function room seats 40 (for events).");
    }
}

package io.cellardoor.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.text.TermAnalyzer;
import io.cellardoor.text.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerUnitTests {

    final TermAnalyzer analyzer = new TermAnalyzer(new Vocabulary());

    /** The units of one page's text. */
    List<AnswerUnit> units(String path, String title, String text) {
        return AnswerUnit.of(List.of(ExtractiveAnswerGeneratorTests.chunk(1, path, title, "", text, 0.4)), analyzer);
    }

    @Test
    void aScriptScrapedWithThePageIsNoLineToQuote() {
        String text = "## Reserve Blaufränkisch\n"
                + "(function($){ $(window).on('load', function(){ // console.log('ready'); var n = $('#c7').length;"
                + " }); })(jQuery);\n"
                + "- Aged 18 months in French oak.\n"
                + "Our function room seats 40 (for events).";
        List<AnswerUnit> units = units("wine/winemaking.md", "Winemaking", text);
        assertThat(units)
                .extracting(AnswerUnit::text)
                .containsExactly("Aged 18 months in French oak.", "Our function room seats 40 (for events).");
    }

    @Test
    void aLayoutFlattenedIntoOneLineIsNoLineToQuote() {
        String text = "## Ways to Earn\n"
                + "- Earn 5 points per dollar spent\n"
                + "###**5 points**###**10 Points**###**400 points**_Earn 10 points per referral_\n"
                + "- Join the top tier\n"
                + "Points: 5###10###400";
        List<AnswerUnit> units = units("club/miles.md", "Miles", text);
        assertThat(units)
                .extracting(AnswerUnit::text)
                .containsExactly("Earn 5 points per dollar spent", "Join the top tier");
        assertThat(units)
                .extracting(AnswerUnit::heading)
                .as("the flattened line is no heading either")
                .containsOnly("Ways to Earn");
    }

    @Test
    void theInitialsOfANameALineSpellsOutAreAmongItsTermsForTheWordsAsked() {
        String text = "- Approximately 2 hours north of New York City\n"
                + "- The Culinary Institute of America: a cooking school\n"
                + "- Hyde Park lies south of us\n"
                + "- Our happy people host private parties";
        List<AnswerUnit> units = AnswerUnit.withInitials(
                units("visiting/near.md", "Nearby", text), java.util.Set.of("nyc", "cia", "hp"));
        assertThat(units.get(0).terms()).contains("nyc").doesNotContain("cia");
        assertThat(units.get(1).terms()).contains("cia").doesNotContain("nyc");
        assertThat(units.get(2).terms()).contains("hp");
        assertThat(units.get(3).terms())
                .as("initials of a name, not of any words")
                .doesNotContain("hp");
    }

    @Test
    void aReferenceToAnotherPartOfThePageIsNoLineToQuote() {
        String text = "## From Connecticut\n"
                + "4. Cross the bridge\n"
                + "5. Follow directions as listed in \"From New York City\" section above\n"
                + "- Parking: see below\n"
                + "- The vineyard sits 200 feet above the river.";
        List<AnswerUnit> units = units("visiting/directions.md", "Directions", text);
        assertThat(units)
                .extracting(AnswerUnit::text)
                .containsExactly("4. Cross the bridge", "The vineyard sits 200 feet above the river.");
    }

    @Test
    void aTableRowIsSaidWithTheNamesOfItsColumns() {
        String text = "## Earning points\n"
                + "Activity | Silver Tier | Gold Tier\n"
                + "Per Dollar Spent | 1 point | 3 points\n"
                + "Signup Bonus | 100 points | 200 points\n"
                + "## Rewards\n"
                + "Reward | Points Required\n"
                + "Tote Bag | 500 points";
        List<AnswerUnit> units = units("club/points.md", "Points", text);
        assertThat(units)
                .extracting(AnswerUnit::text)
                .containsExactly(
                        "Per Dollar Spent | Silver Tier: 1 point | Gold Tier: 3 points",
                        "Signup Bonus | Silver Tier: 100 points | Gold Tier: 200 points",
                        "Tote Bag | Points Required: 500 points");
        assertThat(units.getFirst().terms())
                .contains(analyzer.terms("silver").iterator().next());
    }
}

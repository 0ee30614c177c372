package io.cellardoor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTests {

    @Test
    void replacesItsOwnSectionAndKeepsTheRest() {
        String text =
                "# Benchmarks\n\nintro\n\n<!-- bench:quality -->\nold\n<!-- /bench:quality -->\n\nanalysis\n<!-- bench:end -->\n";
        String out = Report.replaceSection(text, "quality", "<!-- bench:quality -->\nnew\n<!-- /bench:quality -->");
        assertThat(out).contains("intro").contains("new").doesNotContain("old").contains("analysis");
    }

    @Test
    void insertsANewSectionBeforeTheEndMarker() {
        String text = "# Benchmarks\n\n<!-- bench:end -->\ntail\n";
        String out = Report.replaceSection(text, "load", "<!-- bench:load -->\nx\n<!-- /bench:load -->");
        assertThat(out.indexOf("bench:load")).isLessThan(out.indexOf("bench:end"));
        assertThat(out).endsWith("tail\n");
    }

    @Test
    void appendsWhenThereIsNoEndMarker() {
        String out = Report.replaceSection("# B\n", "ingest", "<!-- bench:ingest -->\ny\n<!-- /bench:ingest -->");
        assertThat(out).startsWith("# B").endsWith("<!-- /bench:ingest -->\n");
    }
}

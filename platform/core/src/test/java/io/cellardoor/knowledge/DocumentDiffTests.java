package io.cellardoor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.knowledge.DocumentDiff.Change;
import io.cellardoor.knowledge.DocumentDiff.Line;
import org.junit.jupiter.api.Test;

class DocumentDiffTests {

    @Test
    void changedLinesAreRemovedThenAddedWithBothLineNumbers() {
        DocumentDiff diff = DocumentDiff.between(
                "# Hours\n- Monday: Closed\n- Sunday: 11-6\n",
                "# Hours\r\n- Monday: 10-4\r\n- Sunday: 11-6\r\n- Holidays: closed\r\n");

        assertThat(diff.lines())
                .containsExactly(
                        new Line(Change.SAME, 1, 1, "# Hours"),
                        new Line(Change.REMOVED, 2, null, "- Monday: Closed"),
                        new Line(Change.ADDED, null, 2, "- Monday: 10-4"),
                        new Line(Change.SAME, 3, 3, "- Sunday: 11-6"),
                        new Line(Change.ADDED, null, 4, "- Holidays: closed"));
        assertThat(diff.changedLines()).isEqualTo(3);
    }

    @Test
    void againstNothingEveryLineIsRemoved() {
        assertThat(DocumentDiff.between("a\nb", "").lines())
                .extracting(Line::change)
                .containsExactly(Change.REMOVED, Change.REMOVED);
        assertThat(DocumentDiff.between("same", "same").changedLines()).isZero();
    }
}

package io.cellardoor.admin.knowledge.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.cellardoor.knowledge.DocumentDiff;

/**
 * A line-by-line diff: removed lines marked {@code -} (class {@code cd-diff-removed}), added ones {@code +}
 * ({@code cd-diff-added}), with old and new line numbers. Every line is set as text, never as HTML.
 */
public class DiffView extends Div {

    public DiffView() {
        addClassName("cd-diff");
    }

    /** Shows a diff, replacing what was shown. */
    public void show(DocumentDiff diff) {
        removeAll();
        if (diff.changedLines() == 0) {
            Div same = new Div("No differences.");
            same.addClassName("cd-muted");
            add(same);
        }
        for (DocumentDiff.Line line : diff.lines()) {
            Div row = new Div();
            row.addClassName("cd-diff-line");
            row.addClassName(
                    switch (line.change()) {
                        case SAME -> "cd-diff-same";
                        case ADDED -> "cd-diff-added";
                        case REMOVED -> "cd-diff-removed";
                    });
            Span oldNumber =
                    new Span(line.oldNumber() == null ? "" : line.oldNumber().toString());
            Span newNumber =
                    new Span(line.newNumber() == null ? "" : line.newNumber().toString());
            oldNumber.addClassName("cd-diff-number");
            newNumber.addClassName("cd-diff-number");
            Span marker = new Span(
                    switch (line.change()) {
                        case SAME -> " ";
                        case ADDED -> "+";
                        case REMOVED -> "-";
                    });
            marker.addClassName("cd-diff-marker");
            Span text = new Span(line.text());
            text.addClassName("cd-diff-text");
            row.add(oldNumber, newNumber, marker, text);
            add(row);
        }
    }

    /** Shows nothing. */
    public void clear() {
        removeAll();
    }
}

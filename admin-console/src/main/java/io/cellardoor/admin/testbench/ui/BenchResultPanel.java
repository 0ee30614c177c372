package io.cellardoor.admin.testbench.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.cellardoor.answer.Citation;
import io.cellardoor.plugin.DomainScore;
import io.cellardoor.testbench.BenchChunk;
import io.cellardoor.testbench.BenchResult;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** One test bench run: the answer with citations, every plugin's score and evidence, and the ranked chunks. */
class BenchResultPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    BenchResultPanel(String heading, BenchResult r) {
        setPadding(false);
        H3 title = new H3(heading + " · " + WHEN.format(r.ranAt()));
        title.getStyle().set("margin", "0");
        Span meta = new Span("“%s” · %s · %s · confidence %.2f · %d ms"
                .formatted(
                        r.question(),
                        r.answered() ? "answered" : "declined",
                        r.generator(),
                        r.confidence(),
                        r.latencyMs()));
        meta.addClassName("cd-muted");
        Paragraph answer = new Paragraph(r.answer());
        answer.getStyle().set("white-space", "pre-wrap");
        answer.addClassName("cd-gap");
        add(title, meta, answer);
        Grid<io.cellardoor.testbench.BenchStage> stages = new Grid<>();
        stages.setId("bench-stages");
        stages.addColumn(io.cellardoor.testbench.BenchStage::stage)
                .setHeader("Stage")
                .setFlexGrow(0)
                .setWidth("9em");
        stages.addColumn(io.cellardoor.testbench.BenchStage::output).setHeader("Output");
        stages.setItems(r.stages());
        stages.setAllRowsVisible(true);
        add(stages);
        if (!r.citations().isEmpty()) {
            add(new Span(
                    "Citations: " + r.citations().stream().map(Citation::path).collect(Collectors.joining(", "))));
        }
        if (r.curated() != null) {
            Span curated = new Span("The chat would give curated answer #%d instead (similarity %.2f to “%s”)."
                    .formatted(
                            r.curated().id(),
                            r.curated().similarity(),
                            r.curated().question()));
            curated.getStyle().set("color", "var(--lumo-primary-text-color)");
            add(curated);
        }

        Grid<DomainScore> scores = new Grid<>(DomainScore.class, false);
        scores.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        scores.addColumn(DomainScore::domain).setHeader("Domain").setAutoWidth(true);
        scores.addColumn(s -> "%.2f".formatted(s.score())).setHeader("Score").setAutoWidth(true);
        scores.addColumn(s -> String.join(", ", s.evidence()))
                .setHeader("Evidence")
                .setFlexGrow(3);
        scores.setItems(r.classification().scores());
        scores.setAllRowsVisible(true);
        add(
                new Span("Classification: primary " + r.classification().primary()
                        + (r.classification().related().isEmpty()
                                ? ""
                                : ", related "
                                        + String.join(", ", r.classification().related()))
                        + (r.classification().skipped().isEmpty()
                                ? ""
                                : ", skipped "
                                        + String.join(", ", r.classification().skipped()))),
                scores);

        Grid<BenchChunk> chunks = new Grid<>(BenchChunk.class, false);
        chunks.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        chunks.addColumn(BenchChunk::fusedRank)
                .setHeader("Fused")
                .setAutoWidth(true)
                .setFlexGrow(0);
        chunks.addColumn(c -> c.fullTextRank() == null ? "–" : c.fullTextRank().toString())
                .setHeader("Full text")
                .setAutoWidth(true)
                .setFlexGrow(0);
        chunks.addColumn(c -> c.vectorRank() == null ? "–" : c.vectorRank().toString())
                .setHeader("Vector")
                .setAutoWidth(true)
                .setFlexGrow(0);
        chunks.addColumn(c -> "%.4f".formatted(c.score()))
                .setHeader("Score")
                .setAutoWidth(true)
                .setFlexGrow(0);
        chunks.addColumn(c -> c.path() + (c.headingPath().isBlank() ? "" : " › " + c.headingPath()))
                .setHeader("Where")
                .setFlexGrow(2);
        chunks.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(c -> {
            Div text = new Div(c.text());
            text.addClassName("cd-chunk-text");
            return text;
        }));
        chunks.setItems(r.chunks());
        chunks.setAllRowsVisible(true);
        add(new Span("Retrieved chunks (click one for its full text):"), chunks);
    }
}

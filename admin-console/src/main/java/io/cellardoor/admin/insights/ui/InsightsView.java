package io.cellardoor.admin.insights.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.cellardoor.admin.console.ConsoleLayout;
import io.cellardoor.admin.console.CurrentStaff;
import io.cellardoor.identity.Role;
import io.cellardoor.insights.Insights;
import io.cellardoor.insights.InsightsService;
import io.cellardoor.insights.KnowledgeGap;
import io.cellardoor.knowledge.KnowledgeImporter;
import java.util.Locale;

/**
 * The org's insights ({@link InsightsService}, the twin of {@code GET /api/v1/admin/insights}): headline figures,
 * questions per day and top domains as SVG charts with data tables, and knowledge gaps, each with "write a document
 * for this" for editors.
 */
@Route(value = "insights", layout = ConsoleLayout.class)
@PageTitle("Insights · Cellar Door")
public class InsightsView extends VerticalLayout {

    private final InsightsService insights;
    private final KnowledgeImporter importer;
    private final long orgId;
    private final String actor;
    private final boolean mayWrite;
    private final Select<Integer> days = new Select<>();
    private final VerticalLayout content = new VerticalLayout();

    public InsightsView(CurrentStaff staff, InsightsService insights, KnowledgeImporter importer) {
        this.insights = insights;
        this.importer = importer;
        this.orgId = staff.orgId();
        this.actor = staff.user().username();
        this.mayWrite = staff.has(Role.EDITOR);
        H2 title = new H2("Insights");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        days.setLabel("Period");
        days.setId("insights-days");
        days.setItems(7, 30, 90, 365);
        days.setItemLabelGenerator(d -> "Last " + d + " days");
        days.setValue(30);
        days.addValueChangeListener(e -> reload());
        content.setPadding(false);
        add(title, days, content);
        reload();
    }

    private void reload() {
        Insights i = insights.insights(orgId, days.getValue());
        content.removeAll();
        FlexLayout figures = new FlexLayout(
                figure("Questions", Long.toString(i.questions())),
                figure("Answer rate", percent(i.answerRate())),
                figure(
                        "Feedback 👍 / (👍+👎)",
                        percent(i.feedbackRatio()) + " (" + i.feedbackUp() + " / " + (i.feedbackUp() + i.feedbackDown())
                                + ")"),
                figure("Latency p95", i.latencyP95Ms() == null ? "–" : Math.round(i.latencyP95Ms()) + " ms"));
        figures.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        figures.getStyle().set("gap", "var(--lumo-space-m)");
        content.add(figures);

        content.add(
                new H3("Questions per day"),
                SvgCharts.columns(
                        "Questions per day",
                        "Questions asked on each UTC day of the last %d days; the darker part of each bar was answered."
                                .formatted(i.days()),
                        i.perDay().stream()
                                .map(d ->
                                        new SvgCharts.Bar(d.day().toString().substring(5), d.questions(), d.answered()))
                                .toList(),
                        "questions",
                        "answered"));
        content.add(
                new H3("Top domains"),
                SvgCharts.rows(
                        "Questions per domain",
                        "How many questions each domain received in the period, most first.",
                        i.topDomains().stream()
                                .map(d -> new SvgCharts.Bar(d.domain(), d.questions(), d.questions()))
                                .toList(),
                        "questions"));

        content.add(new H3("Knowledge gaps"));
        if (i.gaps().isEmpty()) {
            content.add(new Span("No unanswered or low-confidence questions in this period."));
        }
        for (KnowledgeGap gap : i.gaps()) {
            content.add(gapCard(gap));
        }
    }

    private Div gapCard(KnowledgeGap gap) {
        UnorderedList examples = new UnorderedList();
        gap.examples().forEach(q -> examples.add(new ListItem(q)));
        Span size =
                new Span(gap.questions() + (gap.questions() == 1 ? " question" : " questions") + " · " + gap.domain());
        size.addClassName("cd-muted");
        Div card = new Div(size, examples);
        card.addClassName("cd-gap");
        if (mayWrite) {
            Button write = new Button(
                    "Write a document for this", e -> new NewDocumentDialog(orgId, actor, importer, gap).open());
            write.addThemeVariants(ButtonVariant.LUMO_SMALL);
            card.add(new HorizontalLayout(write));
        }
        return card;
    }

    private static Div figure(String label, String value) {
        Span v = new Span(value);
        v.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        Span l = new Span(label);
        l.addClassName("cd-muted");
        Div d = new Div(v, new Div(l));
        d.addClassName("cd-figure");
        return d;
    }

    private static String percent(@org.jspecify.annotations.Nullable Double ratio) {
        return ratio == null ? "–" : String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }
}

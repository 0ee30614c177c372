package io.cellardoor.admin.testbench.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.cellardoor.admin.console.ConsoleLayout;
import io.cellardoor.admin.console.CurrentStaff;
import io.cellardoor.testbench.BenchResult;
import io.cellardoor.testbench.TestBench;
import io.cellardoor.web.ApiProblem;
import org.jspecify.annotations.Nullable;

/**
 * The test bench ({@link TestBench}, the twin of {@code POST /api/v1/admin/test-bench}): type a question, see what the
 * pipeline makes of it without storing anything; "pin as before" keeps a run so that, after editing the knowledge, the
 * next run shows beside it.
 */
@Route(value = "test-bench", layout = ConsoleLayout.class)
@PageTitle("Test bench · Cellar Door")
public class TestBenchView extends VerticalLayout {

    private final TestBench bench;
    private final long orgId;
    private final TextArea question = new TextArea("Question");
    private final Button pin = new Button("Pin as before");
    private final HorizontalLayout results = new HorizontalLayout();
    private @Nullable BenchResult pinned;
    private @Nullable BenchResult latest;

    public TestBenchView(CurrentStaff staff, TestBench bench) {
        this.bench = bench;
        this.orgId = staff.orgId();
        H2 title = new H2("Test bench");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span hint = new Span(
                "A dry run: nothing is stored, the semantic cache is skipped and curated answers are only reported.");
        hint.addClassName("cd-muted");
        question.setId("bench-question");
        question.setWidthFull();
        question.setMaxLength(2000);
        Button run = new Button("Run", e -> run());
        run.setId("bench-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pin.setId("bench-pin");
        pin.setEnabled(false);
        pin.addClickListener(e -> {
            pinned = latest;
            Notification.show(
                    "Pinned. Edit the knowledge, then run again to compare.", 3000, Notification.Position.BOTTOM_START);
            render();
        });
        Button unpin = new Button("Clear pin", e -> {
            pinned = null;
            render();
        });
        HorizontalLayout actions = new HorizontalLayout(run, pin, unpin);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        results.setWidthFull();
        results.setId("bench-results");
        add(title, hint, question, actions, results);
    }

    private void run() {
        try {
            latest = bench.run(orgId, question.getValue());
            pin.setEnabled(true);
            render();
        } catch (ApiProblem e) {
            question.setInvalid(true);
            question.setErrorMessage(e.getMessage());
        }
    }

    private void render() {
        question.setInvalid(false);
        results.removeAll();
        if (pinned != null) {
            BenchResultPanel before = new BenchResultPanel("Before (pinned)", pinned);
            results.add(before);
            results.setFlexGrow(1, before);
        }
        if (latest != null && latest != pinned) {
            BenchResultPanel now = new BenchResultPanel(pinned == null ? "Result" : "After", latest);
            results.add(now);
            results.setFlexGrow(1, now);
        }
    }
}

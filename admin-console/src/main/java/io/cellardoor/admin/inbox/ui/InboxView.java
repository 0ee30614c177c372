package io.cellardoor.admin.inbox.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.cellardoor.admin.console.ConsoleLayout;
import io.cellardoor.admin.console.CurrentStaff;
import io.cellardoor.admin.insights.ui.NewDocumentDialog;
import io.cellardoor.handoff.HandoffRequest;
import io.cellardoor.handoff.HandoffService;
import io.cellardoor.identity.Role;
import io.cellardoor.insights.InsightsService;
import io.cellardoor.knowledge.KnowledgeImporter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Questions visitors left for the team, newest first; editors and above mark them resolved, or write a document for
 * the knowledge gap a question reveals (a new markdown page prefilled with the question).
 */
@Route(value = "inbox", layout = ConsoleLayout.class)
@PageTitle("Inbox · Cellar Door")
public class InboxView extends VerticalLayout {

    static final int LIMIT = 200;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final HandoffService handoffs;
    private final long orgId;
    private final String actor;
    private final Grid<HandoffRequest> grid = new Grid<>(HandoffRequest.class, false);
    private final Select<String> status = new Select<>();

    public InboxView(CurrentStaff staff, HandoffService handoffs, KnowledgeImporter importer) {
        this.handoffs = handoffs;
        this.orgId = staff.orgId();
        this.actor = staff.user().username();
        boolean mayResolve = staff.has(Role.EDITOR);

        status.setLabel("Status");
        status.setItems("open", "assigned", "resolved");
        status.setValue("open");
        status.addValueChangeListener(e -> reload());

        grid.setId("handoffs");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> WHEN.format(r.createdAt()))
                .setHeader("Left")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(HandoffRequest::question).setHeader("Question").setFlexGrow(4);
        grid.addColumn(r -> r.name() == null ? "" : r.name()).setHeader("Name").setFlexGrow(1);
        grid.addComponentColumn(r -> new Anchor("mailto:" + r.email(), r.email()))
                .setHeader("Email")
                .setFlexGrow(2);
        if (mayResolve) {
            grid.addComponentColumn(r -> {
                        Button resolve = new Button("Resolve", e -> resolve(r));
                        resolve.addThemeVariants(ButtonVariant.LUMO_SMALL);
                        resolve.setVisible(!"resolved".equals(r.status()));
                        Button write = new Button(
                                "Write a document",
                                e -> new NewDocumentDialog(orgId, actor, importer, InsightsService.gapOf(r.question()))
                                        .open());
                        write.addThemeVariants(ButtonVariant.LUMO_SMALL);
                        return new HorizontalLayout(write, resolve);
                    })
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        H2 title = new H2("Inbox");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        add(title, status, grid);
        setSizeFull();
        setFlexGrow(1, grid);
        reload();
    }

    private void resolve(HandoffRequest request) {
        if (handoffs.resolve(orgId, request.id())) {
            Notification.show("Resolved.", 2500, Notification.Position.BOTTOM_START);
        }
        reload();
    }

    private void reload() {
        grid.setItems(handoffs.inbox(orgId, status.getValue(), LIMIT));
    }
}

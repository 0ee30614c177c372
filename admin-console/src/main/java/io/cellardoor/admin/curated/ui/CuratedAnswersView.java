package io.cellardoor.admin.curated.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.cellardoor.admin.console.ConsoleLayout;
import io.cellardoor.admin.console.CurrentStaff;
import io.cellardoor.curated.CuratedAnswer;
import io.cellardoor.curated.CuratedAnswers;
import io.cellardoor.identity.Role;
import io.cellardoor.knowledge.KnowledgeStore;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Curated answers ({@link CuratedAnswers}, the twin of {@code /api/v1/admin/curated-answers}): the org's list with hit
 * counts; editors write, edit and delete them (answers are also approved from a transcript in Conversations).
 */
@Route(value = "curated", layout = ConsoleLayout.class)
@PageTitle("Curated answers · Cellar Door")
public class CuratedAnswersView extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final CuratedAnswers curated;
    private final KnowledgeStore knowledge;
    private final long orgId;
    private final String username;
    private final Grid<CuratedAnswer> grid = new Grid<>(CuratedAnswer.class, false);

    public CuratedAnswersView(CurrentStaff staff, CuratedAnswers curated, KnowledgeStore knowledge) {
        this.curated = curated;
        this.knowledge = knowledge;
        this.orgId = staff.orgId();
        this.username = staff.user().username();
        boolean mayEdit = staff.has(Role.EDITOR);
        H2 title = new H2("Curated answers");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span hint = new Span(
                "A chat question at least %.2f similar to a curated question gets its answer, ahead of the cache."
                        .formatted(curated.minSimilarity()));
        hint.addClassName("cd-muted");
        grid.setId("curated-answers");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(CuratedAnswer::question).setHeader("Question").setFlexGrow(2);
        grid.addColumn(CuratedAnswer::answer).setHeader("Answer").setFlexGrow(3);
        grid.addColumn(a -> a.documentPath() == null ? "" : a.documentPath())
                .setHeader("Cites")
                .setFlexGrow(1);
        grid.addColumn(CuratedAnswer::hits)
                .setHeader("Hits")
                .setSortable(true)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> a.lastHitAt() == null ? "" : WHEN.format(a.lastHitAt()))
                .setHeader("Last hit")
                .setAutoWidth(true);
        grid.addColumn(CuratedAnswer::approvedBy).setHeader("Approved by").setAutoWidth(true);
        Button create = new Button("New curated answer", e -> edit(null));
        create.setId("curated-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(mayEdit);
        if (mayEdit) {
            grid.addComponentColumn(a -> {
                        Button edit = new Button("Edit", e -> edit(a));
                        Button delete = new Button("Delete", e -> confirmDelete(a));
                        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
                        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                        return new HorizontalLayout(edit, delete);
                    })
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        add(title, hint, create, grid);
        setSizeFull();
        setFlexGrow(1, grid);
        reload();
    }

    private void edit(@org.jspecify.annotations.Nullable CuratedAnswer existing) {
        new CuratedAnswerDialog(orgId, username, curated, knowledge.listAllDocuments(orgId), existing, this::reload)
                .open();
    }

    private void confirmDelete(CuratedAnswer a) {
        ConfirmDialog dialog = new ConfirmDialog(
                "Delete this curated answer?",
                "“" + a.question() + "” (" + a.hits() + " hits). Later questions get computed answers again.",
                "Delete",
                e -> {
                    curated.delete(orgId, username, a.id());
                    Notification.show("Deleted.", 2500, Notification.Position.BOTTOM_START);
                    reload();
                });
        dialog.setCancelable(true);
        dialog.open();
    }

    private void reload() {
        grid.setItems(curated.list(orgId));
    }
}

package io.cellardoor.admin.knowledge.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.cellardoor.knowledge.DocumentService;
import io.cellardoor.knowledge.DocumentVersion;
import io.cellardoor.knowledge.ImportReport;
import io.cellardoor.knowledge.StaleDocumentException;
import io.cellardoor.web.ApiProblem;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A document's versions, newest first: select one to see it against the current text, line by line; editors may roll
 * back to it (a new version with its text, re-indexed in the background, audited). Also opens for deleted documents,
 * whose rollback restores them.
 */
class HistoryDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(HistoryDialog.class);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final long orgId;
    private final String actor;
    private final String path;
    private @Nullable String currentHash;
    private final DocumentService documents;
    private final Consumer<String> rolledBack;
    private final Grid<DocumentVersion> versions = new Grid<>(DocumentVersion.class, false);
    private final DiffView diff = new DiffView();
    private final Button rollback = new Button("Roll back to this version");
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();

    /**
     * @param currentHash content hash of the document as the editor has it open, null when it is deleted
     * @param rolledBack called with the path after a rollback committed
     */
    HistoryDialog(
            long orgId,
            String actor,
            String path,
            @Nullable String currentHash,
            boolean mayEdit,
            DocumentService documents,
            Consumer<String> rolledBack) {
        this.orgId = orgId;
        this.actor = actor;
        this.path = path;
        this.currentHash = currentHash;
        this.documents = documents;
        this.rolledBack = rolledBack;
        setId("history-dialog");
        setHeaderTitle("History of " + path);
        setWidth("min(95vw, 70em)");
        setHeight("80vh");

        versions.setId("versions");
        versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        versions.addColumn(v -> WHEN.format(v.at()))
                .setHeader("When")
                .setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(DocumentVersion::author)
                .setHeader("Author")
                .setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(v -> v.kind().code())
                .setHeader("Change")
                .setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(DocumentVersion::title).setHeader("Title").setFlexGrow(1);
        versions.setItems(documents.versions(orgId, path));
        versions.setHeight("14em");
        versions.asSingleSelect().addValueChangeListener(e -> showDiff(e.getValue()));

        diff.setId("version-diff");
        diff.setWidthFull();
        diff.setHeight("calc(80vh - 24em)");
        rollback.setId("rollback");
        rollback.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rollback.setEnabled(false);
        rollback.setVisible(mayEdit);
        rollback.addClickListener(e -> confirmRollback());
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("8em");
        status.setId("rollback-status");
        status.addClassName("cd-muted");
        Span legend = new Span("Selected version (−) against the current text (+).");
        legend.addClassName("cd-muted");
        HorizontalLayout actions = new HorizontalLayout(rollback, progress, status);
        actions.setDefaultVerticalComponentAlignment(HorizontalLayout.Alignment.CENTER);
        VerticalLayout body = new VerticalLayout(versions, legend, diff, actions);
        body.setPadding(false);
        body.setSizeFull();
        add(body);
        Button close = new Button("Close", e -> close());
        close.setId("history-close");
        getFooter().add(close);
    }

    private void showDiff(@Nullable DocumentVersion version) {
        rollback.setEnabled(version != null && !progress.isVisible());
        if (version == null) {
            diff.clear();
            return;
        }
        documents.diffWithCurrent(orgId, version.id()).ifPresentOrElse(diff::show, diff::clear);
    }

    private void confirmRollback() {
        DocumentVersion version = versions.asSingleSelect().getValue();
        if (version == null) {
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("rollback-confirm");
        confirm.setHeader("Roll back " + path + "?");
        confirm.setText(
                "The text of the version of " + WHEN.format(version.at()) + " by " + version.author()
                        + " becomes the current text; the chat uses it once it is re-indexed. The current text stays in the history.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Roll back");
        confirm.addConfirmListener(e -> rollBack(version));
        confirm.open();
    }

    private void rollBack(DocumentVersion version) {
        UI ui = UI.getCurrent();
        progress.setVisible(true);
        rollback.setEnabled(false);
        status.setText("Rolling back…");
        ui.setPollInterval(400);
        Thread.ofVirtual().name("console-rollback").start(() -> {
            try {
                ImportReport report = documents
                        .rollback(
                                orgId, actor, version.id(), currentHash, line -> ui.access(() -> status.setText(line)))
                        .orElseThrow();
                ui.access(() -> {
                    finish(ui);
                    status.setText("Rolled back and re-indexed (%d chunks embedded, %d reused); the chat uses it now."
                            .formatted(report.chunksEmbedded(), report.chunksReused()));
                    currentHash = version.contentHash();
                    versions.setItems(documents.versions(orgId, path));
                    rolledBack.accept(path);
                });
            } catch (StaleDocumentException e) {
                ui.access(() -> {
                    finish(ui);
                    status.setText(
                            "Not rolled back: someone changed the document since you opened it. Reopen it first.");
                });
            } catch (ApiProblem e) { // restoring a deleted document past the plan's documents
                ui.access(() -> {
                    finish(ui);
                    status.setText("Not rolled back: " + e.getMessage());
                });
            } catch (RuntimeException e) {
                log.error("Rolling back {} failed", path, e);
                ui.access(() -> {
                    finish(ui);
                    status.setText("Not rolled back.");
                    Notification.show("Rollback failed: " + e.getMessage(), 8000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                });
            }
        });
    }

    private void finish(UI ui) {
        ui.setPollInterval(-1);
        progress.setVisible(false);
        rollback.setEnabled(versions.asSingleSelect().getValue() != null);
    }
}

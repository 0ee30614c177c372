package io.cellardoor.admin.knowledge.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.cellardoor.knowledge.DocumentService;
import io.cellardoor.knowledge.ImportReport;
import io.cellardoor.knowledge.InvalidDocumentException;
import io.cellardoor.knowledge.KnowledgeStore;
import io.cellardoor.knowledge.KnowledgeStore.DocumentSource;
import io.cellardoor.knowledge.StaleDocumentException;
import io.cellardoor.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One document's markdown with a rendered preview. Save stores the text and re-indexes just this document in the
 * background (the previous version keeps answering until it commits), showing progress; if someone saved the document
 * after it was opened, Save shows a conflict instead of overwriting their change. History shows the document's
 * versions with a diff and rollback; Delete (after confirmation) removes it, keeping its versions.
 */
class DocumentEditor extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(DocumentEditor.class);
    private static final int POLL_MILLIS = 400;

    private final long orgId;
    private final String actor;
    private final KnowledgeStore store;
    private final DocumentService documents;
    private final boolean mayEdit;
    private final Runnable saved;

    private final H2 title = new H2("Select a document");
    private final Span path = new Span();
    private final TextArea markdown = new TextArea();
    private final Div preview = new Div();
    private final Button save = new Button("Save");
    private final Button revert = new Button("Revert");
    private final Button history = new Button("History");
    private final Button delete = new Button("Delete");
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();

    private @Nullable DocumentSource opened;

    /**
     * @param actor the signed-in staff member's username, the author of saves and deletions
     * @param saved called after the org's documents changed (save, rollback, delete)
     */
    DocumentEditor(
            long orgId,
            String actor,
            KnowledgeStore store,
            DocumentService documents,
            boolean mayEdit,
            Runnable saved) {
        this.orgId = orgId;
        this.actor = actor;
        this.store = store;
        this.documents = documents;
        this.mayEdit = mayEdit;
        this.saved = saved;

        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        path.addClassName("cd-muted");
        path.setId("document-path");
        markdown.setId("markdown");
        markdown.setLabel(mayEdit ? "Markdown" : "Markdown (read only: editors may change it)");
        markdown.addClassName("cd-editor");
        markdown.setWidthFull();
        markdown.setReadOnly(true);
        markdown.setValueChangeMode(ValueChangeMode.LAZY);
        markdown.setValueChangeTimeout(300);
        markdown.addValueChangeListener(e -> {
            renderPreview();
            updateButtons();
        });
        preview.setId("preview");
        preview.addClassName("cd-preview");
        preview.setWidthFull();

        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.setVisible(mayEdit);
        revert.setId("revert");
        revert.addClickListener(e -> open(opened == null ? "" : opened.path()));
        revert.setVisible(mayEdit);
        history.setId("history");
        history.addClickListener(e -> openHistory());
        delete.setId("delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> confirmDelete());
        delete.setVisible(mayEdit);
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("8em");
        status.setId("save-status");
        status.addClassName("cd-muted");
        HorizontalLayout actions = new HorizontalLayout(save, revert, history, delete, progress, status);
        actions.setDefaultVerticalComponentAlignment(Alignment.CENTER);

        HorizontalLayout panes = new HorizontalLayout(markdown, preview);
        panes.setWidthFull();
        panes.setFlexGrow(1, markdown, preview);
        markdown.setMinHeight("24em");
        preview.setMinHeight("24em");
        add(title, path, actions, panes);
        setSizeFull();
        updateButtons();
    }

    /** Opens the org's document at a path, remembering the version (content hash) the edit starts from. */
    void open(String documentPath) {
        opened = store.findSource(orgId, documentPath).orElse(null);
        if (opened == null) {
            title.setText("Select a document");
            path.setText("");
            markdown.setReadOnly(true);
            markdown.clear();
        } else {
            title.setText(opened.title());
            path.setText(opened.path());
            markdown.setValue(opened.markdown());
            markdown.setReadOnly(!mayEdit);
            status.setText("");
        }
        renderPreview();
        updateButtons();
    }

    private void renderPreview() {
        preview.getElement().setProperty("innerHTML", MarkdownPreview.toSafeHtml(markdown.getValue()));
    }

    private boolean changed() {
        return opened != null && !opened.markdown().equals(markdown.getValue());
    }

    private void updateButtons() {
        save.setEnabled(mayEdit && changed() && !progress.isVisible());
        revert.setEnabled(mayEdit && changed() && !progress.isVisible());
        history.setEnabled(opened != null && !progress.isVisible());
        delete.setEnabled(mayEdit && opened != null && !progress.isVisible());
    }

    private void save() {
        DocumentSource base = opened;
        if (base == null || !mayEdit) {
            return;
        }
        String text = markdown.getValue();
        UI ui = UI.getCurrent();
        progress.setVisible(true);
        markdown.setReadOnly(true);
        status.setText("Saving…");
        updateButtons();
        ui.setPollInterval(POLL_MILLIS);
        Thread.ofVirtual().name("console-reindex").start(() -> {
            try {
                ImportReport report = documents.save(
                        orgId,
                        actor,
                        base.path(),
                        text,
                        base.contentHash(),
                        line -> ui.access(() -> status.setText(line)));
                ui.access(() -> {
                    finish();
                    open(base.path());
                    status.setText("Saved and re-indexed (%d chunks embedded, %d reused, %d ms); the chat uses it now."
                            .formatted(report.chunksEmbedded(), report.chunksReused(), report.millis()));
                    saved.run();
                });
            } catch (StaleDocumentException e) {
                ui.access(() -> {
                    finish();
                    status.setText("Not saved: conflict.");
                    conflict(base.path());
                });
            } catch (InvalidDocumentException e) {
                ui.access(() -> {
                    finish();
                    status.setText("Not saved.");
                    error("This markdown cannot be imported: " + e.reason());
                });
            } catch (ApiProblem e) { // the plan's documents are reached
                ui.access(() -> {
                    finish();
                    status.setText("Not saved.");
                    error(e.getMessage());
                });
            } catch (RuntimeException e) {
                log.error("Saving {} failed", base.path(), e);
                ui.access(() -> {
                    finish();
                    status.setText("Not saved.");
                    error("Saving failed: " + e.getMessage());
                });
            }
        });
    }

    private void openHistory() {
        DocumentSource base = opened;
        if (base != null) {
            new HistoryDialog(orgId, actor, base.path(), base.contentHash(), mayEdit, documents, path -> {
                        open(path);
                        saved.run();
                    })
                    .open();
        }
    }

    private void confirmDelete() {
        DocumentSource base = opened;
        if (base == null || !mayEdit) {
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("delete-confirm");
        dialog.setHeader("Delete " + base.path() + "?");
        dialog.setText("The page and its index are removed and the chat stops using it. Its versions stay: "
                + "restore it from “Deleted documents”.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Delete");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                boolean deleted = documents.delete(orgId, actor, base.path(), base.contentHash());
                open(base.path());
                status.setText(deleted ? "Deleted " + base.path() + "." : "Already deleted.");
                saved.run();
            } catch (StaleDocumentException stale) {
                status.setText("Not deleted: conflict.");
                conflict(base.path());
            }
        });
        dialog.open();
    }

    private void finish() {
        UI.getCurrent().setPollInterval(-1);
        progress.setVisible(false);
        markdown.setReadOnly(!mayEdit || opened == null);
        updateButtons();
    }

    private void conflict(String documentPath) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("conflict");
        dialog.setHeader("Someone else saved this page");
        dialog.setText("“" + documentPath + "” changed after you opened it, so your edit was not saved. "
                + "Load their version (your text is discarded), or keep your text to copy it before reloading.");
        dialog.setConfirmText("Load their version");
        dialog.addConfirmListener(e -> open(documentPath));
        dialog.setCancelable(true);
        dialog.setCancelText("Keep my text");
        dialog.open();
    }

    private static void error(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}

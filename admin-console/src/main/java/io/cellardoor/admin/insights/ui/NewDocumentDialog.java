package io.cellardoor.admin.insights.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.cellardoor.insights.KnowledgeGap;
import io.cellardoor.knowledge.Change;
import io.cellardoor.knowledge.InvalidDocumentException;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.knowledge.StaleDocumentException;
import io.cellardoor.knowledge.VersionKind;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Write a document for this": a new markdown document for a knowledge gap (or a handoff's question), prefilled with a
 * path and a draft, saved through the knowledge's single-document import
 * ({@link KnowledgeImporter#importDocument} with no previous version, so an existing document at the path is never
 * overwritten). The import runs in the background with progress; the chat uses the document once it commits.
 */
public class NewDocumentDialog extends Dialog {

    /** A relative path of folders and a file name ending in {@code .md}; no {@code ..}, no leading slash. */
    static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_.-]+)*\\.md");

    private static final Logger log = LoggerFactory.getLogger(NewDocumentDialog.class);

    private final long orgId;
    private final String actor;
    private final KnowledgeImporter importer;
    private final TextField path = new TextField("Path");
    private final TextArea markdown = new TextArea("Markdown");
    private final Button save = new Button("Save document");
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();

    /**
     * @param orgId the org the document is written to
     * @param gap its suggested path and draft fill the form
     */
    public NewDocumentDialog(long orgId, String actor, KnowledgeImporter importer, KnowledgeGap gap) {
        this.orgId = orgId;
        this.actor = actor;
        this.importer = importer;
        setHeaderTitle("Write a document for this");
        setId("new-document");
        setWidth("min(60rem, 95vw)");
        path.setId("new-document-path");
        path.setValue(gap.suggestedPath());
        path.setWidthFull();
        path.setHelperText("Its top folder decides its domain, e.g. visiting/… or wine/…");
        markdown.setId("new-document-markdown");
        markdown.setValue(gap.draft());
        markdown.addClassName("cd-editor");
        markdown.setWidthFull();
        markdown.setMinHeight("20em");
        markdown.setHelperText(
                "The questions are in an HTML comment, which is not indexed; write the answer below it.");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        status.addClassName("cd-muted");
        status.setId("new-document-status");
        add(new VerticalLayout(path, markdown, progress, status));
        save.setId("new-document-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void save() {
        String p = path.getValue().strip();
        if (!PATH.matcher(p).matches() || p.contains("..")) {
            path.setInvalid(true);
            path.setErrorMessage("A relative path like visiting/dogs.md (letters, digits, - _ . and /).");
            return;
        }
        path.setInvalid(false);
        String text = markdown.getValue();
        UI ui = UI.getCurrent();
        save.setEnabled(false);
        progress.setVisible(true);
        ui.setPollInterval(300);
        Thread.ofVirtual().name("console-new-document").start(() -> {
            String outcome;
            boolean done = false;
            try {
                importer.importDocument(
                        orgId,
                        p,
                        text,
                        null,
                        new Change(actor, VersionKind.SAVE),
                        line -> ui.access(() -> status.setText(line)));
                outcome = "Saved " + p + "; the chat uses it now.";
                done = true;
            } catch (StaleDocumentException e) {
                outcome = "A document already exists at " + p + ": choose another path, or edit that one in Knowledge.";
            } catch (InvalidDocumentException e) {
                outcome = "This markdown cannot be imported: " + e.reason();
            } catch (RuntimeException e) {
                log.error("Saving new document {} failed", p, e);
                outcome = "Saving failed: " + e.getMessage();
            }
            String message = outcome;
            boolean saved = done;
            ui.access(() -> {
                ui.setPollInterval(-1);
                progress.setVisible(false);
                save.setEnabled(true);
                status.setText(message);
                if (saved) {
                    Notification.show(message, 4000, Notification.Position.BOTTOM_START);
                    getFooter().removeAll();
                    getFooter().add(new Anchor("knowledge", "Open Knowledge"), new Button("Close", e -> close()));
                }
            });
        });
    }
}

package io.cellardoor.admin.knowledge.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.cellardoor.ingest.IngestJobs;
import io.cellardoor.knowledge.UploadRejectedException;
import io.cellardoor.knowledge.UploadReport;
import io.cellardoor.knowledge.UploadedFile;
import io.cellardoor.web.ApiProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upload of markdown files or zips (folders inside a zip are kept, which is how a folder is imported: the browser's
 * folder drop flattens paths) into a chosen folder. When every file has arrived, they are imported in the background
 * with progress; files that cannot be imported are listed with their reason, the rest is imported. Each upload is an
 * ingest job ({@link IngestJobs#run}), listed in the System view.
 */
class UploadPanel extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(UploadPanel.class);

    private final long orgId;
    private final String actor;
    private final IngestJobs documents;
    private final Runnable imported;
    private final List<UploadedFile> received = Collections.synchronizedList(new ArrayList<>());
    private final ComboBox<String> folder = new ComboBox<>("Upload into folder");
    private final Upload upload;
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();

    UploadPanel(long orgId, String actor, IngestJobs documents, Runnable imported) {
        this.orgId = orgId;
        this.actor = actor;
        this.documents = documents;
        this.imported = imported;
        folder.setId("upload-folder");
        folder.setAllowCustomValue(true);
        folder.addCustomValueSetListener(e -> folder.setValue(e.getDetail()));
        folder.setPlaceholder("(root)");
        folder.setClearButtonVisible(true);
        folder.setWidth("16em");
        upload = new Upload(UploadHandler.inMemory(
                (metadata, bytes) -> received.add(new UploadedFile(metadata.fileName(), bytes))));
        upload.setId("upload");
        upload.setAcceptedFileTypes(".md", ".zip");
        upload.setMaxFileSize(25 * 1024 * 1024);
        upload.setDropLabel(new Span("Drop .md files or a .zip of folders"));
        upload.addAllFinishedListener(e -> importReceived());
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("8em");
        status.setId("upload-status");
        status.addClassName("cd-muted");
        HorizontalLayout row = new HorizontalLayout(folder, upload);
        row.setDefaultVerticalComponentAlignment(Alignment.END);
        add(row, new HorizontalLayout(progress, status));
        setPadding(false);
        setSpacing(false);
    }

    /** Offers these folders (and keeps a typed one). */
    void folders(List<String> paths) {
        String value = folder.getValue();
        folder.setItems(paths);
        if (value != null) {
            folder.setValue(value);
        }
    }

    /** Preselects the folder shown in the file browser. */
    void select(String path) {
        folder.setValue(path.isEmpty() ? null : path);
    }

    private void importReceived() {
        List<UploadedFile> files;
        synchronized (received) {
            files = List.copyOf(received);
            received.clear();
        }
        if (files.isEmpty()) {
            return;
        }
        String target = folder.getValue() == null ? "" : folder.getValue();
        UI ui = UI.getCurrent();
        progress.setVisible(true);
        status.setText("Importing " + files.size() + " file(s)…");
        ui.setPollInterval(400);
        Thread.ofVirtual().name("console-upload").start(() -> {
            try {
                UploadReport report =
                        documents.run(orgId, actor, target, files, line -> ui.access(() -> status.setText(line)));
                ui.access(() -> {
                    finish(ui);
                    upload.clearFileList();
                    status.setText("Uploaded: " + report.summary()
                            + (report.skipped().isEmpty()
                                    ? ""
                                    : ". Not imported: "
                                            + report.skipped().stream()
                                                    .map(f -> f.path() + " (" + f.reason() + ")")
                                                    .collect(Collectors.joining("; "))));
                    imported.run();
                });
            } catch (UploadRejectedException e) {
                ui.access(() -> {
                    finish(ui);
                    status.setText("Nothing imported.");
                    error(e.getMessage());
                });
            } catch (ApiProblem e) { // the plan's documents are reached
                ui.access(() -> {
                    finish(ui);
                    status.setText("Nothing imported.");
                    error(e.getMessage());
                });
            } catch (RuntimeException e) {
                log.error("Upload into {} failed", target, e);
                ui.access(() -> {
                    finish(ui);
                    status.setText("Upload failed.");
                    error("Upload failed: " + e.getMessage());
                });
            }
        });
    }

    private void finish(UI ui) {
        ui.setPollInterval(-1);
        progress.setVisible(false);
    }

    private static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}

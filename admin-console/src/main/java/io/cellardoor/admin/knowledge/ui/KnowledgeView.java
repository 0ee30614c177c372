package io.cellardoor.admin.knowledge.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.cellardoor.admin.console.ConsoleLayout;
import io.cellardoor.admin.console.CurrentStaff;
import io.cellardoor.identity.Role;
import io.cellardoor.knowledge.DocumentService;
import io.cellardoor.knowledge.DocumentVersion;
import io.cellardoor.knowledge.KnowledgeStore;
import io.cellardoor.knowledge.KnowledgeStore.DocumentInfo;
import io.cellardoor.plugin.PluginDomains;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The org's knowledge: a folder tree (the file browser) and the documents in a grid, filtered by folder and text; the
 * selected one opens in the editor. Editors and above may save, upload, delete and restore; viewers read.
 */
@Route(value = "knowledge", layout = ConsoleLayout.class)
@RouteAlias(value = "", layout = ConsoleLayout.class)
@PageTitle("Knowledge · Cellar Door")
public class KnowledgeView extends SplitLayout {

    static final String ALL_FOLDERS = "All folders";
    private static final DateTimeFormatter UPDATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final KnowledgeStore store;
    private final DocumentService documentService;
    private final long orgId;
    private final String actor;
    private final boolean mayEdit;
    private final Grid<DocumentInfo> grid = new Grid<>(DocumentInfo.class, false);
    private final FolderTree tree = new FolderTree();
    private final Select<String> folder = new Select<>();
    private final TextField filter = new TextField();
    private final ListDataProvider<DocumentInfo> documents = new ListDataProvider<>(new ArrayList<>());
    private final DocumentEditor editor;
    private final UploadPanel upload;
    private String treeFolder = "";

    public KnowledgeView(
            CurrentStaff staff,
            KnowledgeStore store,
            DocumentService documentService,
            PluginDomains plugins,
            io.cellardoor.ingest.IngestJobs ingest) {
        this.store = store;
        this.documentService = documentService;
        this.orgId = staff.orgId();
        this.actor = staff.user().username();
        this.mayEdit = staff.has(Role.EDITOR);
        this.editor = new DocumentEditor(orgId, actor, store, documentService, mayEdit, this::reload);
        this.upload = new UploadPanel(orgId, actor, ingest, this::reload);

        grid.setId("documents");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(DocumentInfo::path)
                .setHeader("Path")
                .setSortable(true)
                .setFlexGrow(3)
                .setResizable(true);
        grid.addColumn(DocumentInfo::title).setHeader("Title").setSortable(true).setFlexGrow(2);
        grid.addColumn(d -> plugins.domainOfFolder(d.folder()))
                .setHeader("Domain")
                .setSortable(true)
                .setFlexGrow(1);
        grid.addColumn(d -> UPDATED.format(d.updatedAt()))
                .setHeader("Updated")
                .setSortable(true)
                .setComparator(DocumentInfo::updatedAt)
                .setFlexGrow(1);
        grid.setItems(documents);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                editor.open(e.getValue().path());
            }
        });

        tree.setId("folder-tree");
        tree.addThemeVariants(GridVariant.LUMO_COMPACT);
        tree.setWidth("15em");
        tree.asSingleSelect().addValueChangeListener(e -> {
            treeFolder = e.getValue() == null ? "" : e.getValue().path();
            if (e.isFromClient()) {
                folder.setValue(ALL_FOLDERS);
                upload.select(treeFolder);
            }
            applyFilter();
        });

        folder.setLabel("Folder");
        folder.setId("folder-filter");
        folder.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                tree.deselectAll();
            }
            applyFilter();
        });
        filter.setPlaceholder("Filter by path or title");
        filter.setId("document-filter");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> applyFilter());
        filter.setClearButtonVisible(true);
        Button deleted = new Button("Deleted documents…", e -> openDeleted());
        deleted.setId("deleted-documents");
        HorizontalLayout filters = new HorizontalLayout(folder, filter, deleted);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Span count = new Span();
        count.addClassName("cd-muted");
        documents.addDataProviderListener(e -> count.setText(documents.size(new Query<>()) + " documents"));

        VerticalLayout list = new VerticalLayout(filters, grid, count);
        list.setPadding(false);
        list.setSizeFull();
        list.setFlexGrow(1, grid);
        upload.setVisible(mayEdit);
        list.add(upload);
        HorizontalLayout browser = new HorizontalLayout(tree, list);
        browser.setSizeFull();
        browser.setFlexGrow(1, list);
        browser.setPadding(true);
        addToPrimary(browser);
        addToSecondary(editor);
        setSplitterPosition(50);
        setSizeFull();
        reload();
    }

    /** Reads the org's documents again (after a change), keeping the folder and text filters. */
    private void reload() {
        List<DocumentInfo> all = store.listAllDocuments(orgId);
        TreeSet<String> folders = new TreeSet<>();
        all.forEach(d -> folders.add(d.folder().isEmpty() ? "(root)" : d.folder()));
        String selected = folder.getValue();
        List<String> options = new ArrayList<>();
        options.add(ALL_FOLDERS);
        options.addAll(folders);
        folder.setItems(options);
        folder.setValue(selected != null && options.contains(selected) ? selected : ALL_FOLDERS);
        tree.show(all);
        upload.folders(tree.folderPaths());
        documents.getItems().clear();
        documents.getItems().addAll(all);
        documents.refreshAll();
        applyFilter();
    }

    private void applyFilter() {
        String f = folder.getValue();
        String text = filter.getValue().strip().toLowerCase(Locale.ROOT);
        String prefix = treeFolder;
        documents.setFilter(
                d -> (f == null || ALL_FOLDERS.equals(f) || f.equals(d.folder().isEmpty() ? "(root)" : d.folder()))
                        && (prefix.isEmpty() || d.path().startsWith(prefix + "/"))
                        && (text.isEmpty()
                                || d.path().toLowerCase(Locale.ROOT).contains(text)
                                || d.title().toLowerCase(Locale.ROOT).contains(text)));
    }

    /** Deleted documents, each with its history, where rollback restores it. */
    private void openDeleted() {
        Dialog dialog = new Dialog();
        dialog.setId("deleted-dialog");
        dialog.setHeaderTitle("Deleted documents");
        dialog.setWidth("min(90vw, 50em)");
        Grid<DocumentVersion> deleted = new Grid<>(DocumentVersion.class, false);
        deleted.setId("deleted-grid");
        deleted.addThemeVariants(GridVariant.LUMO_COMPACT);
        deleted.addColumn(DocumentVersion::path).setHeader("Path").setFlexGrow(2);
        deleted.addColumn(v -> UPDATED.format(v.at()))
                .setHeader("Deleted")
                .setAutoWidth(true)
                .setFlexGrow(0);
        deleted.addColumn(DocumentVersion::author)
                .setHeader("By")
                .setAutoWidth(true)
                .setFlexGrow(0);
        deleted.addComponentColumn(v -> new Button(
                        "History",
                        e -> new HistoryDialog(orgId, actor, v.path(), null, mayEdit, documentService, path -> {
                                    dialog.close();
                                    reload();
                                    editor.open(path);
                                })
                                .open()))
                .setAutoWidth(true)
                .setFlexGrow(0);
        deleted.setItems(documentService.deletedDocuments(orgId));
        deleted.setHeight("20em");
        Span empty = new Span("Restore a document from its history: select the version and roll back.");
        empty.addClassName("cd-muted");
        dialog.add(new VerticalLayout(empty, deleted));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }
}

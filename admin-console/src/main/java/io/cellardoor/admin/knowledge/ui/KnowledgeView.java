package io.cellardoor.admin.knowledge.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.cellardoor.admin.console.ConsoleLayout;
import io.cellardoor.admin.console.CurrentStaff;
import io.cellardoor.identity.Role;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.knowledge.KnowledgeStore;
import io.cellardoor.knowledge.KnowledgeStore.DocumentInfo;
import io.cellardoor.plugin.PluginHost;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The org's knowledge: documents in a grid, filtered by folder and text; the selected one opens in the editor.
 * Editors and above may save; viewers read.
 */
@Route(value = "knowledge", layout = ConsoleLayout.class)
@RouteAlias(value = "", layout = ConsoleLayout.class)
@PageTitle("Knowledge · Cellar Door")
public class KnowledgeView extends SplitLayout {

    static final String ALL_FOLDERS = "All folders";
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final KnowledgeStore store;
    private final PluginHost plugins;
    private final long orgId;
    private final Grid<DocumentInfo> grid = new Grid<>(DocumentInfo.class, false);
    private final Select<String> folder = new Select<>();
    private final TextField filter = new TextField();
    private final ListDataProvider<DocumentInfo> documents = new ListDataProvider<>(new ArrayList<>());

    public KnowledgeView(CurrentStaff staff, KnowledgeStore store, KnowledgeImporter importer, PluginHost plugins) {
        this.store = store;
        this.plugins = plugins;
        this.orgId = staff.orgId();
        DocumentEditor editor = new DocumentEditor(orgId, store, importer, staff.has(Role.EDITOR), this::reload);

        grid.setId("documents");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(DocumentInfo::path).setHeader("Path").setSortable(true).setFlexGrow(3).setResizable(true);
        grid.addColumn(DocumentInfo::title).setHeader("Title").setSortable(true).setFlexGrow(2);
        grid.addColumn(d -> plugins.domainOfFolder(d.folder())).setHeader("Domain").setSortable(true).setFlexGrow(1);
        grid.addColumn(d -> UPDATED.format(d.updatedAt())).setHeader("Updated").setSortable(true)
                .setComparator(DocumentInfo::updatedAt).setFlexGrow(1);
        grid.setItems(documents);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                editor.open(e.getValue().path());
            }
        });

        folder.setLabel("Folder");
        folder.setId("folder-filter");
        folder.addValueChangeListener(e -> applyFilter());
        filter.setPlaceholder("Filter by path or title");
        filter.setId("document-filter");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> applyFilter());
        filter.setClearButtonVisible(true);
        HorizontalLayout filters = new HorizontalLayout(folder, filter);
        filters.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        Span count = new Span();
        count.addClassName("cd-muted");
        documents.addDataProviderListener(e -> count.setText(documents.size(new com.vaadin.flow.data.provider.Query<>()) + " documents"));

        VerticalLayout list = new VerticalLayout(filters, grid, count);
        list.setSizeFull();
        list.setFlexGrow(1, grid);
        addToPrimary(list);
        addToSecondary(editor);
        setSplitterPosition(45);
        setSizeFull();
        reload();
    }

    /** Reads the org's documents again (after a save), keeping the folder and text filters. */
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
        documents.getItems().clear();
        documents.getItems().addAll(all);
        documents.refreshAll();
        applyFilter();
    }

    private void applyFilter() {
        String f = folder.getValue();
        String text = filter.getValue().strip().toLowerCase(Locale.ROOT);
        documents.setFilter(d -> (f == null || ALL_FOLDERS.equals(f) || f.equals(d.folder().isEmpty() ? "(root)" : d.folder()))
                && (text.isEmpty() || d.path().toLowerCase(Locale.ROOT).contains(text)
                        || d.title().toLowerCase(Locale.ROOT).contains(text)));
    }
}

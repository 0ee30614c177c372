package io.cellardoor.admin.knowledge.ui;

import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import io.cellardoor.knowledge.KnowledgeStore.DocumentInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The org's knowledge folders as a tree (the file browser): "All documents" with the folders of the documents' paths
 * below it, each with how many documents it holds (sub-folders included).
 */
class FolderTree extends TreeGrid<FolderTree.Folder> {

    /**
     * A folder.
     *
     * @param path path of the folder relative to the knowledge folder, {@code ""} for all documents
     * @param name what the tree shows
     * @param documents documents in it and below
     */
    record Folder(String path, String name, int documents) {

        boolean contains(String documentPath) {
            return path.isEmpty() || documentPath.startsWith(path + "/");
        }
    }

    FolderTree() {
        addHierarchyColumn(Folder::name).setHeader("Folders").setFlexGrow(1);
        addColumn(Folder::documents).setHeader("Docs").setAutoWidth(true).setFlexGrow(0);
    }

    /** Shows the folders of these documents, keeping the selected folder when it still exists. */
    void show(List<DocumentInfo> documents) {
        String selected =
                getSelectedItems().stream().findFirst().map(Folder::path).orElse(null);
        Set<String> paths = new TreeSet<>();
        Map<String, Integer> counts = new HashMap<>();
        for (DocumentInfo d : documents) {
            String[] segments = d.path().split("/");
            StringBuilder folder = new StringBuilder();
            for (int i = 0; i < segments.length - 1; i++) {
                folder.append(i == 0 ? "" : "/").append(segments[i]);
                paths.add(folder.toString());
                counts.merge(folder.toString(), 1, Integer::sum);
            }
        }
        TreeData<Folder> data = new TreeData<>();
        Folder all = new Folder("", "All documents", documents.size());
        data.addItem(null, all);
        Map<String, Folder> byPath = new HashMap<>();
        byPath.put("", all);
        for (String path : paths) {
            int slash = path.lastIndexOf('/');
            Folder parent = byPath.get(slash < 0 ? "" : path.substring(0, slash));
            Folder folder = new Folder(path, path.substring(slash + 1), counts.get(path));
            data.addItem(parent, folder);
            byPath.put(path, folder);
        }
        setDataProvider(new TreeDataProvider<>(data));
        expand(all);
        if (selected != null && byPath.containsKey(selected)) {
            select(byPath.get(selected));
        }
    }

    /** Every folder path shown, for choosing where to upload. */
    List<String> folderPaths() {
        List<String> out = new ArrayList<>();
        if (getDataProvider() instanceof TreeDataProvider<Folder> provider) {
            collect(provider.getTreeData(), provider.getTreeData().getRootItems(), out);
        }
        return out;
    }

    private static void collect(TreeData<Folder> data, List<Folder> folders, List<String> out) {
        for (Folder folder : folders) {
            if (!folder.path().isEmpty()) {
                out.add(folder.path());
            }
            collect(data, data.getChildren(folder), out);
        }
    }
}

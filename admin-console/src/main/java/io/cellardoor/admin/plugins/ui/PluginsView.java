package io.cellardoor.admin.plugins.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.cellardoor.admin.console.ConsoleLayout;
import io.cellardoor.admin.console.CurrentStaff;
import io.cellardoor.identity.Role;
import io.cellardoor.plugin.FolderConflict;
import io.cellardoor.plugin.OrgPlugin;
import io.cellardoor.plugin.OrgPlugins;
import io.cellardoor.plugin.PluginJars;
import io.cellardoor.plugin.PluginRemovals;
import io.cellardoor.plugin.PluginUploadResult;
import io.cellardoor.plugin.PluginUploads;
import io.cellardoor.plugin.RefusedJar;
import io.cellardoor.web.ApiProblem;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The loaded domain plugins: versions, calls, failures, whether the host auto-disabled them (and why), whether they
 * serve this org's chats (org admins switch that), their settings, order and knowledge folders, with folders two
 * plugins claim (and which one got each); platform admins upload plugin jars, loaded at once, remove plugins, and see
 * the signature policy and the jars the folder scan refused. A
 * thin UI over {@link OrgPlugins}, {@link PluginUploads} and {@link PluginRemovals}, the services of
 * {@code /api/v1/admin/plugins}.
 */
@Route(value = "plugins", layout = ConsoleLayout.class)
@PageTitle("Plugins · Cellar Door")
public class PluginsView extends VerticalLayout {

    private final OrgPlugins plugins;
    private final long orgId;
    private final String actor;
    private final boolean mayChange;
    private final Grid<OrgPlugin> grid = new Grid<>(OrgPlugin.class, false);

    public PluginsView(
            CurrentStaff staff, OrgPlugins plugins, PluginUploads uploads, PluginRemovals removals, PluginJars jars) {
        this.plugins = plugins;
        this.orgId = staff.orgId();
        this.actor = staff.user().username();
        this.mayChange = staff.has(Role.ORG_ADMIN);

        grid.setId("plugins");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(OrgPlugin::domain).setHeader("Domain").setSortable(true);
        grid.addColumn(OrgPlugin::name).setHeader("Name");
        grid.addColumn(OrgPlugin::pluginId).setHeader("Plugin");
        grid.addColumn(OrgPlugin::version).setHeader("Version");
        grid.addColumn(OrgPlugin::calls).setHeader("Calls").setSortable(true);
        grid.addColumn(OrgPlugin::failures).setHeader("Failures").setSortable(true);
        grid.addColumn(p -> p.disabled() ? "auto-disabled" : "healthy")
                .setHeader("Health")
                .setSortable(true);
        grid.addColumn(OrgPlugin::disabledReason).setHeader("Reason").setFlexGrow(3);
        grid.addColumn(OrgPlugin::order).setHeader("Order").setSortable(true);
        grid.addColumn(p -> String.join(", ", p.folders())).setHeader("Folders").setFlexGrow(2);
        grid.addColumn(p -> p.conflicts().stream().map(FolderConflict::summary).collect(Collectors.joining("; ")))
                .setHeader("Folder conflicts")
                .setFlexGrow(3);
        grid.addComponentColumn(this::toggle)
                .setHeader("For this org")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(p -> {
                    Button settings = new Button(
                            "Settings (" + p.settings().size() + ")",
                            e -> new PluginSettingsDialog(plugins, orgId, actor, p, mayChange, this::reload).open());
                    settings.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    settings.setEnabled(!p.settings().isEmpty());
                    return settings;
                })
                .setAutoWidth(true)
                .setFlexGrow(0);
        Button refresh = new Button("Refresh", e -> reload());
        H2 title = new H2("Domain plugins");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        add(title, refresh, grid);
        if (staff.has(Role.PLATFORM_ADMIN)) {
            grid.addComponentColumn(p -> {
                        Button remove = new Button("Remove", e -> confirmRemoval(removals, p));
                        remove.setId("remove-" + p.pluginId());
                        remove.addThemeVariants(
                                ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                        return remove;
                    })
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            add(uploadSection(uploads), jarsSection(jars));
        }
        setSizeFull();
        setFlexGrow(1, grid);
        reload();
    }

    private Checkbox toggle(OrgPlugin plugin) {
        Checkbox enabled = new Checkbox(plugin.enabledForOrg() ? "enabled" : "disabled", plugin.enabledForOrg());
        enabled.setReadOnly(!mayChange);
        enabled.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                plugins.setEnabled(orgId, actor, plugin.pluginId(), e.getValue());
                Notification.show(
                        plugin.pluginId() + (e.getValue() ? " enabled" : " disabled") + " for this org.",
                        2500,
                        Notification.Position.BOTTOM_START);
            } catch (ApiProblem problem) {
                error(problem.getMessage());
            }
            reload();
        });
        return enabled;
    }

    private VerticalLayout uploadSection(PluginUploads uploads) {
        Span result = new Span();
        result.setId("upload-result");
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            String message;
            boolean ok;
            try {
                PluginUploadResult r =
                        uploads.install(metadata.fileName(), new ByteArrayInputStream(bytes), orgId, actor);
                message = "Loaded " + r.pluginId() + " " + r.version() + " (domains " + String.join(", ", r.domains())
                        + ")" + (r.replaced() ? ", replacing the previous version." : ".") + conflicts(r.conflicts());
                ok = true;
            } catch (ApiProblem problem) {
                message = "Refused " + metadata.fileName() + ": " + problem.getMessage();
                ok = false;
            }
            String text = message;
            boolean loaded = ok;
            ui.access(() -> {
                result.setText(text);
                if (!loaded) {
                    error(text);
                }
                reload();
            });
        }));
        upload.setId("plugin-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".jar", "application/java-archive");
        upload.setMaxFileSize((int) PluginUploads.MAX_JAR_BYTES);
        VerticalLayout section = new VerticalLayout(
                new H3("Upload a plugin jar"),
                new Span(
                        "A PF4J plugin jar with its "
                                + "descriptor; it is loaded at once, without a restart, and replaces a loaded plugin with the same id."),
                upload,
                result);
        section.setPadding(false);
        return section;
    }

    /** The signature policy, and the jars of the plugins folder the host refused with the reason (platform admins). */
    private static VerticalLayout jarsSection(PluginJars jars) {
        PluginJars.State state = jars.state();
        Span policy = new Span(state.policy());
        policy.setId("signature-policy");
        VerticalLayout section = new VerticalLayout(new H3("Plugins folder"), policy);
        if (!state.refused().isEmpty()) {
            Grid<RefusedJar> refused = new Grid<>(RefusedJar.class, false);
            refused.setId("refused-jars");
            refused.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
            refused.addColumn(RefusedJar::file).setHeader("Refused jar").setAutoWidth(true);
            refused.addColumn(RefusedJar::reason).setHeader("Why").setFlexGrow(3);
            refused.setItems(state.refused());
            refused.setAllRowsVisible(true);
            section.add(refused);
        }
        section.setPadding(false);
        return section;
    }

    private void confirmRemoval(PluginRemovals removals, OrgPlugin plugin) {
        ConfirmDialog dialog = new ConfirmDialog(
                "Remove plugin " + plugin.pluginId() + "?",
                "Unloads " + plugin.pluginId() + " " + plugin.version() + " for every org and deletes its jar from the"
                        + " plugins folder; questions about " + plugin.name() + " go to other domains. Orgs' settings"
                        + " for it are kept for a later upload.",
                "Remove",
                e -> {
                    try {
                        List<String> domains = removals.remove(plugin.pluginId(), orgId, actor);
                        Notification.show(
                                "Removed " + plugin.pluginId() + " (domains " + String.join(", ", domains) + ").",
                                3000,
                                Notification.Position.BOTTOM_START);
                    } catch (ApiProblem problem) {
                        error(problem.getMessage());
                    }
                    reload();
                });
        dialog.setId("confirm-remove-plugin");
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.open();
    }

    private static String conflicts(List<FolderConflict> conflicts) {
        return conflicts.isEmpty()
                ? ""
                : " Folder conflicts: "
                        + conflicts.stream().map(FolderConflict::summary).collect(Collectors.joining("; ")) + ".";
    }

    private void reload() {
        grid.setItems(plugins.list(orgId));
    }

    static void error(String message) {
        Notification.show(message, 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}

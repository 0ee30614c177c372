package io.cellardoor.admin.plugins.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.cellardoor.admin.console.ConsoleLayout;
import io.cellardoor.plugin.PluginHealth;
import io.cellardoor.plugin.PluginHost;

/** The loaded domain plugins with their calls, failures and whether the host disabled them (and why). */
@Route(value = "plugins", layout = ConsoleLayout.class)
@PageTitle("Plugins · Cellar Door")
public class PluginsView extends VerticalLayout {

    public PluginsView(PluginHost host) {
        Grid<PluginHealth> grid = new Grid<>(PluginHealth.class, false);
        grid.setId("plugins");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(PluginHealth::domain).setHeader("Domain").setSortable(true);
        grid.addColumn(PluginHealth::pluginId).setHeader("Plugin");
        grid.addColumn(PluginHealth::version).setHeader("Version");
        grid.addColumn(PluginHealth::calls).setHeader("Calls").setSortable(true);
        grid.addColumn(PluginHealth::failures).setHeader("Failures").setSortable(true);
        grid.addColumn(h -> h.disabled() ? "disabled" : "enabled").setHeader("State").setSortable(true);
        grid.addColumn(PluginHealth::disabledReason).setHeader("Reason").setFlexGrow(3);
        grid.setItems(host.health());
        Button refresh = new Button("Refresh", e -> grid.setItems(host.health()));
        H2 title = new H2("Domain plugins");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        add(title, refresh, grid);
        setSizeFull();
        setFlexGrow(1, grid);
    }
}

package io.cellardoor.admin.console;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** The page around every console view: the Lumo theme and the console's few styles. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://console/console.css")
public class ConsoleShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Cellar Door console");
    }
}

package io.cellardoor.admin.plugins.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.cellardoor.plugin.OrgPlugin;
import io.cellardoor.plugin.OrgPlugins;
import io.cellardoor.plugin.PluginSetting;
import io.cellardoor.web.ApiProblem;
import java.util.LinkedHashMap;
import java.util.Map;

/** The form of a plugin's declared settings for this org: one field per setting, blank for the default. */
class PluginSettingsDialog extends Dialog {

    PluginSettingsDialog(
            OrgPlugins plugins, long orgId, String actor, OrgPlugin plugin, boolean mayChange, Runnable saved) {
        setHeaderTitle(plugin.name() + " settings");
        Map<String, TextField> fields = new LinkedHashMap<>();
        VerticalLayout form = new VerticalLayout();
        for (PluginSetting setting : plugin.settings()) {
            TextField field = new TextField(setting.label());
            field.setHelperText(setting.description() + " Default: " + setting.defaultValue());
            field.setPlaceholder(setting.defaultValue());
            field.setValue(setting.value() == null ? "" : setting.value());
            field.setMaxLength(OrgPlugins.MAX_SETTING_VALUE);
            field.setReadOnly(!mayChange);
            field.setWidth("28rem");
            fields.put(setting.key(), field);
            form.add(field);
        }
        add(form);
        Button save = new Button("Save", e -> {
            Map<String, String> values = new LinkedHashMap<>();
            fields.forEach((key, field) -> values.put(key, field.getValue()));
            try {
                plugins.saveSettings(orgId, actor, plugin.pluginId(), values);
                Notification.show("Settings saved.", 2000, Notification.Position.BOTTOM_START);
                close();
                saved.run();
            } catch (ApiProblem problem) {
                PluginsView.error(problem.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(mayChange);
        getFooter().add(new Button("Close", e -> close()), save);
    }
}

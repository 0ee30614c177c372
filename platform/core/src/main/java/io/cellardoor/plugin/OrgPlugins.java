package io.cellardoor.plugin;

import io.cellardoor.audit.AuditLog;
import io.cellardoor.plugin.api.ConfigProperty;
import io.cellardoor.plugin.internal.PluginOrgStore;
import io.cellardoor.web.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Plugins per org, for staff (console and admin API): which loaded plugins serve the org's chats, and the org's
 * values of the settings plugins declare. A plugin disabled for an org is not asked to classify that org's queries
 * (other orgs are unaffected). Changes are audited; roles are checked by the callers (ORG_ADMIN changes).
 */
@Service
public class OrgPlugins {

    /** Longest setting value, in characters. */
    public static final int MAX_SETTING_VALUE = 2000;

    private final PluginDomains domains;
    private final PluginOrgStore store;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;

    OrgPlugins(
            PluginDomains domains,
            PluginOrgStore store,
            AuditLog audit,
            ApplicationEventPublisher events,
            ObjectMapper json) {
        this.domains = domains;
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.json = json;
    }

    /** Every loaded domain plugin with its health, whether the org enabled it and its settings, by domain id. */
    public List<OrgPlugin> list(long orgId) {
        Set<String> disabled = store.disabled(orgId);
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        return domains.all().stream()
                .map(d -> new OrgPlugin(
                        d.pluginId,
                        d.id(),
                        d.descriptor.name(),
                        d.version,
                        d.calls.get(),
                        d.failures.get(),
                        !d.enabled(),
                        d.disabledReason,
                        !disabled.contains(d.pluginId),
                        settings(d, values.computeIfAbsent(d.pluginId, id -> store.settings(orgId, id))),
                        d.order,
                        domains.foldersOf(d.id()),
                        domains.conflictsOf(d.id())))
                .toList();
    }

    /**
     * Enables or disables a loaded plugin for the org's chats.
     *
     * @param actor username, for the audit log
     * @return the plugin's domains as the org now sees them
     * @throws ApiProblem 404 when no loaded plugin has this id
     */
    @Transactional
    public List<OrgPlugin> setEnabled(long orgId, String actor, String pluginId, boolean enabled) {
        requireLoaded(pluginId);
        boolean before = !store.disabled(orgId).contains(pluginId);
        store.setEnabled(orgId, pluginId, enabled, actor);
        if (before != enabled) {
            audit.record(
                    orgId,
                    actor,
                    enabled ? "plugin.enable" : "plugin.disable",
                    "plugin:" + pluginId,
                    state(before),
                    state(enabled));
            events.publishEvent(new OrgPluginsChanged(orgId, pluginId));
        }
        return of(orgId, pluginId);
    }

    /**
     * Replaces the org's values of a plugin's declared settings; a blank value returns the key to its default.
     *
     * @param values by key; every key must be declared by the plugin
     * @throws ApiProblem 404 unknown plugin, 400 {@code unknown-setting} or {@code invalid-setting} (nothing saved)
     */
    @Transactional
    public List<OrgPlugin> saveSettings(long orgId, String actor, String pluginId, Map<String, String> values) {
        requireLoaded(pluginId);
        Set<String> declared = declared(pluginId).keySet();
        Map<String, String> kept = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!declared.contains(e.getKey())) {
                throw ApiProblem.invalid(
                        "unknown-setting",
                        "Unknown setting",
                        "Plugin " + pluginId + " declares no setting '" + e.getKey() + "'; it declares " + declared
                                + ".");
            }
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (value.length() > MAX_SETTING_VALUE) {
                throw ApiProblem.invalid(
                        "invalid-setting",
                        "Invalid setting",
                        "The value of '" + e.getKey() + "' may have at most " + MAX_SETTING_VALUE + " characters.");
            }
            if (!value.isEmpty()) {
                kept.put(e.getKey(), value);
            }
        }
        Map<String, String> before = new TreeMap<>(store.settings(orgId, pluginId));
        store.replaceSettings(orgId, pluginId, kept, actor);
        if (!before.equals(kept)) {
            audit.record(
                    orgId,
                    actor,
                    "plugin.settings",
                    "plugin:" + pluginId,
                    json.writeValueAsString(before),
                    json.writeValueAsString(kept));
            events.publishEvent(new OrgPluginsChanged(orgId, pluginId));
        }
        return of(orgId, pluginId);
    }

    /** The settings in effect for the org (its values, else the declared defaults), by key. */
    public Map<String, String> effectiveSettings(long orgId, String pluginId) {
        Map<String, ConfigProperty> declared = declared(pluginId);
        if (declared.isEmpty()) {
            return Map.of(); // nothing to read: a plugin without settings costs its turns no database round trip
        }
        Map<String, String> values = store.settings(orgId, pluginId);
        Map<String, String> effective = new LinkedHashMap<>();
        declared.forEach((key, p) -> effective.put(key, values.getOrDefault(key, p.defaultValue())));
        return effective;
    }

    /** Ids of the plugins the org has disabled. */
    public Set<String> disabledFor(long orgId) {
        return store.disabled(orgId);
    }

    private List<OrgPlugin> of(long orgId, String pluginId) {
        return list(orgId).stream().filter(p -> p.pluginId().equals(pluginId)).toList();
    }

    private void requireLoaded(String pluginId) {
        if (domains.all().stream().noneMatch(d -> d.pluginId.equals(pluginId))) {
            throw ApiProblem.notFound("Plugin '" + pluginId + "'");
        }
    }

    private Map<String, ConfigProperty> declared(String pluginId) {
        Map<String, ConfigProperty> declared = new LinkedHashMap<>();
        domains.all().stream()
                .filter(d -> d.pluginId.equals(pluginId))
                .forEach(d -> properties(d).forEach(p -> declared.putIfAbsent(p.key(), p)));
        return declared;
    }

    private static List<PluginSetting> settings(LoadedDomain d, Map<String, String> values) {
        return properties(d).stream()
                .map(p -> new PluginSetting(p.key(), p.label(), p.description(), p.defaultValue(), values.get(p.key())))
                .toList();
    }

    /** The plugin's declared settings; none when the call fails (a plugin's bug must not break the console). */
    private static List<ConfigProperty> properties(LoadedDomain d) {
        try {
            return List.copyOf(d.plugin.configProperties());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static String state(boolean enabled) {
        return enabled ? "enabled" : "disabled";
    }
}

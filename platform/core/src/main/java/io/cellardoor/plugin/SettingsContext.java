package io.cellardoor.plugin;

import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.KnowledgeDocument;
import io.cellardoor.plugin.api.Passage;
import io.cellardoor.plugin.api.PluginContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tenant's plugin context plus the org's values of the called plugin's settings. */
final class SettingsContext implements PluginContext {

    private final PluginContext tenant;
    private final Map<String, String> settings;

    SettingsContext(PluginContext tenant, Map<String, String> settings) {
        this.tenant = tenant;
        this.settings = Map.copyOf(settings);
    }

    @Override
    public String tenant() {
        return tenant.tenant();
    }

    @Override
    public List<Passage> search(String domain, String text, int k) {
        return tenant.search(domain, text, k);
    }

    @Override
    public Optional<KnowledgeDocument> readDocument(String path) {
        return tenant.readDocument(path);
    }

    @Override
    public List<DocumentSummary> listDocuments(String domain) {
        return tenant.listDocuments(domain);
    }

    @Override
    public List<Passage> passages() {
        return tenant.passages();
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }
}

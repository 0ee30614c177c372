package io.cellardoor.plugin;

import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.KnowledgeDocument;
import io.cellardoor.plugin.api.Passage;
import io.cellardoor.plugin.api.PluginContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's plugin context plus the org's values of the called plugin's settings, read on the first
 * {@link #setting(String)} call only: a turn whose handler reads no setting costs no database round trip.
 */
final class SettingsContext implements PluginContext {

    private final PluginContext tenant;
    private final Supplier<Map<String, String>> read;
    private volatile @Nullable Map<String, String> settings;

    /** @param read the org's values of the plugin's declared settings; called at most once */
    SettingsContext(PluginContext tenant, Supplier<Map<String, String>> read) {
        this.tenant = tenant;
        this.read = read;
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
        Map<String, String> values = settings;
        if (values == null) {
            values = Map.copyOf(read.get());
            settings = values;
        }
        return Optional.ofNullable(values.get(key));
    }
}

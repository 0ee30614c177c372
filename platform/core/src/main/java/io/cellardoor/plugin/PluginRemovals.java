package io.cellardoor.plugin;

import io.cellardoor.audit.AuditLog;
import io.cellardoor.web.ApiProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Removes a loaded plugin on a platform admin's request (console or admin API): unloads it, deletes its jar from the
 * plugins folder and audits the removal in the admin's org. Orgs' enabled state and setting values for the plugin are
 * kept, so uploading it again restores them. Roles are checked by the callers (PLATFORM_ADMIN).
 */
@Service
public class PluginRemovals {

    private final PluginLoader loader;
    private final AuditLog audit;

    PluginRemovals(PluginLoader loader, AuditLog audit) {
        this.loader = loader;
        this.audit = audit;
    }

    /**
     * Unloads the plugin and deletes its jar.
     *
     * @param pluginId the {@code Plugin-Id}
     * @param orgId the admin's org, where the removal is audited
     * @param actor the admin's username
     * @return the domains it served, now unrouted
     * @throws ApiProblem 404 {@code not-found} when no loaded plugin has this id
     */
    public List<String> remove(String pluginId, long orgId, String actor) {
        try {
            PluginLoader.Removed removed =
                    loader.remove(pluginId).orElseThrow(() -> ApiProblem.notFound("Plugin '" + pluginId + "'"));
            audit.record(
                    orgId,
                    actor,
                    "plugin.remove",
                    "plugin:" + pluginId,
                    removed.pluginId() + " " + removed.version() + " (" + removed.file() + "), domains "
                            + removed.domains(),
                    null);
            return removed.domains();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

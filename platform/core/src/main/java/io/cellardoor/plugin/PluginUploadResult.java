package io.cellardoor.plugin;

import java.util.List;

/**
 * An uploaded plugin jar, installed and loaded.
 *
 * @param pluginId its {@code Plugin-Id}
 * @param version its {@code Plugin-Version}
 * @param file its file name in the plugins folder
 * @param domains the domain ids it contributes
 * @param replaced whether it replaced a loaded plugin with the same id
 * @param conflicts knowledge folders its domains claim that another loaded domain claims too, with each one's owner
 */
public record PluginUploadResult(
        String pluginId,
        String version,
        String file,
        List<String> domains,
        boolean replaced,
        List<FolderConflict> conflicts) {}

package io.cellardoor.plugin;

import java.time.Instant;

/**
 * A plugin jar as the database keeps it for every instance (uploaded, or removed).
 *
 * @param pluginId its {@code Plugin-Id}
 * @param version its {@code Plugin-Version} (of the removed jar, for a removal)
 * @param fileName its file name in each instance's plugins folder, {@code <pluginId>.jar}
 * @param sha256 SHA-256 of the jar, hex
 * @param removed whether the plugin was removed (no instance loads a jar of this id until one is uploaded)
 * @param changedBy the platform admin who uploaded or removed it
 * @param changedAt when
 */
public record StoredPluginJar(
        String pluginId,
        String version,
        String fileName,
        String sha256,
        boolean removed,
        String changedBy,
        Instant changedAt) {}

package io.cellardoor.plugin;

import io.cellardoor.plugin.internal.PluginJarStore;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The plugins folder as platform admins see it (console and {@code GET /api/v1/admin/plugins/jars}): which jars the
 * host trusts, and the jars it refused with the reason.
 */
@Service
public class PluginJars {

    /**
     * The folder's state.
     *
     * @param policy the signature policy in one sentence
     * @param trustedSigners subjects of the trusted signers' certificates ({@code cellardoor.plugins.trusted-signers})
     * @param allowUnsigned whether jars without a trusted signature load (local development only)
     * @param refused jars the folder scan refused, with the reason
     * @param store where uploads and removals are kept ({@code database} or {@code folder})
     * @param stored the uploads and removals the database keeps for every instance (empty with the folder store)
     */
    public record State(
            String policy,
            List<String> trustedSigners,
            boolean allowUnsigned,
            List<RefusedJar> refused,
            String store,
            List<StoredPluginJar> stored) {}

    private final PluginSignatures signatures;
    private final PluginLoader loader;
    private final PluginProperties properties;
    private final PluginJarStore store;

    PluginJars(PluginSignatures signatures, PluginLoader loader, PluginProperties properties, PluginJarStore store) {
        this.signatures = signatures;
        this.loader = loader;
        this.properties = properties;
        this.store = store;
    }

    /**
     * The jars the loaded plugins came from: lower-case hex SHA-256 by plugin id, sorted by id (what the semantic cache
     * records as the code that answered). A snapshot; never waits for a folder scan in progress.
     */
    public Map<String, String> loaded() {
        return loader.loadedJars();
    }

    /** The policy and the refused jars. */
    public State state() {
        return new State(
                signatures.policy(),
                signatures.trustedSigners(),
                properties.allowUnsigned(),
                loader.refusedJars(),
                properties.store(),
                properties.database() ? List.copyOf(store.list().values()) : List.of());
    }
}

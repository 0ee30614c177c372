package io.cellardoor.plugin;

import java.util.List;
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
     */
    public record State(String policy, List<String> trustedSigners, boolean allowUnsigned, List<RefusedJar> refused) {}

    private final PluginSignatures signatures;
    private final PluginLoader loader;
    private final PluginProperties properties;

    PluginJars(PluginSignatures signatures, PluginLoader loader, PluginProperties properties) {
        this.signatures = signatures;
        this.loader = loader;
        this.properties = properties;
    }

    /** The policy and the refused jars. */
    public State state() {
        return new State(
                signatures.policy(), signatures.trustedSigners(), properties.allowUnsigned(), loader.refusedJars());
    }
}

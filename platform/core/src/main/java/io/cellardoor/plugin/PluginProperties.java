package io.cellardoor.plugin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the plugin host ({@code cellardoor.plugins.*}).
 *
 * @param dir folder scanned for plugin jars
 * @param scanInterval how often the folder is scanned for added or removed jars
 * @param classifierBudget time a classifier call may take before it is skipped
 * @param handlerBudget time a handler call (including its searches) may take before it is skipped
 * @param maxConsecutiveFailures failures in a row after which a plugin is disabled
 * @param minScore lowest classifier score that claims a query for a domain
 * @param trustedSigners certificate files (PEM or DER, X.509) of the signers whose plugin jars load; see
 *     {@link PluginSignatures}
 * @param allowUnsigned load jars without a trusted signature too (local development only; a jar changed after
 *     signing is refused either way)
 * @param store where uploads and removals are kept: {@code database} (default: table {@code plugin_jar}, so every
 *     instance loads the same plugins, docs/decisions/0054) or {@code folder} (only this instance's plugins folder: one
 *     instance, or several sharing the folder on one volume)
 * @param maxConcurrentCalls calls into one plugin that may run at once (its bulkhead); a call beyond them is refused at
 *     once and counted as a failure; a call that ran out of time keeps its place until its thread ends, so a plugin
 *     that hangs ties up at most this many threads; default 16
 * @param allowedPackages packages (dotted, e.g. {@code java.net.http}, sub-packages included) plugin code may use
 *     besides the plugin API and the JDK's in-memory packages; see {@link PluginCodePolicy}; default none
 */
@ConfigurationProperties("cellardoor.plugins")
public record PluginProperties(
        Path dir,
        Duration scanInterval,
        Duration classifierBudget,
        Duration handlerBudget,
        int maxConsecutiveFailures,
        double minScore,
        List<Path> trustedSigners,
        boolean allowUnsigned,
        String store,
        int maxConcurrentCalls,
        List<String> allowedPackages) {

    public PluginProperties {
        dir = dir == null ? Path.of("plugins") : dir;
        scanInterval = scanInterval == null ? Duration.ofSeconds(2) : scanInterval;
        classifierBudget = classifierBudget == null ? Duration.ofMillis(200) : classifierBudget;
        handlerBudget = handlerBudget == null ? Duration.ofMillis(1500) : handlerBudget;
        maxConsecutiveFailures = maxConsecutiveFailures <= 0 ? 5 : maxConsecutiveFailures;
        minScore = minScore <= 0 ? 0.25 : minScore;
        trustedSigners = trustedSigners == null ? List.of() : List.copyOf(trustedSigners);
        maxConcurrentCalls = maxConcurrentCalls <= 0 ? 16 : maxConcurrentCalls;
        allowedPackages = allowedPackages == null ? List.of() : List.copyOf(allowedPackages);
        store = store == null || store.isBlank() ? "database" : store.strip().toLowerCase(java.util.Locale.ROOT);
        if (!store.equals("database") && !store.equals("folder")) {
            throw new IllegalArgumentException("cellardoor.plugins.store must be database or folder, not " + store);
        }
    }

    /** Whether uploads and removals are kept in the database for every instance. */
    public boolean database() {
        return store.equals("database");
    }
}

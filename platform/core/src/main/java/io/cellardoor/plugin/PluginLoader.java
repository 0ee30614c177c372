package io.cellardoor.plugin;

import io.cellardoor.plugin.api.DomainPlugin;
import io.cellardoor.plugin.api.PluginApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Loads plugin jars (PF4J) from the plugins folder, keeps loading jars dropped in while running and unloading those
 * removed, installs uploaded jars and removes plugins on request; registers their domains in {@link PluginDomains}.
 *
 * <p>A jar is refused before PF4J opens it when it lacks a trusted signature ({@link PluginSignatures}); it is refused,
 * and its plugin unloaded again, when its {@code Plugin-Requires} does not include
 * {@link PluginApi#VERSION}, when it does not start, or when one of its domain ids is another plugin's. The folder
 * scan logs a refused jar once and retries it only when the file changes. Loading and unloading are serialised.
 */
@Component
class PluginLoader implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PluginLoader.class);

    /**
     * What happened to a jar given to the host.
     *
     * @param pluginId the jar's plugin id, empty when PF4J did not read one
     * @param loaded whether the plugin was loaded and started
     * @param domains the domain ids it contributes when loaded
     * @param problem why it was not loaded, empty when it was
     */
    record LoadOutcome(String pluginId, boolean loaded, List<String> domains, String problem) {}

    /**
     * A plugin removed on request.
     *
     * @param pluginId its {@code Plugin-Id}
     * @param version its {@code Plugin-Version}
     * @param file the jar's file name, deleted from the plugins folder
     * @param domains the domain ids it served
     */
    record Removed(String pluginId, String version, String file, List<String> domains) {}

    /** A jar the scan refused: its modification time then (it is retried when that changes) and why. */
    private record Refusal(FileTime modified, String reason) {}

    private final PluginProperties properties;
    private final PluginDomains domains;
    private final PluginSignatures signatures;
    private final ApplicationEventPublisher events;
    private final PluginManager manager;
    private final Map<Path, Refusal> refused = new HashMap<>();

    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("plugin-scanner").daemon().factory());

    PluginLoader(
            PluginProperties properties,
            PluginDomains domains,
            PluginSignatures signatures,
            ApplicationEventPublisher events) {
        this.properties = properties;
        this.domains = domains;
        this.signatures = signatures;
        this.events = events;
        this.manager = new DefaultPluginManager(properties.dir().toAbsolutePath());
        this.manager.setSystemVersion(PluginApi.VERSION);
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        Files.createDirectories(properties.dir());
        scan();
        long every = properties.scanInterval().toMillis();
        scanner.scheduleWithFixedDelay(this::scanQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        scanner.shutdownNow();
        for (PluginWrapper plugin : List.copyOf(manager.getPlugins())) {
            manager.unloadPlugin(plugin.getPluginId());
        }
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (RuntimeException | IOException e) {
            log.warn("Plugin folder scan failed: {}", e.toString());
        }
    }

    /** Loads jars added to the plugins folder since the last scan and unloads plugins whose jar is gone. */
    synchronized void scan() throws IOException {
        List<String> loaded = new ArrayList<>();
        List<String> unloaded = new ArrayList<>();
        Set<Path> known = new HashSet<>();
        for (PluginWrapper w : List.copyOf(manager.getPlugins())) {
            Path p = w.getPluginPath().toAbsolutePath();
            if (!Files.exists(p)) {
                log.info("Plugin {} removed from {}; unloading", w.getPluginId(), p);
                domains.removePlugin(w.getPluginId());
                manager.unloadPlugin(w.getPluginId());
                unloaded.add(w.getPluginId());
            } else {
                known.add(p);
            }
        }
        List<Path> jars;
        try (Stream<Path> list = Files.list(properties.dir())) {
            jars = list.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .map(Path::toAbsolutePath)
                    .sorted()
                    .toList();
        }
        refused.keySet().retainAll(jars);
        for (Path jar : jars) {
            FileTime modified = Files.getLastModifiedTime(jar);
            Refusal before = refused.get(jar);
            if (known.contains(jar) || (before != null && before.modified().equals(modified))) {
                continue;
            }
            LoadOutcome outcome = load(jar);
            if (outcome.loaded()) {
                refused.remove(jar);
                loaded.add(outcome.pluginId());
            } else {
                refused.put(jar, new Refusal(modified, outcome.problem()));
                log.warn("Refused plugin jar {}: {}", jar.getFileName(), outcome.problem());
            }
        }
        if (!loaded.isEmpty() || !unloaded.isEmpty()) {
            events.publishEvent(new DomainPluginsChanged(loaded, unloaded));
        }
    }

    /**
     * Installs a validated plugin jar while running: a loaded plugin with the same id is unloaded and its jar removed,
     * the new jar is moved into the plugins folder in one atomic step (so the folder never holds half a jar) and loaded
     * at once. A jar that then fails to load is removed again.
     *
     * @param staged the jar, on the same file system as the plugins folder (e.g. in a sub-folder of it)
     * @param pluginId the id its descriptor declares
     * @param fileName the name it gets in the plugins folder, ending in {@code .jar}
     * @throws IOException when the jar cannot be moved into the folder
     */
    synchronized LoadOutcome install(Path staged, String pluginId, String fileName) throws IOException {
        Path target = properties.dir().toAbsolutePath().resolve(fileName);
        List<String> unloaded = new ArrayList<>();
        PluginWrapper existing = manager.getPlugin(pluginId);
        if (existing != null) {
            Path old = existing.getPluginPath().toAbsolutePath();
            domains.removePlugin(pluginId);
            manager.unloadPlugin(pluginId);
            unloaded.add(pluginId);
            if (!old.equals(target)) {
                Files.deleteIfExists(old);
            }
            log.info("Plugin {} unloaded for an upload of a new jar", pluginId);
        }
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LoadOutcome outcome = load(target);
        if (!outcome.loaded()) {
            Files.deleteIfExists(target);
            log.warn("Uploaded plugin jar {} refused and removed: {}", fileName, outcome.problem());
        }
        events.publishEvent(new DomainPluginsChanged(outcome.loaded() ? List.of(pluginId) : List.of(), unloaded));
        return outcome;
    }

    /**
     * Unloads a started plugin and deletes its jar from the plugins folder.
     *
     * @return what was removed; empty when no started plugin has this id
     * @throws IOException when the jar cannot be deleted (the plugin is unloaded all the same)
     */
    synchronized Optional<Removed> remove(String pluginId) throws IOException {
        PluginWrapper plugin = manager.getPlugin(pluginId);
        if (plugin == null || plugin.getPluginState() != PluginState.STARTED) {
            return Optional.empty();
        }
        Path jar = plugin.getPluginPath().toAbsolutePath();
        String version = plugin.getDescriptor().getVersion();
        List<String> removed =
                domains.removePlugin(pluginId).stream().map(LoadedDomain::id).toList();
        manager.unloadPlugin(pluginId);
        events.publishEvent(new DomainPluginsChanged(List.of(), List.of(pluginId)));
        log.info("Plugin {} {} removed on request (domains {}); deleting {}", pluginId, version, removed, jar);
        Files.deleteIfExists(jar);
        return Optional.of(new Removed(pluginId, version, jar.getFileName().toString(), removed));
    }

    /** Jars in the plugins folder that the scan refused, with the reason, by file name. */
    synchronized List<RefusedJar> refusedJars() {
        return refused.entrySet().stream()
                .map(e -> new RefusedJar(
                        e.getKey().getFileName().toString(), e.getValue().reason()))
                .sorted(java.util.Comparator.comparing(RefusedJar::file))
                .toList();
    }

    /** Whether a plugin with this id is loaded and started. */
    boolean isStarted(String pluginId) {
        PluginWrapper plugin = manager.getPlugin(pluginId);
        return plugin != null && plugin.getPluginState() == PluginState.STARTED;
    }

    /** The PF4J plugin manager's check of a {@code Plugin-Requires} range against {@link PluginApi#VERSION}. */
    boolean supportsRequires(String requires) {
        return manager.getVersionManager().checkVersionConstraint(PluginApi.VERSION, requires);
    }

    private LoadOutcome load(Path jar) {
        PluginSignatures.Verdict signature = signatures.check(jar);
        if (!signature.accepted()) {
            return refuse(null, signature.reason());
        }
        if (!signature.signers().isEmpty()) {
            log.info("Plugin jar {} is signed by {}", jar.getFileName(), signature.signers());
        }
        String id = null;
        try {
            id = manager.loadPlugin(jar);
            if (id == null) {
                return refuse(null, "PF4J read no plugin from it");
            }
            PluginWrapper wrapper = manager.getPlugin(id);
            String requires = wrapper.getDescriptor().getRequires();
            if (requires != null && !requires.isBlank() && !supportsRequires(requires)) {
                return refuse(id, "it requires plugin API " + requires + "; this host provides " + PluginApi.VERSION);
            }
            PluginState state = manager.startPlugin(id);
            if (state != PluginState.STARTED) {
                return refuse(id, "PF4J did not start it (state " + state + ")");
            }
            String version = wrapper.getDescriptor().getVersion();
            String pluginId = id;
            List<LoadedDomain> candidates = manager.getExtensions(DomainPlugin.class, id).stream()
                    .map(p -> LoadedDomain.of(pluginId, version, p))
                    .toList();
            Optional<String> clash = domains.clash(id, candidates);
            if (clash.isPresent()) {
                return refuse(id, clash.get());
            }
            domains.add(candidates);
            for (LoadedDomain d : candidates) {
                log.info(
                        "Loaded domain plugin '{}' {} from {} (folders {}, related {}, order {})",
                        d.id(),
                        version,
                        jar.getFileName(),
                        d.descriptor.folders(),
                        d.descriptor.relatedDomains(),
                        d.order);
            }
            return new LoadOutcome(
                    id, true, candidates.stream().map(LoadedDomain::id).toList(), "");
        } catch (RuntimeException e) {
            return refuse(id, String.valueOf(e.getMessage()));
        }
    }

    /** Unloads a plugin this jar loaded (never another jar's plugin of the same id) and says why. */
    private LoadOutcome refuse(@Nullable String id, String why) {
        if (id != null && manager.getPlugin(id) != null) {
            manager.unloadPlugin(id);
        }
        return new LoadOutcome(id == null ? "" : id, false, List.of(), why);
    }
}

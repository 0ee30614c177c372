package io.cellardoor.plugin;

import io.cellardoor.cluster.ClusterEvents;
import io.cellardoor.plugin.api.DomainPlugin;
import io.cellardoor.plugin.api.PluginApi;
import io.cellardoor.plugin.internal.PluginJarStore;
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
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads plugin jars (PF4J) from the plugins folder, keeps loading jars dropped in while running and unloading those
 * removed, installs uploaded jars and removes plugins on request; registers their domains in {@link PluginDomains}.
 *
 * <p>A jar is refused before PF4J opens it when it lacks a trusted signature ({@link PluginSignatures}) or when its code
 * reaches past the plugin API ({@link PluginCodePolicy}); it is refused,
 * and its plugin unloaded again, when its {@code Plugin-Requires} does not include
 * {@link PluginApi#VERSION}, when it does not start, or when one of its domain ids is another plugin's. The folder
 * scan logs a refused jar once and retries it only when the file changes. Loading and unloading are serialised.
 *
 * <p>With {@code cellardoor.plugins.store=database} (the default) uploads and removals are also kept in table
 * {@code plugin_jar} (docs/decisions/0054) and every scan first brings this instance in line with it: a stored jar is
 * written into the plugins folder as {@code <pluginId>.jar} and loaded in place of any folder jar of that id (its
 * signature checked here as everywhere), a stored removal unloads the plugin, and folder jars of an id the database
 * governs are not loaded (listed as refused, with the reason). Another instance's change is announced by
 * {@link PluginJarsChanged}, which starts a scan at once; the scan every 2 s is the backstop.
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
    private final PluginCodePolicy codePolicy;
    private final ApplicationEventPublisher events;
    private final PluginManager manager;
    private final Map<Path, Refusal> refused = new HashMap<>();
    private final PluginJarStore store;
    private final ClusterEvents cluster;
    private final TransactionTemplate tx;
    /** Marks a folder jar that is the stored jar of its plugin (loaded, or refused, by the database's sync). */
    private static final String SAME_AS_STORED = "";

    /** This instance's copies of stored jars its plugins folder does not hold; null until the first. */
    private @Nullable Path ownCopies;
    /** SHA-256 of the jar each loaded plugin came from, by plugin id; read by turns without the scan's lock. */
    private final Map<String, String> loadedSha = new java.util.concurrent.ConcurrentHashMap<>();
    /** Stored jars this instance refused, by plugin id: their hash (tried again when it changes) and why. */
    private final Map<String, Refusal> refusedStored = new HashMap<>();

    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("plugin-scanner").daemon().factory());

    PluginLoader(
            PluginProperties properties,
            PluginDomains domains,
            PluginSignatures signatures,
            PluginCodePolicy codePolicy,
            ApplicationEventPublisher events,
            PluginJarStore store,
            ClusterEvents cluster,
            TransactionTemplate tx) {
        this.properties = properties;
        this.domains = domains;
        this.signatures = signatures;
        this.codePolicy = codePolicy;
        this.events = events;
        this.store = store;
        this.cluster = cluster;
        this.tx = tx;
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
        if (ownCopies != null) {
            try (Stream<Path> copies = Files.list(ownCopies)) {
                for (Path copy : copies.toList()) {
                    Files.deleteIfExists(copy);
                }
                Files.deleteIfExists(ownCopies);
            } catch (IOException e) {
                log.debug("Could not delete {}: {}", ownCopies, e.toString());
            }
        }
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (RuntimeException | IOException e) {
            log.warn("Plugin folder scan failed: {}", e.toString());
        }
    }

    /** Another instance uploaded or removed a jar (or this one did): compare with the database now. */
    @EventListener
    void onPluginJarsChanged(PluginJarsChanged event) {
        if (properties.database() && !scanner.isShutdown()) {
            scanner.execute(this::scanQuietly);
        }
    }

    /**
     * Brings the loaded plugins in line with the database's uploads and removals (when they are kept there), loads jars
     * added to the plugins folder since the last scan and unloads plugins whose jar is gone.
     *
     * @throws RuntimeException when the database cannot be read; nothing changed then
     */
    synchronized void scan() throws IOException {
        Map<String, StoredPluginJar> stored = properties.database() ? store.list() : Map.of();
        List<String> loaded = new ArrayList<>();
        List<String> unloaded = new ArrayList<>();
        Set<Path> known = new HashSet<>();
        for (PluginWrapper w : List.copyOf(manager.getPlugins())) {
            Path p = w.getPluginPath().toAbsolutePath();
            if (!Files.exists(p)) {
                log.info("Plugin {} removed from {}; unloading", w.getPluginId(), p);
                unload(w.getPluginId());
                unloaded.add(w.getPluginId());
            } else {
                known.add(p);
            }
        }
        for (StoredPluginJar jar : stored.values()) {
            syncStored(jar, loaded, unloaded, known);
        }
        refusedStored.keySet().retainAll(stored.keySet());
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
            Optional<String> governed = stored.isEmpty() ? Optional.empty() : governedBy(jar, stored);
            if (governed.isPresent()) {
                if (!governed.get().equals(SAME_AS_STORED)) {
                    refused.put(jar, new Refusal(modified, governed.get()));
                    log.info("Not loading plugin jar {}: {}", jar.getFileName(), governed.get());
                }
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
     * One stored upload or removal applied here: loaded, replaced or unloaded as needed. A stored jar loads in place
     * when the plugins folder already holds it (this instance uploaded it, or the folder is shared), else from a copy
     * in a folder of this instance's own: an instance never writes or deletes another's files.
     */
    private void syncStored(StoredPluginJar jar, List<String> loaded, List<String> unloaded, Set<Path> known)
            throws IOException {
        String id = jar.pluginId();
        if (jar.removed()) {
            refusedStored.remove(id);
            PluginWrapper plugin = manager.getPlugin(id);
            if (plugin != null) {
                log.info("Plugin {} was removed by {} at {}; unloading", id, jar.changedBy(), jar.changedAt());
                Path path = plugin.getPluginPath().toAbsolutePath();
                known.remove(path);
                unload(id);
                deleteIfOwnCopy(path);
                unloaded.add(id);
            }
            return;
        }
        Refusal refusal = refusedStored.get(id);
        if (jar.sha256().equals(loadedSha.get(id))
                || (refusal != null && refusal.reason().startsWith(jar.sha256()))) {
            return;
        }
        Path inFolder = properties.dir().toAbsolutePath().resolve(jar.fileName());
        Path candidate;
        if (Files.isRegularFile(inFolder) && jar.sha256().equals(sha256(inFolder))) {
            candidate = inFolder;
        } else {
            Optional<byte[]> content = store.content(id, jar.sha256());
            if (content.isEmpty()) {
                return; // changed again since it was listed: the next scan takes the newer one
            }
            candidate = ownCopies().resolve(id + "-" + jar.sha256().substring(0, 12) + ".jar");
            Files.write(candidate, content.get());
        }
        PluginWrapper before = manager.getPlugin(id);
        if (before != null) {
            Path old = before.getPluginPath().toAbsolutePath();
            known.remove(old);
            unload(id);
            deleteIfOwnCopy(old);
            unloaded.add(id);
        }
        LoadOutcome outcome = load(candidate);
        if (outcome.loaded()) {
            refusedStored.remove(id);
            known.add(candidate);
            loaded.add(id);
            log.info("Loaded plugin {} {} uploaded by {} at {}", id, jar.version(), jar.changedBy(), jar.changedAt());
        } else {
            deleteIfOwnCopy(candidate);
            refusedStored.put(id, new Refusal(FileTime.fromMillis(0), jar.sha256() + ": " + outcome.problem()));
            log.warn("Refused the stored jar of plugin {} uploaded by {}: {}", id, jar.changedBy(), outcome.problem());
        }
    }

    /** The folder of this instance's own copies of stored jars (under {@code java.io.tmpdir}), made on first use. */
    private Path ownCopies() throws IOException {
        if (ownCopies == null) {
            ownCopies = Files.createTempDirectory("cellardoor-stored-plugins-").toAbsolutePath();
        }
        return ownCopies;
    }

    private void deleteIfOwnCopy(Path jar) throws IOException {
        if (ownCopies != null && jar.startsWith(ownCopies)) {
            Files.deleteIfExists(jar);
        }
    }

    /**
     * Why a folder jar must not load: its plugin id is one the database governs (removed, or uploaded: then the stored
     * jar is loaded instead). Empty also for the stored jar itself lying in the folder, which is skipped silently.
     */
    private Optional<String> governedBy(Path jar, Map<String, StoredPluginJar> stored) {
        String id = pluginIdOf(jar);
        StoredPluginJar governing = id == null ? null : stored.get(id);
        if (governing == null) {
            return Optional.empty();
        }
        if (governing.removed()) {
            return Optional.of("plugin " + id + " was removed by " + governing.changedBy() + " at "
                    + governing.changedAt() + "; upload a jar of it to bring it back");
        }
        if (governing.sha256().equals(sha256(jar))) {
            return Optional.of(SAME_AS_STORED);
        }
        return Optional.of("plugin " + id + " " + governing.version() + " uploaded by " + governing.changedBy() + " at "
                + governing.changedAt() + " is loaded instead");
    }

    private static @Nullable String pluginIdOf(Path jar) {
        try {
            PluginDescriptor d = new CompoundPluginDescriptorFinder()
                    .add(new PropertiesPluginDescriptorFinder())
                    .add(new ManifestPluginDescriptorFinder())
                    .find(jar);
            return d == null ? null : d.getPluginId();
        } catch (PluginRuntimeException e) {
            return null;
        }
    }

    /**
     * Installs a validated plugin jar while running: a loaded plugin with the same id is unloaded and its jar removed,
     * the new jar is moved into the plugins folder in one atomic step (so the folder never holds half a jar) and loaded
     * at once. A jar that then fails to load is removed again. With the database store the jar is then kept there for
     * every instance (in the same step, so this instance's scans never see the old row), and announced.
     *
     * @param staged the jar, on the same file system as the plugins folder (e.g. in a sub-folder of it)
     * @param pluginId the id its descriptor declares
     * @param fileName the name it gets in the plugins folder, ending in {@code .jar}
     * @param actor who uploaded it, kept with the stored jar
     * @throws IOException when the jar cannot be moved into the folder
     */
    LoadOutcome install(Path staged, String pluginId, String fileName, String actor) throws IOException {
        LoadOutcome outcome;
        synchronized (this) {
            byte[] content = properties.database() ? Files.readAllBytes(staged) : null;
            List<String> unloaded = new ArrayList<>();
            outcome = replace(staged, pluginId, fileName, unloaded);
            if (outcome.loaded() && content != null) {
                try {
                    PluginWrapper plugin = manager.getPlugin(pluginId);
                    String version = plugin.getDescriptor().getVersion();
                    tx.executeWithoutResult(status -> {
                        store.save(pluginId, version, fileName, content, loadedSha.get(pluginId), actor);
                        cluster.publish(new PluginJarsChanged(pluginId));
                    });
                    refusedStored.remove(pluginId);
                } catch (RuntimeException e) {
                    Path jar = manager.getPlugin(pluginId).getPluginPath().toAbsolutePath();
                    unload(pluginId);
                    Files.deleteIfExists(jar);
                    events.publishEvent(new DomainPluginsChanged(List.of(), List.of(pluginId)));
                    throw e;
                }
            }
            events.publishEvent(new DomainPluginsChanged(outcome.loaded() ? List.of(pluginId) : List.of(), unloaded));
        }
        return outcome;
    }

    /** {@link #install} without announcing: unloads a plugin of the same id, moves the jar in and loads it. */
    private LoadOutcome replace(Path staged, String pluginId, String fileName, List<String> unloaded)
            throws IOException {
        Path target = properties.dir().toAbsolutePath().resolve(fileName);
        PluginWrapper existing = manager.getPlugin(pluginId);
        if (existing != null) {
            Path old = existing.getPluginPath().toAbsolutePath();
            unload(pluginId);
            unloaded.add(pluginId);
            if (!old.equals(target)) {
                Files.deleteIfExists(old);
            }
            log.info("Plugin {} unloaded for a new jar", pluginId);
        }
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LoadOutcome outcome = load(target);
        if (!outcome.loaded()) {
            Files.deleteIfExists(target);
            log.warn("Plugin jar {} refused and removed: {}", fileName, outcome.problem());
        }
        return outcome;
    }

    /**
     * Unloads a started plugin and deletes its jar from the plugins folder; with the database store the removal is
     * kept there for every instance, and announced.
     *
     * @param actor who removed it, kept with the removal
     * @return what was removed; empty when no started plugin has this id
     * @throws IOException when the jar cannot be deleted (the plugin is unloaded all the same)
     */
    synchronized Optional<Removed> remove(String pluginId, String actor) throws IOException {
        PluginWrapper plugin = manager.getPlugin(pluginId);
        if (plugin == null || plugin.getPluginState() != PluginState.STARTED) {
            return Optional.empty();
        }
        Path jar = plugin.getPluginPath().toAbsolutePath();
        String version = plugin.getDescriptor().getVersion();
        String sha = loadedSha.getOrDefault(pluginId, "0".repeat(64));
        if (properties.database()) {
            tx.executeWithoutResult(status -> {
                store.markRemoved(pluginId, version, pluginId + ".jar", sha, actor);
                cluster.publish(new PluginJarsChanged(pluginId));
            });
        }
        List<String> removed = unload(pluginId).stream().map(LoadedDomain::id).toList();
        events.publishEvent(new DomainPluginsChanged(List.of(), List.of(pluginId)));
        log.info("Plugin {} {} removed on request (domains {}); deleting {}", pluginId, version, removed, jar);
        Files.deleteIfExists(jar);
        return Optional.of(new Removed(pluginId, version, jar.getFileName().toString(), removed));
    }

    /**
     * The loaded plugins' jars: lower-case hex SHA-256 of the jar each came from, by plugin id, sorted by id. A snapshot;
     * never blocks on a scan in progress.
     */
    Map<String, String> loadedJars() {
        return new java.util.TreeMap<>(loadedSha);
    }

    /** Takes a plugin's domains out of routing and unloads it. */
    private List<LoadedDomain> unload(String pluginId) {
        List<LoadedDomain> removed = domains.removePlugin(pluginId);
        manager.unloadPlugin(pluginId);
        loadedSha.remove(pluginId);
        return removed;
    }

    /** Stored jars this instance refused, with the reason, by file name. */
    private List<RefusedJar> refusedStoredJars() {
        return refusedStored.entrySet().stream()
                .map(e -> new RefusedJar(
                        e.getKey() + ".jar (uploaded)",
                        e.getValue().reason().substring(e.getValue().reason().indexOf(": ") + 2)))
                .toList();
    }

    /** Jars in the plugins folder that the scan refused, with the reason, by file name. */
    synchronized List<RefusedJar> refusedJars() {
        return Stream.concat(
                        refused.entrySet().stream()
                                .map(e -> new RefusedJar(
                                        e.getKey().getFileName().toString(),
                                        e.getValue().reason())),
                        refusedStoredJars().stream())
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
        PluginCodePolicy.Verdict code = codePolicy.check(jar);
        if (!code.accepted()) {
            return refuse(null, code.reason());
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
            loadedSha.put(id, sha256(jar));
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

    /** SHA-256 of a file, hex. */
    static String sha256(Path file) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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

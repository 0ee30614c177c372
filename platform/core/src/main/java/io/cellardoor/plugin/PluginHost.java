package io.cellardoor.plugin;

import io.cellardoor.knowledge.Folders;
import io.cellardoor.plugin.api.DomainDescriptor;
import io.cellardoor.plugin.api.DomainPlugin;
import io.cellardoor.plugin.api.PluginApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
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
 * Loads domain plugins (PF4J jars) from a folder, keeps loading jars dropped in while running, and calls
 * them under a time budget.
 *
 * <p>A call that throws or runs out of time is skipped for that query and counted; after
 * {@link PluginProperties#maxConsecutiveFailures()} failures in a row the plugin is disabled and the
 * reason logged. The host refuses a plugin whose {@code Plugin-Requires} does not include
 * {@link PluginApi#VERSION}.
 */
@Component
public class PluginHost implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    /** A started plugin's domain extension with its counters. */
    final class LoadedDomain {
        final String pluginId;
        final String version;
        final DomainPlugin plugin;
        final DomainDescriptor descriptor;
        final AtomicLong calls = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final AtomicLong consecutiveFailures = new AtomicLong();
        volatile String disabledReason = "";

        LoadedDomain(String pluginId, String version, DomainPlugin plugin, DomainDescriptor descriptor) {
            this.pluginId = pluginId;
            this.version = version;
            this.plugin = plugin;
            this.descriptor = descriptor;
        }

        boolean enabled() {
            return disabledReason.isEmpty();
        }
    }

    private final PluginProperties properties;
    private final PluginManager manager;
    private final Map<String, LoadedDomain> domains = new ConcurrentHashMap<>();
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("plugin-call-", 0).factory());
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("plugin-scanner").daemon().factory());

    private final ApplicationEventPublisher events;

    PluginHost(PluginProperties properties, ApplicationEventPublisher events) {
        this.properties = properties;
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
        calls.shutdownNow();
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
    public synchronized void scan() throws IOException {
        List<String> loaded = new java.util.ArrayList<>();
        List<String> unloaded = new java.util.ArrayList<>();
        Set<Path> known = new HashSet<>();
        for (PluginWrapper w : List.copyOf(manager.getPlugins())) {
            Path p = w.getPluginPath().toAbsolutePath();
            if (!Files.exists(p)) {
                log.info("Plugin {} removed from {}; unloading", w.getPluginId(), p);
                domains.values().removeIf(d -> d.pluginId.equals(w.getPluginId()));
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
        for (Path jar : jars) {
            if (known.contains(jar)) {
                continue;
            }
            LoadOutcome outcome = load(jar);
            if (outcome.loaded()) {
                loaded.add(outcome.pluginId());
            } else if (!outcome.problem().isEmpty()) {
                log.warn("Refused plugin jar {}: {}", jar.getFileName(), outcome.problem());
            }
        }
        if (!loaded.isEmpty() || !unloaded.isEmpty()) {
            events.publishEvent(new DomainPluginsChanged(loaded, unloaded));
        }
    }

    /**
     * What happened to a jar given to the host.
     *
     * @param pluginId the jar's plugin id, empty when PF4J did not read one
     * @param loaded whether the plugin was loaded and started
     * @param domains the domain ids it contributes when loaded
     * @param problem why it was not loaded, empty when it was
     */
    public record LoadOutcome(String pluginId, boolean loaded, List<String> domains, String problem) {}

    private LoadOutcome load(Path jar) {
        String id = "";
        try {
            id = manager.loadPlugin(jar);
            if (id == null) {
                return new LoadOutcome("", false, List.of(), "");
            }
            PluginState state = manager.startPlugin(id);
            if (state != PluginState.STARTED) {
                String why = "not started: " + state;
                log.warn("Plugin {} from {} {}", id, jar.getFileName(), why);
                return new LoadOutcome(id, false, List.of(), why);
            }
            return new LoadOutcome(id, true, register(manager.getPlugin(id)), "");
        } catch (RuntimeException e) {
            return new LoadOutcome(id == null ? "" : id, false, List.of(), String.valueOf(e.getMessage()));
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
    public synchronized LoadOutcome install(Path staged, String pluginId, String fileName) throws IOException {
        Path target = properties.dir().toAbsolutePath().resolve(fileName);
        List<String> unloaded = new java.util.ArrayList<>();
        PluginWrapper existing = manager.getPlugin(pluginId);
        if (existing != null) {
            Path old = existing.getPluginPath().toAbsolutePath();
            domains.values().removeIf(d -> d.pluginId.equals(pluginId));
            manager.unloadPlugin(pluginId);
            unloaded.add(pluginId);
            if (!old.equals(target)) {
                Files.deleteIfExists(old);
            }
            log.info("Plugin {} unloaded for an upload of a new jar", pluginId);
        }
        Files.move(
                staged,
                target,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        LoadOutcome outcome = load(target);
        if (!outcome.loaded()) {
            if (manager.getPlugin(pluginId) != null
                    && manager.getPlugin(pluginId)
                            .getPluginPath()
                            .toAbsolutePath()
                            .equals(target)) {
                manager.unloadPlugin(pluginId);
            }
            Files.deleteIfExists(target);
            log.warn("Uploaded plugin jar {} refused and removed: {}", fileName, outcome.problem());
        }
        events.publishEvent(new DomainPluginsChanged(outcome.loaded() ? List.of(pluginId) : List.of(), unloaded));
        return outcome;
    }

    /** The PF4J plugin manager's check of a {@code Plugin-Requires} range against {@link PluginApi#VERSION}. */
    public boolean supportsRequires(String requires) {
        return manager.getVersionManager().checkVersionConstraint(PluginApi.VERSION, requires);
    }

    /** Every loaded domain, enabled or not (for per-org views). */
    List<LoadedDomain> loadedDomains() {
        return domains.values().stream()
                .sorted(Comparator.comparing((LoadedDomain d) -> d.descriptor.id()))
                .toList();
    }

    private List<String> register(PluginWrapper wrapper) {
        String id = wrapper.getPluginId();
        String version = wrapper.getDescriptor().getVersion();
        List<String> registered = new java.util.ArrayList<>();
        for (DomainPlugin plugin : manager.getExtensions(DomainPlugin.class, id)) {
            DomainDescriptor descriptor = plugin.descriptor();
            LoadedDomain previous = domains.put(descriptor.id(), new LoadedDomain(id, version, plugin, descriptor));
            log.info(
                    "Loaded domain plugin '{}' {} from {} (folders {}, related {}){}",
                    descriptor.id(),
                    version,
                    wrapper.getPluginPath().getFileName(),
                    descriptor.folders(),
                    descriptor.relatedDomains(),
                    previous == null ? "" : ", replacing " + previous.pluginId);
            registered.add(descriptor.id());
        }
        return registered;
    }

    /** Enabled domains serving the tenant, in {@link DomainPlugin#order()} then id order. */
    List<LoadedDomain> enabledDomains(String tenant) {
        return domains.values().stream()
                .filter(LoadedDomain::enabled)
                .filter(d -> guardedEnabled(d, tenant))
                .sorted(Comparator.comparingInt((LoadedDomain d) -> d.plugin.order())
                        .thenComparing(d -> d.descriptor.id()))
                .toList();
    }

    private boolean guardedEnabled(LoadedDomain d, String tenant) {
        try {
            return d.plugin.isEnabled(tenant);
        } catch (RuntimeException e) {
            return false;
        }
    }

    Optional<LoadedDomain> domain(String id) {
        return Optional.ofNullable(domains.get(id)).filter(LoadedDomain::enabled);
    }

    /**
     * Calls into a plugin under a time budget.
     *
     * @return the result, or empty when the call threw or ran out of time (counted as a failure)
     */
    <T> Optional<T> call(LoadedDomain domain, String what, Duration budget, Supplier<T> call) {
        domain.calls.incrementAndGet();
        Future<T> future = calls.submit(call::get);
        try {
            T result = future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            domain.consecutiveFailures.set(0);
            return Optional.ofNullable(result);
        } catch (TimeoutException e) {
            future.cancel(true);
            fail(domain, what + " exceeded its budget of " + budget.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            fail(domain, what + " threw " + cause);
        }
        return Optional.empty();
    }

    private void fail(LoadedDomain domain, String why) {
        domain.failures.incrementAndGet();
        long inARow = domain.consecutiveFailures.incrementAndGet();
        log.warn("Plugin '{}' skipped: {}", domain.descriptor.id(), why);
        if (inARow >= properties.maxConsecutiveFailures() && domain.enabled()) {
            domain.disabledReason = inARow + " consecutive failures; last: " + why;
            log.error("Plugin '{}' disabled after {}", domain.descriptor.id(), domain.disabledReason);
        }
    }

    /** Health of every loaded domain plugin, by domain id. */
    public List<PluginHealth> health() {
        return domains.values().stream()
                .map(d -> new PluginHealth(
                        d.pluginId,
                        d.descriptor.id(),
                        d.version,
                        d.calls.get(),
                        d.failures.get(),
                        !d.enabled(),
                        d.disabledReason))
                .sorted(Comparator.comparing(PluginHealth::domain))
                .toList();
    }

    /** Descriptors of every enabled domain, by id. */
    public List<DomainDescriptor> descriptors() {
        return domains.values().stream()
                .filter(LoadedDomain::enabled)
                .map(d -> d.descriptor)
                .sorted(Comparator.comparing(DomainDescriptor::id))
                .toList();
    }

    /** The domain a normalised knowledge folder belongs to, or {@link PluginApi#GENERAL_DOMAIN}. */
    public String domainOfFolder(String folder) {
        String f = Folders.normalise(folder);
        return domains.values().stream()
                .filter(LoadedDomain::enabled)
                .filter(d ->
                        d.descriptor.folders().stream().map(Folders::normalise).anyMatch(f::equals))
                .map(d -> d.descriptor.id())
                .sorted()
                .findFirst()
                .orElse(PluginApi.GENERAL_DOMAIN);
    }

    /** Normalised folders owned by a domain; empty for unknown domains and for general. */
    public List<String> foldersOf(String domain) {
        LoadedDomain d = domains.get(domain);
        return d == null
                ? List.of()
                : d.descriptor.folders().stream().map(Folders::normalise).toList();
    }
}

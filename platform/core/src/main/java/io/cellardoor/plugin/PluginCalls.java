package io.cellardoor.plugin;

import io.cellardoor.observability.RagMetrics;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Calls into plugins under a time budget, and their health.
 *
 * <p>Each plugin has a bulkhead (Resilience4j, {@link PluginProperties#maxConcurrentCalls()} calls at once, no
 * waiting): a call beyond it is refused at once, and a call that ran out of time holds its place until its thread
 * really ends, so a plugin that hangs forever costs at most that many threads and never more than its budget of any
 * answer. Failures are counted in {@code rag_plugin_failures_total{plugin,reason}}.
 *
 * <p>A call that throws or runs out of time is skipped for that query and counted; after
 * {@link PluginProperties#maxConsecutiveFailures()} failures in a row the domain is disabled for the process (it then
 * owns no folders and is not asked to classify) and the reason logged.
 */
@Component
public class PluginCalls implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PluginCalls.class);

    private final PluginProperties properties;
    private final PluginDomains domains;
    private final RagMetrics metrics;
    private final Map<String, Bulkhead> bulkheads = new ConcurrentHashMap<>();
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("plugin-call-", 0).factory());

    PluginCalls(PluginProperties properties, PluginDomains domains, RagMetrics metrics) {
        this.properties = properties;
        this.domains = domains;
        this.metrics = metrics;
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }

    /** Health of every loaded domain plugin, by domain id. */
    public List<PluginHealth> health() {
        return domains.all().stream()
                .map(d -> new PluginHealth(
                        d.pluginId, d.id(), d.version, d.calls.get(), d.failures.get(), !d.enabled(), d.disabledReason))
                .sorted(Comparator.comparing(PluginHealth::domain))
                .toList();
    }

    /**
     * Calls into a plugin under a time budget.
     *
     * @param what what is called, for the log and the disabled reason, e.g. {@code classifier}
     * @return the result, or empty when the call threw or ran out of time (counted as a failure)
     */
    <T> Optional<T> call(LoadedDomain domain, String what, Duration budget, Supplier<T> call) {
        domain.calls.incrementAndGet();
        Bulkhead bulkhead = bulkheads.computeIfAbsent(
                domain.pluginId,
                id -> Bulkhead.of(
                        "plugin-" + id,
                        BulkheadConfig.custom()
                                .maxConcurrentCalls(properties.maxConcurrentCalls())
                                .maxWaitDuration(Duration.ZERO)
                                .build()));
        if (!bulkhead.tryAcquirePermission()) {
            metrics.pluginFailure(domain.pluginId, "rejected");
            fail(domain, what + " refused: " + properties.maxConcurrentCalls() + " calls already running");
            return Optional.empty();
        }
        Future<T> future;
        try {
            future = calls.submit(() -> {
                try {
                    return call.get();
                } finally {
                    bulkhead.onComplete();
                }
            });
        } catch (RuntimeException e) {
            bulkhead.onComplete();
            throw e;
        }
        try {
            T result = future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            domain.consecutiveFailures.set(0);
            return Optional.ofNullable(result);
        } catch (TimeoutException e) {
            future.cancel(true);
            metrics.pluginFailure(domain.pluginId, "timeout");
            fail(domain, what + " exceeded its budget of " + budget.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            metrics.pluginFailure(domain.pluginId, "error");
            fail(domain, what + " threw " + cause);
        }
        return Optional.empty();
    }

    private void fail(LoadedDomain domain, String why) {
        domain.failures.incrementAndGet();
        long inARow = domain.consecutiveFailures.incrementAndGet();
        log.warn("Plugin '{}' skipped: {}", domain.id(), why);
        if (inARow >= properties.maxConsecutiveFailures() && domain.enabled()) {
            domain.disabledReason = inARow + " consecutive failures; last: " + why;
            log.error("Plugin '{}' disabled after {}", domain.id(), domain.disabledReason);
            domains.changed();
        }
    }
}

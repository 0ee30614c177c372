package io.cellardoor.chat.internal;

import io.cellardoor.observability.OrgPlan;
import io.cellardoor.observability.RagMetrics;
import io.cellardoor.tenant.Site;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs the chat pipeline's stages as Micrometer observations named {@code cellardoor.chat.stage} with the
 * low-cardinality key {@code stage} ({@code flags}, {@code quota}, {@code budget} before the answer path,
 * {@code conversation}, {@code guard}, {@code rewrite}, {@code language},
 * {@code embed}, {@code curated}, {@code cache}, {@code classify}, {@code retrieve}, {@code handle}, {@code split}
 * (the parts of a question asking several things classified, beside {@code embed}), {@code parts}, {@code rank},
 * {@code generate},
 * {@code cite}, {@code persist}, {@code usage}): each is a timer on {@code /actuator/prometheus} ({@code cellardoor_chat_stage_seconds},
 * p50/p95/p99 published) and, when tracing is on, a span. Everything before {@code generate} is what the platform adds
 * before an LLM's first token; {@code quota} and {@code classify} run beside the stages after them ({@link #start}), so
 * their times overlap others'.
 *
 * <p>A whole turn ({@link #turn}) is the parent observation {@code cellardoor.chat.turn} (span {@code chat turn}) with
 * the high-cardinality attributes {@code org}, {@code site} and {@code plan} (from an {@link OrgPlan} bean when
 * billing provides one), and, once known, {@code domain}, {@code generator}, {@code model}, {@code cache.hit} and the
 * token counts ({@link #describe}): span attributes only, never metric tags. The turn puts {@code org} and
 * {@code site} into the logging context, counts failed stages in {@code rag_pipeline_errors_total{component=stage}},
 * and logs one line with every stage's duration when it took longer than {@code cellardoor.chat.slow-turn}
 * (default 5 s).
 */
@Component
public class Stages {

    /** The observation (metric and span) name of every stage. */
    public static final String NAME = "cellardoor.chat.stage";

    /** The observation (span) name of a whole turn. */
    public static final String TURN = "cellardoor.chat.turn";

    private static final Logger log = LoggerFactory.getLogger(Stages.class);

    private final ObservationRegistry registry;
    private final RagMetrics metrics;
    private final ObjectProvider<OrgPlan> plans;
    private final Duration slowTurn;
    private final ThreadLocal<@Nullable Map<String, Long>> timings = new ThreadLocal<>();
    /** Stages started beside the caller's ({@link #start}); the caller's observation and logging context carry over. */
    private final ExecutorService aside = ContextExecutorService.wrap(
            Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("chat-stage-", 0).factory()),
            () -> ContextSnapshotFactory.builder().build().captureAll());

    Stages(
            ObservationRegistry registry,
            RagMetrics metrics,
            ObjectProvider<OrgPlan> plans,
            @Value("${cellardoor.chat.slow-turn:5s}") Duration slowTurn) {
        this.registry = registry;
        this.metrics = metrics;
        this.plans = plans;
        this.slowTurn = slowTurn;
    }

    /** Runs one stage's work and observes it, also when it throws. */
    public <T> T run(String stage, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return Observation.createNotStarted(NAME, registry)
                    .contextualName("chat " + stage)
                    .lowCardinalityKeyValue("stage", stage)
                    .observe(work);
        } catch (RuntimeException e) {
            metrics.pipelineError(stage);
            throw e;
        } finally {
            Map<String, Long> times = timings.get();
            if (times != null) {
                times.merge(stage, System.nanoTime() - started, Long::sum);
            }
        }
    }

    /**
     * Starts one stage's work on a virtual thread of its own, observed as {@link #run} observes it, as a child of the
     * caller's observation, its time counted in the caller's turn. For work that needs nothing the caller is still
     * computing and whose effects the path need not order (docs/decisions/0057); {@link #join} waits for it.
     */
    public <T> CompletableFuture<T> start(String stage, Supplier<T> work) {
        return start(stage, CompletableFuture.completedFuture(null), work);
    }

    /**
     * As {@link #start}, once {@code after} has completed: the stage's work waits on its own virtual thread (its timer
     * starts after the wait), and when {@code after} fails the stage does not run and its future fails the same way.
     */
    public <T> CompletableFuture<T> start(String stage, CompletableFuture<?> after, Supplier<T> work) {
        Map<String, Long> times = timings.get();
        return CompletableFuture.supplyAsync(
                () -> {
                    join(after);
                    timings.set(times);
                    try {
                        return run(stage, work);
                    } finally {
                        timings.remove();
                    }
                },
                aside);
    }

    /** The result of a stage {@link #start}ed earlier; what it threw is rethrown as thrown. */
    public static <T> T join(CompletableFuture<T> started) {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * Runs a whole turn of a site's visitor as the parent of its stages.
     *
     * @param work the turn's stages
     */
    public <T> T turn(Site site, Supplier<T> work) {
        String plan = Optional.ofNullable(plans.getIfAvailable())
                .flatMap(p -> p.of(site.orgId()))
                .orElse("none");
        Observation turn = Observation.createNotStarted(TURN, registry)
                .contextualName("chat turn")
                .highCardinalityKeyValue("org", site.orgSlug())
                .highCardinalityKeyValue("site", Long.toString(site.id()))
                .highCardinalityKeyValue("plan", plan);
        Map<String, Long> times = Collections.synchronizedMap(new LinkedHashMap<>());
        Map<String, Long> outer = timings.get();
        timings.set(times);
        long started = System.nanoTime();
        try (MDC.MDCCloseable org = MDC.putCloseable("org", site.orgSlug());
                MDC.MDCCloseable s = MDC.putCloseable("site", Long.toString(site.id()))) {
            try {
                return turn.observe(work);
            } finally {
                timings.set(outer);
                long took = System.nanoTime() - started;
                if (took >= slowTurn.toNanos()) {
                    log.warn(
                            "Slow chat turn: {} ms (over {} ms) for org {} site {}; stages: {}",
                            took / 1_000_000,
                            slowTurn.toMillis(),
                            site.orgSlug(),
                            site.id(),
                            breakdown(times));
                }
            }
        }
    }

    /** The turn's outcome as attributes of the current span (the turn's, when called between stages). */
    public void describe(
            String domain,
            String generator,
            @Nullable String model,
            int inputTokens,
            int outputTokens,
            boolean cacheHit) {
        Observation current = registry.getCurrentObservation();
        if (current == null) {
            return;
        }
        current.highCardinalityKeyValue("domain", domain)
                .highCardinalityKeyValue("generator", generator)
                .highCardinalityKeyValue("model", model == null ? "none" : model)
                .highCardinalityKeyValue("tokens.input", Integer.toString(inputTokens))
                .highCardinalityKeyValue("tokens.output", Integer.toString(outputTokens))
                .highCardinalityKeyValue("cache.hit", Boolean.toString(cacheHit));
    }

    /** {@code guard=1ms retrieve=40ms generate=5012ms}, in the order the stages ran. */
    static String breakdown(Map<String, Long> times) {
        synchronized (times) { // a stage started beside the turn's may still add to it
            return times.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue() / 1_000_000 + "ms")
                    .collect(Collectors.joining(" "));
        }
    }
}

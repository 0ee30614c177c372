package io.cellardoor.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The {@code rag_*} series an operator's dashboards and alerts read (docs/observability.md lists them). Every label
 * takes values from a small, fixed or configured set (stage names, provider names, plugin ids, org slugs): never a
 * question, a visitor or a conversation.
 *
 * <table>
 *   <caption>series</caption>
 *   <tr><td>{@code rag_http_requests_total{endpoint,status}}</td><td>chat API calls: {@code chat}, {@code stream},
 *       {@code ws}; status code</td></tr>
 *   <tr><td>{@code rag_retrieval_duration_seconds{mode}}</td><td>hybrid retrieval of a turn</td></tr>
 *   <tr><td>{@code rag_generation_duration_seconds{provider,model}}</td><td>one answer's generation (provider
 *       {@code extractive} for the embedded generator)</td></tr>
 *   <tr><td>{@code rag_generation_tokens_total{provider,model,direction}}</td><td>tokens the provider counted,
 *       {@code input}/{@code output}</td></tr>
 *   <tr><td>{@code rag_pipeline_errors_total{component}}</td><td>a stage or dependency failed (and degraded)</td></tr>
 *   <tr><td>{@code rag_cache_requests_total{result}}</td><td>semantic cache {@code hit}, {@code miss},
 *       {@code bypass}</td></tr>
 *   <tr><td>{@code rag_plugin_failures_total{plugin,reason}}</td><td>plugin calls that failed: {@code timeout},
 *       {@code error}, {@code rejected} (bulkhead full)</td></tr>
 *   <tr><td>{@code rag_quota_rejections_total{kind}}</td><td>requests refused for a limit: {@code rate},
 *       {@code streams}; billing adds {@code quota}, {@code budget}</td></tr>
 *   <tr><td>{@code rag_llm_spend_usd_total{org}}</td><td>model calls' cost at {@code cellardoor.llm.prices} (the ledger's
 *       figure: answers, condensing, embeddings), per org slug</td></tr>
 *   <tr><td>{@code rag_llm_breaker_state{provider}}</td><td>0 closed, 1 open, 2 half-open (registered by
 *       {@code answer.LlmProviders})</td></tr>
 * </table>
 */
@Component
public class RagMetrics {

    private final MeterRegistry registry;

    RagMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The registry, for gauges a feature registers itself. */
    public MeterRegistry registry() {
        return registry;
    }

    /** A chat API call answered with this status. */
    public void httpRequest(String endpoint, int status) {
        Counter.builder("rag.http.requests")
                .description("Chat API requests by endpoint and status")
                .tag("endpoint", endpoint)
                .tag("status", Integer.toString(status))
                .register(registry)
                .increment();
    }

    /** One retrieval of a turn. */
    public void retrieval(String mode, Duration took) {
        Timer.builder("rag.retrieval.duration")
                .description("Hybrid retrieval per turn")
                .tag("mode", mode.toLowerCase(Locale.ROOT))
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    /** One answer's generation, with the tokens the provider counted (0 for the extractive generator). */
    public void generation(String provider, String model, Duration took, long inputTokens, long outputTokens) {
        Timer.builder("rag.generation.duration")
                .description("Answer generation per provider and model")
                .tags("provider", provider, "model", model)
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
        if (inputTokens > 0) {
            tokens(provider, model, "input").increment(inputTokens);
        }
        if (outputTokens > 0) {
            tokens(provider, model, "output").increment(outputTokens);
        }
    }

    private Counter tokens(String provider, String model, String direction) {
        return Counter.builder("rag.generation.tokens")
                .description("Tokens counted by the LLM provider")
                .tags("provider", provider, "model", model, "direction", direction)
                .register(registry);
    }

    /** A stage or dependency failed; the turn degraded or failed. */
    public void pipelineError(String component) {
        Counter.builder("rag.pipeline.errors")
                .description("Failures per pipeline component")
                .tag("component", component)
                .register(registry)
                .increment();
    }

    /** The semantic cache's answer for one turn: {@code hit}, {@code miss} or {@code bypass}. */
    public void cache(String result) {
        Counter.builder("rag.cache.requests")
                .description("Semantic cache look-ups by result")
                .tag("result", result)
                .register(registry)
                .increment();
    }

    /** A plugin call failed: {@code timeout}, {@code error} or {@code rejected}. */
    public void pluginFailure(String plugin, String reason) {
        Counter.builder("rag.plugin.failures")
                .description("Plugin calls that failed or were refused")
                .tags("plugin", plugin, "reason", reason)
                .register(registry)
                .increment();
    }

    /** A request refused for a limit: {@code rate}, {@code streams}, {@code quota}, {@code budget}. */
    public void quotaRejection(String kind) {
        Counter.builder("rag.quota.rejections")
                .description("Requests refused by rate limits, quotas or budgets")
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    /**
     * What an org's model calls cost, in US dollars at {@code cellardoor.llm.prices} ({@code budget.CostLedger} calls
     * it with what it records).
     *
     * @param org the org's slug
     */
    public void llmSpend(String org, double usd) {
        if (usd > 0) {
            Counter.builder("rag.llm.spend")
                    .baseUnit("usd")
                    .description("LLM spend per org at the configured prices")
                    .tag("org", org)
                    .register(registry)
                    .increment(usd);
        }
    }
}

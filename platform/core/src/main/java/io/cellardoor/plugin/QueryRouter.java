package io.cellardoor.plugin;

import io.cellardoor.plugin.api.ClassifierScore;
import io.cellardoor.plugin.api.DomainHandler;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.PluginApi;
import io.cellardoor.plugin.api.PluginContext;
import io.cellardoor.plugin.api.UserQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Classifies a query with every enabled plugin and runs the winning domain's handler.
 *
 * <p>Classifiers run one after the other on the plugin executor, each under the classifier budget (a classifier that
 * hangs costs a turn its budget, until repeated failures disable its plugin); the highest score at or above
 * {@link PluginProperties#minScore()} wins (ties go to the lower {@code order()}), else the query goes
 * to the general domain.
 */
@Service
public class QueryRouter {

    private final PluginDomains domains;
    private final PluginCalls calls;
    private final PluginProperties properties;
    private final OrgPlugins orgPlugins;

    QueryRouter(PluginDomains domains, PluginCalls calls, PluginProperties properties, OrgPlugins orgPlugins) {
        this.domains = domains;
        this.calls = calls;
        this.properties = properties;
        this.orgPlugins = orgPlugins;
    }

    /**
     * Scores the query with every plugin enabled for the tenant (not auto-disabled, not disabled by the org, and
     * {@code isEnabled(tenant)}) and picks the primary domain.
     *
     * @param orgId the asking org's id
     * @param tenant the org's slug
     */
    public Classification classify(UserQuery query, long orgId, String tenant) {
        return classifyAll(List.of(query), orgId, tenant).getFirst();
    }

    /**
     * As {@link #classify} for several queries (the parts of a question), reading once which plugins serve the org.
     *
     * @return one classification per query, in order
     */
    public List<Classification> classifyAll(List<UserQuery> queries, long orgId, String tenant) {
        List<LoadedDomain> enabled = enabled(orgId, tenant);
        List<Classification> out = new ArrayList<>(queries.size());
        for (UserQuery query : queries) {
            out.add(classify(query, enabled));
        }
        return out;
    }

    private Classification classify(UserQuery query, List<LoadedDomain> enabled) {
        List<DomainScore> scores = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        // One after the other: a classifier scores words in microseconds, so a thread per plugin cost more than it
        // saved; each call still runs on the plugin executor under its budget, so a hanging classifier costs that once.
        for (LoadedDomain d : enabled) {
            String id = d.descriptor.id();
            Optional<ClassifierScore> score = calls.call(
                    d,
                    "classifier",
                    properties.classifierBudget(),
                    () -> d.plugin.classifier().classify(query));
            if (score.isPresent()) {
                scores.add(new DomainScore(id, score.get().score(), score.get().evidence()));
            } else {
                skipped.add(id);
            }
        }
        // Stable sort keeps plugin order among equal scores.
        scores.sort(Comparator.comparingDouble(DomainScore::score).reversed());
        if (scores.isEmpty() || scores.get(0).score() < properties.minScore()) {
            return new Classification(PluginApi.GENERAL_DOMAIN, List.of(), scores, skipped);
        }
        String primary = scores.get(0).domain();
        List<String> related =
                domains.find(primary).map(d -> d.descriptor.relatedDomains()).orElse(List.of());
        return new Classification(primary, related, scores, skipped);
    }

    /**
     * Runs the primary domain's handler under the handler budget.
     *
     * @return the handler's result, or empty for the general domain and when the handler failed
     */
    public Optional<HandlerResult> handle(Classification classification, UserQuery query, PluginContext context) {
        return handle(classification, query, context, Map::of);
    }

    /**
     * Runs the primary domain's handler under the handler budget, with the org's values of the plugin's settings
     * readable through {@link PluginContext#setting(String)} (read from the database at the handler's first call, as
     * part of its budget).
     *
     * @param orgId the org whose settings the handler reads
     */
    public Optional<HandlerResult> handle(
            Classification classification, UserQuery query, PluginContext context, long orgId) {
        if (!classification.claimed()) {
            return Optional.empty();
        }
        return domains.find(classification.primary())
                .flatMap(d ->
                        handle(classification, query, context, () -> orgPlugins.effectiveSettings(orgId, d.pluginId)));
    }

    private Optional<HandlerResult> handle(
            Classification classification,
            UserQuery query,
            PluginContext context,
            Supplier<Map<String, String>> settings) {
        if (!classification.claimed()) {
            return Optional.empty();
        }
        PluginContext withSettings = new SettingsContext(context, settings);
        return domains.find(classification.primary()).flatMap(d -> {
            DomainHandler handler = d.plugin.handler();
            return calls.call(d, "handler", properties.handlerBudget(), () -> handler.handle(query, withSettings));
        });
    }

    /** The domains serving the org: enabled for the tenant, not auto-disabled, not switched off by the org. */
    private List<LoadedDomain> enabled(long orgId, String tenant) {
        java.util.Set<String> disabledByOrg = orgPlugins.disabledFor(orgId);
        return domains.enabled(tenant).stream()
                .filter(d -> !disabledByOrg.contains(d.pluginId))
                .toList();
    }

    /**
     * What the org's domains answer, one short phrase each ({@link io.cellardoor.plugin.api.DomainPlugin#scope()}), in
     * the plugins' order; a plugin whose call fails is left out.
     */
    public List<String> scopes(long orgId, String tenant) {
        List<String> scopes = new ArrayList<>();
        for (LoadedDomain d : enabled(orgId, tenant)) {
            calls.call(d, "scope", properties.classifierBudget(), () -> d.plugin.scope())
                    .filter(s -> !s.isBlank())
                    .ifPresent(scopes::add);
        }
        return scopes;
    }

    /**
     * The classification routed to another domain that served the org when it was classified (a follow-up continuing
     * the previous turn's domain, the domain of the best passages), with the same scores; unchanged when that domain
     * was not among the classified ones (not loaded, not enabled for the tenant, auto-disabled or switched off by the
     * org). Reads nothing: the classification lists the domains that were asked.
     *
     * @param classification a result of {@link #classify}
     */
    public Classification routedTo(Classification classification, String domain) {
        boolean served = classification.skipped().contains(domain)
                || classification.scores().stream().anyMatch(s -> s.domain().equals(domain));
        if (!served) {
            return classification;
        }
        return domains.find(domain)
                .map(d -> new Classification(
                        domain, d.descriptor.relatedDomains(), classification.scores(), classification.skipped()))
                .orElse(classification);
    }

    /** The display name of a domain, e.g. {@code Wines}; empty for the general domain and unknown ids. */
    public String displayName(String domain) {
        return domains.find(domain).map(d -> d.descriptor.name()).orElse("");
    }
}

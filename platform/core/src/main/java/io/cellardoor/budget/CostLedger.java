package io.cellardoor.budget;

import io.cellardoor.billing.BillingPeriod;
import io.cellardoor.budget.internal.LedgerStore;
import io.cellardoor.embedding.EmbeddingCall;
import io.cellardoor.embedding.EmbeddingsBilled;
import io.cellardoor.observability.RagMetrics;
import io.cellardoor.tenant.TenantTransactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the LLM calls cost: each call's real token counts times the price table, written per call ({@code llm_usage}:
 * org, message, provider, model, operation, tokens, USD), added to the month's running cost and to the message
 * ({@code message.cost_usd}), all in one transaction of the org. The same cost, and nothing else, is what
 * {@code rag_llm_spend_usd_total{org}} counts (the org's slug as label, as {@code cellardoor_llm_budget_usd{org}} has):
 * one price table for the budget, the ledger and the alert that compares them.
 */
@Service
public class CostLedger {

    private static final Logger log = LoggerFactory.getLogger(CostLedger.class);

    private final LedgerStore store;
    private final LlmPrices prices;
    private final TenantTransactions tenant;
    private final Clock clock;
    private final RagMetrics metrics;
    private final Set<String> unpriced = ConcurrentHashMap.newKeySet();

    CostLedger(LedgerStore store, LlmPrices prices, TenantTransactions tenant, Clock clock, RagMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.prices = prices;
        this.tenant = tenant;
        this.clock = clock;
    }

    /**
     * Records a turn's model calls.
     *
     * @param messageId the stored message they belong to, or null (a dry run stores nothing, so is not recorded)
     * @return the turn's cost in USD
     */
    public BigDecimal record(long orgId, @Nullable Long messageId, List<LlmCall> calls) {
        if (calls.isEmpty()) {
            return BigDecimal.ZERO;
        }
        Instant now = clock.instant();
        return tenant.inOrg(orgId, () -> {
            BigDecimal total = BigDecimal.ZERO;
            String answeredBy = null;
            for (LlmCall call : calls) {
                BigDecimal cost = cost(call);
                store.add(
                        orgId,
                        messageId,
                        now,
                        call.provider(),
                        call.model(),
                        call.operation(),
                        call.inputTokens(),
                        call.outputTokens(),
                        cost);
                total = total.add(cost);
                if (call.operation().equals(LlmCall.ANSWER)) {
                    answeredBy = call.provider();
                }
            }
            String slug = store.spend(orgId, BillingPeriod.of(now).start(), total);
            counted(slug, total);
            if (messageId != null) {
                store.messageCost(orgId, messageId, total, answeredBy);
            }
            return total;
        });
    }

    /** Counts the cost on {@code rag_llm_spend_usd_total} once the transaction recording it commits (at once outside one). */
    private void counted(String slug, BigDecimal total) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            metrics.llmSpend(slug, total.doubleValue());
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                metrics.llmSpend(slug, total.doubleValue());
            }
        });
    }

    /**
     * Records what an embeddings API billed outside a chat turn (an import, a curated question: operation
     * {@code embed}, no message); it counts against the org's budget like any model call. A failure to record is
     * logged, never the failure of the work that embedded.
     */
    @EventListener
    void embedded(EmbeddingsBilled event) {
        EmbeddingCall call = event.call();
        try {
            record(
                    event.orgId(),
                    null,
                    List.of(new LlmCall(LlmCall.EMBED, call.provider(), call.model(), call.inputTokens(), 0)));
        } catch (RuntimeException e) {
            log.error(
                    "Could not record {} embedding tokens of org {} ({})",
                    call.inputTokens(),
                    event.orgId(),
                    call.model(),
                    e);
        }
    }

    /** A call's cost; a model without a price costs 0 and is logged once. */
    BigDecimal cost(LlmCall call) {
        if (prices.of(call.model()).isEmpty() && unpriced.add(call.model())) {
            log.warn(
                    "No price for LLM model '{}' (cellardoor.llm.prices): its calls are recorded at 0 USD and do not"
                            + " count against budgets",
                    call.model());
        }
        return prices.cost(call.model(), call.inputTokens(), call.outputTokens());
    }

    /** Cost by UTC day, provider, model and operation, {@code from} to {@code to} inclusive. */
    public List<CostRow> costs(long orgId, LocalDate from, LocalDate to) {
        return store.costs(orgId, from, to);
    }

    /** Cost per day of a period. */
    public List<DayCost> days(long orgId, BillingPeriod period) {
        return store.days(orgId, period.start(), period.end());
    }

    /** The period's running cost. */
    public BigDecimal spent(long orgId, BillingPeriod period) {
        return store.spent(orgId, period.start());
    }
}

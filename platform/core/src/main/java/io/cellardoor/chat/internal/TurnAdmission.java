package io.cellardoor.chat.internal;

import io.cellardoor.answer.AnswerGenerator;
import io.cellardoor.answer.GeneratedAnswer;
import io.cellardoor.answer.LlmAnswerGenerator;
import io.cellardoor.billing.BillingAccount;
import io.cellardoor.billing.BillingAccounts;
import io.cellardoor.billing.Quotas;
import io.cellardoor.budget.BudgetStatus;
import io.cellardoor.budget.Budgets;
import io.cellardoor.budget.CostLedger;
import io.cellardoor.budget.LlmCall;
import io.cellardoor.budget.LlmCatalog;
import io.cellardoor.budget.LlmModel;
import io.cellardoor.features.Feature;
import io.cellardoor.features.FeatureFlags;
import io.cellardoor.tenant.TenantTransactions;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The stages before a turn's answer path and the accounting after it. Before: {@code flags} (the org's plan and the
 * features on for it and the visitor), {@code quota} (count the message or refuse with 429 {@code quota-exceeded}),
 * {@code budget} (over the LLM budget: economy mode). After ({@code usage}): the message stays counted or is given
 * back, and the turn's model calls go to the cost ledger with the message. The model choice is read through
 * {@link LlmCatalog}; the generator of an economy or LLM-less turn is the extractive one.
 *
 * <p>The count ({@code quota}, one database write) runs on a virtual thread of its own while the turn's answer path
 * starts: the answer path waits for it before it sends anything, stores anything or calls a model (decision 0056). It
 * starts once the request's rate limits, taken meanwhile too, let the turn through (decision 0066).
 */
@Component
public class TurnAdmission {

    /**
     * What {@link #admit} decided, for {@code ChatService} to wrap.
     *
     * @param reservation the message's count: completes with it (null for a dry run), or exceptionally with 429
     *     {@code quota-exceeded}
     */
    public record Decision(
            long orgId,
            BillingAccount account,
            Set<Feature> features,
            CompletableFuture<Quotas.@Nullable Reservation> reservation,
            @Nullable BudgetStatus budget,
            boolean llm,
            AnswerGenerator generator,
            @Nullable LlmModel condenseModel) {}

    private final Stages stages;
    private final BillingAccounts accounts;
    private final FeatureFlags flags;
    private final Quotas quotas;
    private final Budgets budgets;
    private final CostLedger ledger;
    private final LlmCatalog catalog;
    private final AnswerGenerator generator;
    private final AnswerGenerator extractive;
    private final TenantTransactions tenant;

    TurnAdmission(
            Stages stages,
            BillingAccounts accounts,
            FeatureFlags flags,
            Quotas quotas,
            Budgets budgets,
            CostLedger ledger,
            LlmCatalog catalog,
            AnswerGenerator generator,
            TenantTransactions tenant) {
        this.stages = stages;
        this.accounts = accounts;
        this.flags = flags;
        this.quotas = quotas;
        this.budgets = budgets;
        this.ledger = ledger;
        this.catalog = catalog;
        this.generator = generator;
        // The configured extractive generator, observed like every answer (the LLM chain's last resort, or the
        // generator itself when no LLM is configured).
        this.extractive = generator instanceof LlmAnswerGenerator llm ? llm.fallback() : generator;
        this.tenant = tenant;
    }

    /**
     * Decides what a turn may do: flags and budget now, the message's count started (see {@link Decision}).
     *
     * @param count whether to count the message against the quota (false for dry runs)
     * @param language the visitor's language, for a quota refusal's text
     * @param rateLimit the request's rate limits' verdict (see {@code WidgetCaller#rateLimit}): the count starts once it
     *     let the turn through, and the reservation fails as it did when it refused the turn
     */
    public Decision admit(
            long orgId,
            String orgSlug,
            @Nullable UUID visitorId,
            boolean count,
            String language,
            CompletableFuture<?> rateLimit) {
        record Flags(BillingAccount account, Set<Feature> features) {}
        Flags f = stages.run("flags", () -> {
            BillingAccount account = accounts.account(orgId);
            return new Flags(account, flags.active(orgId, orgSlug, account.plan(), visitorId));
        });
        Optional<LlmModel> model = catalog.models().stream()
                .filter(m -> f.account().plan().allowsModel(m.model()))
                .findFirst();
        boolean mayCallModel = f.features().contains(Feature.LLM_ANSWERS) && model.isPresent();
        BudgetStatus budget = mayCallModel ? stages.run("budget", () -> budgets.check(orgId, orgSlug)) : null;
        CompletableFuture<Quotas.@Nullable Reservation> reservation = count
                ? stages.start(
                        "quota",
                        rateLimit,
                        () -> quotas.reserve(
                                orgId, f.account().plan(), f.account().stripeCustomerId(), language))
                : CompletableFuture.completedFuture(null);
        boolean llm = mayCallModel && (budget == null || !budget.economy());
        return new Decision(
                orgId,
                f.account(),
                f.features(),
                reservation,
                budget,
                llm,
                llm ? generator : extractive,
                llm ? model.get() : null);
    }

    /**
     * Settles a stored turn: the message stays counted when answered (else it is given back), and its model calls
     * (the answer's own, from its reported usage) are costed and stored with the message, in one transaction.
     *
     * @return the turn's LLM cost, USD
     */
    public BigDecimal settle(
            long orgId,
            Quotas.@Nullable Reservation reservation,
            java.util.List<LlmCall> calls,
            GeneratedAnswer answer,
            @Nullable Long messageId) {
        java.util.List<LlmCall> all = new java.util.ArrayList<>(calls);
        if (answer.model() != null && (answer.inputTokens() > 0 || answer.outputTokens() > 0)) {
            all.add(new LlmCall(
                    LlmCall.ANSWER,
                    catalog.providerOf(answer.model()),
                    answer.model(),
                    answer.inputTokens(),
                    answer.outputTokens()));
        }
        return stages.run(
                "usage",
                () -> tenant.inOrg(orgId, () -> {
                    if (reservation != null) {
                        quotas.settle(reservation, answer.answered());
                    }
                    return ledger.record(orgId, messageId, all);
                }));
    }

    /** Gives a failed turn's message back. */
    public void release(Quotas.@Nullable Reservation reservation) {
        if (reservation != null) {
            quotas.release(reservation);
        }
    }
}

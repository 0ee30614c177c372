package io.cellardoor.chat;

import io.cellardoor.answer.AnswerGenerator;
import io.cellardoor.billing.Plan;
import io.cellardoor.billing.Quotas;
import io.cellardoor.budget.BudgetStatus;
import io.cellardoor.budget.LlmCall;
import io.cellardoor.budget.LlmModel;
import io.cellardoor.chat.internal.Stages;
import io.cellardoor.features.Feature;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * What one turn may do, decided before its answer path starts (stages {@code flags}, {@code quota}, {@code budget}):
 * the org's plan, the features on for it and its visitor, the counted message, whether the LLM budget put the org in
 * economy mode, and the generator the turn uses. It also collects the turn's model calls for the cost ledger. Made by
 * {@link ChatService#admit}; belongs to one turn (one thread at a time).
 */
public final class Admission {

    private final long orgId;
    private final Plan plan;
    private final Set<Feature> features;
    private final CompletableFuture<Quotas.@Nullable Reservation> reservation;
    private final @Nullable BudgetStatus budget;
    private final boolean llm;
    private final AnswerGenerator generator;
    private final @Nullable LlmModel condenseModel;
    // A plugin past its time budget may still search (and embed) from its own thread.
    private final List<LlmCall> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

    Admission(
            long orgId,
            Plan plan,
            Set<Feature> features,
            CompletableFuture<Quotas.@Nullable Reservation> reservation,
            @Nullable BudgetStatus budget,
            boolean llm,
            AnswerGenerator generator,
            @Nullable LlmModel condenseModel) {
        this.orgId = orgId;
        this.plan = plan;
        this.features = Set.copyOf(features);
        this.reservation = reservation;
        this.budget = budget;
        this.llm = llm;
        this.generator = generator;
        this.condenseModel = condenseModel;
    }

    public long orgId() {
        return orgId;
    }

    /** The org's plan in force. */
    public Plan plan() {
        return plan;
    }

    /** Whether a feature is on for this turn. */
    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    public Set<Feature> features() {
        return features;
    }

    /**
     * The message counted for this turn (null for a dry run), waiting for the count when it is still running. The
     * answer path calls it before it sends, stores or calls a model.
     *
     * @throws io.cellardoor.web.ApiProblem 429 {@code quota-exceeded} (or what else the count failed with)
     */
    public Quotas.@Nullable Reservation reservation() {
        return Stages.join(reservation);
    }

    /** The counted message once the count has succeeded, else null (the count failed or refused the turn). */
    public Quotas.@Nullable Reservation granted() {
        try {
            return reservation.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return null;
        }
    }

    /** Whether the rate limits or the count refused the turn (or the count failed); waits for it. */
    public boolean refused() {
        return granted() == null && reservation.isCompletedExceptionally();
    }

    /** The org's LLM budget when it was checked (only for turns that could call a model), else null. */
    public @Nullable BudgetStatus budget() {
        return budget;
    }

    /** Whether the org is over its LLM budget: answers are extractive. */
    public boolean economy() {
        return budget != null && budget.economy();
    }

    /** Whether this turn may call a language model (plan, flag, allowed models, budget). */
    public boolean llm() {
        return llm;
    }

    /** The generator of this turn: the configured one when it may call a model, else the extractive one. */
    public AnswerGenerator generator() {
        return generator;
    }

    /** Records the follow-up condenser's call (its model is the first configured one). */
    public void condensed(int inputTokens, int outputTokens) {
        if (condenseModel != null) {
            calls.add(new LlmCall(
                    LlmCall.CONDENSE, condenseModel.provider(), condenseModel.model(), inputTokens, outputTokens));
        }
    }

    /** Records a model call of this turn. */
    public void called(LlmCall call) {
        calls.add(call);
    }

    /** The model calls recorded so far. */
    public List<LlmCall> calls() {
        return List.copyOf(calls);
    }
}

package io.cellardoor.billing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Billing settings ({@code cellardoor.billing.*}).
 *
 * @param defaultPlan the plan of orgs nobody assigned one to and without a Stripe subscription (default {@code free})
 * @param plans the plans by id ({@code free}, {@code pro}, {@code business}, ...)
 * @param gracePeriod how long an org keeps its paid plan after a failed payment before the default plan's limits apply
 *     (default 7 days)
 * @param stripe Stripe, when a secret key is set; without one plans come from configuration and nothing is charged
 */
@ConfigurationProperties("cellardoor.billing")
public record BillingProperties(
        @Nullable String defaultPlan,
        @Nullable Map<String, PlanProperties> plans,
        @Nullable Duration gracePeriod,
        @Nullable StripeProperties stripe) {

    public BillingProperties {
        defaultPlan = defaultPlan == null || defaultPlan.isBlank() ? "free" : defaultPlan.strip();
        plans = plans == null ? Map.of() : new LinkedHashMap<>(plans);
        gracePeriod = gracePeriod == null || gracePeriod.isNegative() ? Duration.ofDays(7) : gracePeriod;
        stripe = stripe == null ? new StripeProperties(null, null, null, null, null, null, 0) : stripe;
    }

    /**
     * One plan as configured ({@code cellardoor.billing.plans.<id>.*}).
     *
     * @param name shown in the console, e.g. "Pro"; default the id
     * @param monthlyMessages answered messages per calendar month; negative or unset: no limit
     * @param documents knowledge documents the org may keep; negative or unset: no limit
     * @param sites sites (widget embeds) the org may have; negative or unset: no limit
     * @param allowedModels LLM model names the org's answers may use; empty: any configured model
     * @param features feature ids the plan unlocks ({@code llm-answers}, {@code curated-answers}, {@code handoff}, ...)
     * @param priceId the Stripe price of the plan's subscription (null: not sold through Stripe)
     * @param meteredPriceId an optional Stripe price billed by the message meter, added to the subscription
     * @param price what the console shows as the price, e.g. {@code $49 / month}
     */
    public record PlanProperties(
            @Nullable String name,
            @Nullable Long monthlyMessages,
            @Nullable Long documents,
            @Nullable Long sites,
            @Nullable List<String> allowedModels,
            @Nullable List<String> features,
            @Nullable String priceId,
            @Nullable String meteredPriceId,
            @Nullable String price) {}

    /**
     * Stripe ({@code cellardoor.billing.stripe.*}).
     *
     * @param apiKey the secret key ({@code sk_...}); unset: Stripe is off
     * @param webhookSecret the webhook endpoint's signing secret ({@code whsec_...})
     * @param apiBase another API base URL (a local fake in tests); default Stripe's
     * @param meterEventsBase another meter events base URL; default Stripe's
     * @param meterEventName the Billing meter's event name usage is reported under (default {@code cellardoor_messages})
     * @param meterInterval how often the outbox is reported (default 10 s)
     * @param meterBatch most messages per reported meter event (default 500)
     */
    public record StripeProperties(
            @Nullable String apiKey,
            @Nullable String webhookSecret,
            @Nullable String apiBase,
            @Nullable String meterEventsBase,
            @Nullable String meterEventName,
            @Nullable Duration meterInterval,
            int meterBatch) {

        public StripeProperties {
            meterEventName =
                    meterEventName == null || meterEventName.isBlank() ? "cellardoor_messages" : meterEventName;
            meterInterval = meterInterval == null || meterInterval.isNegative() || meterInterval.isZero()
                    ? Duration.ofSeconds(10)
                    : meterInterval;
            meterBatch = meterBatch <= 0 ? 500 : meterBatch;
        }

        /** Whether a secret key is set. */
        public boolean enabled() {
            return apiKey != null && !apiKey.isBlank();
        }
    }
}

package io.cellardoor.billing;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.StripeCollection;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.billing.MeterEventCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.cellardoor.billing.internal.BillingStore;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Stripe API calls billing makes, through stripe-java's {@link StripeClient} (API version pinned by the library):
 * customers, Checkout Sessions, Customer Portal sessions, invoices, subscriptions and Billing meter events. Exists only
 * when {@code cellardoor.billing.stripe.api-key} is set; the API base can point at a local fake.
 */
public class StripeGateway {

    /**
     * An invoice as the console lists it.
     *
     * @param amountDue in the currency's smallest unit (cents)
     * @param url Stripe's hosted invoice page, or null
     */
    public record InvoiceSummary(
            String id,
            @Nullable String number,
            String status,
            long amountDue,
            long amountPaid,
            String currency,
            Instant created,
            @Nullable String url) {}

    private final StripeClient client;
    private final BillingProperties.StripeProperties properties;
    private final Plans plans;

    StripeGateway(StripeClient client, BillingProperties.StripeProperties properties, Plans plans) {
        this.client = client;
        this.properties = properties;
        this.plans = plans;
    }

    /** Creates the Stripe customer of an org. */
    public String createCustomer(long orgId, String orgSlug) throws StripeException {
        Customer customer = client.v1()
                .customers()
                .create(CustomerCreateParams.builder()
                        .setName(orgSlug)
                        .putMetadata("org_id", Long.toString(orgId))
                        .putMetadata("org", orgSlug)
                        .build());
        return customer.getId();
    }

    /**
     * A Checkout Session that subscribes the customer to a plan's price (and its metered price when it has one).
     *
     * @return the session's URL, where the org admin pays
     */
    public String checkout(long orgId, String customerId, Plan plan, String successUrl, String cancelUrl)
            throws StripeException {
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(customerId)
                .setClientReferenceId(Long.toString(orgId))
                .putMetadata("org_id", Long.toString(orgId))
                .putMetadata("plan", plan.id())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("org_id", Long.toString(orgId))
                        .putMetadata("plan", plan.id())
                        .build())
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setPrice(plan.priceId())
                        .setQuantity(1L)
                        .build());
        if (plan.meteredPriceId() != null) {
            params.addLineItem(SessionCreateParams.LineItem.builder()
                    .setPrice(plan.meteredPriceId())
                    .build());
        }
        return client.v1().checkout().sessions().create(params.build()).getUrl();
    }

    /** A Customer Portal session (payment method, cancellation); returns its URL. */
    public String portal(String customerId, String returnUrl) throws StripeException {
        return client.v1()
                .billingPortal()
                .sessions()
                .create(com.stripe.param.billingportal.SessionCreateParams.builder()
                        .setCustomer(customerId)
                        .setReturnUrl(returnUrl)
                        .build())
                .getUrl();
    }

    /** The customer's latest invoices, newest first. */
    public List<InvoiceSummary> invoices(String customerId) throws StripeException {
        StripeCollection<Invoice> page = client.v1()
                .invoices()
                .list(InvoiceListParams.builder()
                        .setCustomer(customerId)
                        .setLimit(24L)
                        .build());
        return page.getData().stream()
                .map(i -> new InvoiceSummary(
                        i.getId(),
                        i.getNumber(),
                        i.getStatus() == null ? "draft" : i.getStatus(),
                        i.getAmountDue() == null ? 0 : i.getAmountDue(),
                        i.getAmountPaid() == null ? 0 : i.getAmountPaid(),
                        i.getCurrency() == null ? "usd" : i.getCurrency(),
                        Instant.ofEpochSecond(i.getCreated() == null ? 0 : i.getCreated()),
                        i.getHostedInvoiceUrl()))
                .toList();
    }

    /** The customer of a Checkout Session and the subscription it made (null before it completed). */
    public record CheckoutResult(
            @Nullable String customerId,
            @Nullable String subscriptionId,
            @Nullable String orgRef) {}

    /** A Checkout Session as Stripe has it now. */
    public CheckoutResult checkoutSession(String sessionId) throws StripeException {
        var session = client.v1().checkout().sessions().retrieve(sessionId);
        return new CheckoutResult(session.getCustomer(), session.getSubscription(), session.getClientReferenceId());
    }

    /** A subscription's current state, with the plan its price belongs to (null for a price of no plan). */
    public BillingStore.Subscription subscription(String subscriptionId) throws StripeException {
        Subscription s = client.v1().subscriptions().retrieve(subscriptionId);
        String plan = null;
        Instant periodEnd = null;
        if (s.getItems() != null && s.getItems().getData() != null) {
            for (SubscriptionItem item : s.getItems().getData()) {
                if (item.getPrice() != null && plan == null) {
                    plan = plans.byPriceId(item.getPrice().getId())
                            .map(Plan::id)
                            .orElse(null);
                }
                if (item.getCurrentPeriodEnd() != null && periodEnd == null) {
                    periodEnd = Instant.ofEpochSecond(item.getCurrentPeriodEnd());
                }
            }
        }
        return new BillingStore.Subscription(
                s.getCustomer(),
                s.getId(),
                s.getStatus(),
                plan,
                periodEnd,
                Boolean.TRUE.equals(s.getCancelAtPeriodEnd()));
    }

    /**
     * Reports usage as one Billing meter event ({@code POST /v1/billing/meter_events}); Stripe counts an identifier
     * once, so a retried batch is never counted twice.
     */
    public void meterEvent(String identifier, String customerId, long value, Instant at) throws StripeException {
        client.v1()
                .billing()
                .meterEvents()
                .create(MeterEventCreateParams.builder()
                        .setEventName(properties.meterEventName())
                        .setIdentifier(identifier)
                        .setTimestamp(at.getEpochSecond())
                        .putPayload("stripe_customer_id", customerId)
                        .putPayload("value", Long.toString(value))
                        .build());
    }
}

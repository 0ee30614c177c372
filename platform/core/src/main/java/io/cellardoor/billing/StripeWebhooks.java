package io.cellardoor.billing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.cellardoor.audit.AuditLog;
import io.cellardoor.billing.internal.BillingStore;
import io.cellardoor.billing.internal.StripeEventStore;
import io.cellardoor.tenant.TenantTransactions;
import io.cellardoor.web.ApiProblem;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Applies Stripe's webhook events to the orgs' billing state.
 *
 * <ul>
 *   <li>The {@code Stripe-Signature} header is verified over the raw body with the endpoint's secret and a 300 s
 *       tolerance ({@link Webhook#constructEvent}); a missing, tampered or expired signature is 400
 *       {@code invalid-signature} and changes nothing.</li>
 *   <li>Order does not matter: every handled event only says which subscription changed; its current state is read from
 *       Stripe and stored, so a late {@code customer.subscription.created} after {@code ...deleted} stores the deleted
 *       state, and a past-due subscription starts the grace period whichever invoice event came first.</li>
 *   <li>Repeats do nothing: the event id is stored in the same transaction as its effect, and a known id is skipped.</li>
 * </ul>
 *
 * Handled: {@code checkout.session.completed}, {@code customer.subscription.created|updated|deleted},
 * {@code invoice.paid}, {@code invoice.payment_failed}; other types are acknowledged and ignored.
 */
@Service
public class StripeWebhooks {

    /** Seconds a signature's timestamp may be old. */
    static final long TOLERANCE_SECONDS = 300;

    static final Set<String> HANDLED = Set.of(
            "checkout.session.completed",
            "customer.subscription.created",
            "customer.subscription.updated",
            "customer.subscription.deleted",
            "invoice.paid",
            "invoice.payment_failed");

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

    /**
     * What a delivery did.
     *
     * @param outcome {@code applied}, {@code duplicate}, {@code ignored} (type not handled, or no org of ours)
     */
    public record Result(
            String eventId,
            String type,
            String outcome,
            @Nullable Long orgId) {}

    private final BillingProperties properties;
    private final StripeGatewayHolder stripe;
    private final BillingStore billing;
    private final StripeEventStore events;
    private final TenantTransactions tenant;
    private final AuditLog audit;
    private final Clock clock;

    StripeWebhooks(
            BillingProperties properties,
            StripeGatewayHolder stripe,
            BillingStore billing,
            StripeEventStore events,
            TenantTransactions tenant,
            AuditLog audit,
            Clock clock) {
        this.properties = properties;
        this.stripe = stripe;
        this.billing = billing;
        this.events = events;
        this.tenant = tenant;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Verifies and applies one delivery.
     *
     * @param payload the raw request body, exactly as received
     * @param signature the {@code Stripe-Signature} header, or null
     * @throws ApiProblem 400 {@code invalid-signature}; 409 {@code stripe-not-configured}; 503 {@code stripe-unavailable}
     *     when Stripe could not be asked for the current state (Stripe retries the delivery)
     */
    public Result receive(String payload, @Nullable String signature) {
        String secret = properties.stripe().webhookSecret();
        StripeGateway gateway = stripe.required();
        if (secret == null || secret.isBlank()) {
            throw ApiProblem.invalid(
                    "invalid-signature",
                    "Invalid signature",
                    "No webhook secret is configured (cellardoor.billing.stripe.webhook-secret).");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature == null ? "" : signature, secret, TOLERANCE_SECONDS);
        } catch (SignatureVerificationException | RuntimeException e) {
            throw ApiProblem.invalid(
                    "invalid-signature",
                    "Invalid signature",
                    "The Stripe-Signature header is missing, does not match the body, or is too old.");
        }
        String type = event.getType();
        if (!HANDLED.contains(type)) {
            return new Result(event.getId(), type, "ignored", null);
        }
        JsonObject object = dataObject(event);
        try {
            Optional<Change> change = change(gateway, type, object);
            if (change.isEmpty()) {
                log.info("Stripe event {} ({}) names no org of this platform; ignored", event.getId(), type);
                return new Result(event.getId(), type, "ignored", null);
            }
            Change c = change.get();
            boolean applied = tenant.inOrg(c.orgId(), () -> {
                if (!events.firstTime(c.orgId(), event.getId(), type)) {
                    return false;
                }
                BillingStore.Row before = billing.find(c.orgId());
                billing.subscription(c.orgId(), c.subscription(), clock.instant());
                audit.record(
                        c.orgId(),
                        "stripe",
                        "billing.subscription-synced",
                        c.subscription().subscriptionId(),
                        before.subscriptionStatus() == null
                                ? null
                                : before.subscriptionStatus() + " " + before.subscriptionPlan(),
                        c.subscription().status() + " " + c.subscription().plan() + " (" + type + " " + event.getId()
                                + ")");
                return true;
            });
            return new Result(event.getId(), type, applied ? "applied" : "duplicate", c.orgId());
        } catch (StripeException e) {
            log.warn("Stripe event {} ({}): reading the current state failed: {}", event.getId(), type, e.toString());
            throw new ApiProblem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "stripe-unavailable",
                    "Stripe unavailable",
                    "The subscription's current state could not be read from Stripe; deliver the event again.");
        }
    }

    /** The org an event concerns and its subscription's current state. */
    private record Change(long orgId, BillingStore.Subscription subscription) {}

    private Optional<Change> change(StripeGateway gateway, String type, JsonObject object) throws StripeException {
        String subscriptionId;
        if (type.equals("checkout.session.completed")) {
            String sessionId = string(object, "id");
            subscriptionId = sessionId == null
                    ? null
                    : gateway.checkoutSession(sessionId).subscriptionId();
        } else if (type.startsWith("customer.subscription.")) {
            subscriptionId = string(object, "id");
        } else {
            subscriptionId = invoiceSubscription(object);
        }
        if (subscriptionId == null) {
            return Optional.empty();
        }
        BillingStore.Subscription current = gateway.subscription(subscriptionId);
        return billing.orgOfCustomer(current.customerId()).map(org -> new Change(org, current));
    }

    private static JsonObject dataObject(Event event) {
        JsonElement raw =
                JsonParser.parseString(event.getDataObjectDeserializer().getRawJson());
        return raw.isJsonObject() ? raw.getAsJsonObject() : new JsonObject();
    }

    /** The subscription of an invoice: {@code parent.subscription_details.subscription} (newer API) or {@code subscription}. */
    private static @Nullable String invoiceSubscription(JsonObject invoice) {
        JsonElement parent = invoice.get("parent");
        if (parent != null && parent.isJsonObject()) {
            JsonElement details = parent.getAsJsonObject().get("subscription_details");
            if (details != null && details.isJsonObject()) {
                String id = string(details.getAsJsonObject(), "subscription");
                if (id != null) {
                    return id;
                }
            }
        }
        return string(invoice, "subscription");
    }

    private static @Nullable String string(JsonObject object, String member) {
        JsonElement e = object.get(member);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject()) {
            return string(e.getAsJsonObject(), "id");
        }
        return e.getAsString();
    }
}

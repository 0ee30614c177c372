package io.cellardoor.billing;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/billing/stripe/webhook}: Stripe's events, verified by their {@code Stripe-Signature} (no staff
 * sign-in). Answers 200 {@code {"id", "type", "outcome"}} for applied, repeated and ignored events, 400
 * {@code invalid-signature}, 503 {@code stripe-unavailable} (Stripe delivers again).
 */
@RestController
class StripeWebhookController {

    /** What a delivery did. */
    record Received(String id, String type, String outcome) {}

    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** The body is read as the raw text Stripe signed (never re-serialised). */
    @PostMapping(path = "/api/v1/billing/stripe/webhook", produces = MediaType.APPLICATION_JSON_VALUE)
    Received receive(
            @RequestBody(required = false) @Nullable String payload,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        StripeWebhooks.Result result = webhooks.receive(payload == null ? "" : payload, signature);
        return new Received(result.eventId(), result.type(), result.outcome());
    }
}

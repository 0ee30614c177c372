package io.cellardoor.billing;

import io.cellardoor.web.ApiProblem;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** The Stripe gateway when Stripe is configured; empty in the embedded default (plans from configuration). */
public final class StripeGatewayHolder {

    private final @Nullable StripeGateway gateway;

    StripeGatewayHolder(@Nullable StripeGateway gateway) {
        this.gateway = gateway;
    }

    public Optional<StripeGateway> gateway() {
        return Optional.ofNullable(gateway);
    }

    /** Whether Stripe is configured. */
    public boolean enabled() {
        return gateway != null;
    }

    /**
     * The gateway.
     *
     * @throws ApiProblem 409 {@code stripe-not-configured}
     */
    public StripeGateway required() {
        if (gateway == null) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "stripe-not-configured",
                    "Stripe is not configured",
                    "This server has no Stripe key: plans come from configuration and nothing is charged.");
        }
        return gateway;
    }
}

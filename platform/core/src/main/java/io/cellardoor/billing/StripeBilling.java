package io.cellardoor.billing;

import com.stripe.exception.StripeException;
import io.cellardoor.audit.AuditLog;
import io.cellardoor.web.ApiProblem;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What an org admin does with Stripe: upgrade through a Checkout Session, manage payment method and cancellation in
 * the Customer Portal, list invoices. The org's Stripe customer is created on the first checkout. The console and the
 * admin API both call this.
 */
@Service
public class StripeBilling {

    private static final Logger log = LoggerFactory.getLogger(StripeBilling.class);

    private final StripeGatewayHolder stripe;
    private final BillingAccounts accounts;
    private final Plans plans;
    private final AuditLog audit;

    StripeBilling(StripeGatewayHolder stripe, BillingAccounts accounts, Plans plans, AuditLog audit) {
        this.stripe = stripe;
        this.accounts = accounts;
        this.plans = plans;
        this.audit = audit;
    }

    /** Whether Stripe is configured (else plans come from configuration and nothing is charged). */
    public boolean enabled() {
        return stripe.enabled();
    }

    /**
     * A Checkout Session subscribing the org to a plan.
     *
     * @param baseUrl the app's public base URL (Stripe sends the admin back to {@code /admin/billing} on it)
     * @return the URL to send the admin to
     * @throws ApiProblem 409 {@code stripe-not-configured}, 400 {@code unknown-plan} / {@code plan-not-for-sale}, 502
     *     {@code stripe-error}
     */
    public String checkout(long orgId, String orgSlug, String planId, String actor, String baseUrl) {
        StripeGateway gateway = stripe.required();
        Plan plan = plans.find(planId)
                .orElseThrow(
                        () -> ApiProblem.invalid("unknown-plan", "Unknown plan", "There is no plan '" + planId + "'."));
        if (plan.priceId() == null) {
            throw ApiProblem.invalid(
                    "plan-not-for-sale", "Plan not for sale", "The " + plan.name() + " plan has no Stripe price.");
        }
        try {
            String customer = customer(gateway, orgId, orgSlug);
            String url = gateway.checkout(
                    orgId,
                    customer,
                    plan,
                    baseUrl + "/admin/billing?checkout=success",
                    baseUrl + "/admin/billing?checkout=cancelled");
            audit.record(orgId, actor, "billing.checkout-started", plan.id(), null, customer);
            return url;
        } catch (StripeException e) {
            throw stripeError(e);
        }
    }

    /**
     * A Customer Portal session for the org's customer.
     *
     * @throws ApiProblem 409 {@code stripe-not-configured} / {@code no-stripe-customer}, 502 {@code stripe-error}
     */
    public String portal(long orgId, String baseUrl) {
        StripeGateway gateway = stripe.required();
        String customer = accounts.account(orgId).stripeCustomerId();
        if (customer == null) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "no-stripe-customer",
                    "No subscription yet",
                    "The org has not subscribed through Stripe yet; upgrade first.");
        }
        try {
            return gateway.portal(customer, baseUrl + "/admin/billing");
        } catch (StripeException e) {
            throw stripeError(e);
        }
    }

    /** The org's invoices, newest first (none without Stripe or a customer). */
    public List<StripeGateway.InvoiceSummary> invoices(long orgId) {
        if (!stripe.enabled()) {
            return List.of();
        }
        String customer = accounts.account(orgId).stripeCustomerId();
        if (customer == null) {
            return List.of();
        }
        try {
            return stripe.required().invoices(customer);
        } catch (StripeException e) {
            throw stripeError(e);
        }
    }

    private String customer(StripeGateway gateway, long orgId, String orgSlug) throws StripeException {
        String existing = accounts.account(orgId).stripeCustomerId();
        if (existing != null) {
            return existing;
        }
        String created = gateway.createCustomer(orgId, orgSlug);
        accounts.customer(orgId, created);
        return created;
    }

    private static ApiProblem stripeError(StripeException e) {
        log.warn("Stripe call failed: {}", e.toString());
        return new ApiProblem(
                HttpStatus.BAD_GATEWAY,
                "stripe-error",
                "Stripe error",
                "Stripe did not accept the request; try again.");
    }
}

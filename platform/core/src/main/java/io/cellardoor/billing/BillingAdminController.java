package io.cellardoor.billing;

import io.cellardoor.identity.OrgScope;
import io.cellardoor.identity.StaffUser;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.web.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Billing in the admin API: the org's usage report and plan ({@code /api/v1/admin/billing/**}, ORG_ADMIN and up),
 * Stripe Checkout and Customer Portal sessions and invoices, and a platform admin's plan assignment
 * ({@code PUT /api/v1/admin/orgs/{slug}/plan}).
 */
@RestController
class BillingAdminController {

    /** Body of the checkout call and of the plan assignment. */
    record PlanChoice(@Nullable String plan) {}

    /** A URL to send the browser to. */
    record Redirect(String url) {}

    /** A plan as the API shows it; limits -1 mean none. */
    record PlanView(
            String id,
            String name,
            long monthlyMessages,
            long documents,
            long sites,
            List<String> allowedModels,
            List<String> features,
            @Nullable String price,
            boolean forSale) {

        static PlanView of(Plan p) {
            return new PlanView(
                    p.id(),
                    p.name(),
                    p.monthlyMessages(),
                    p.documents(),
                    p.sites(),
                    p.allowedModels(),
                    p.features().stream().sorted().toList(),
                    p.price(),
                    p.priceId() != null);
        }
    }

    /** The org's billing state. */
    record AccountView(
            String org,
            PlanView plan,
            @Nullable String assignedPlan,
            boolean stripe,
            @Nullable String subscriptionStatus,
            @Nullable String subscriptionPlan,
            @Nullable Instant renewsAt,
            boolean cancelAtPeriodEnd,
            @Nullable Instant paymentFailedAt,
            @Nullable Instant graceUntil,
            UsageReport usage,
            List<Day> days,
            Limit documents,
            Limit sites,
            List<PlanView> plans) {}

    record Day(LocalDate day, long messages) {}

    record Limit(long used, @Nullable Long limit) {}

    private final BillingOverview overview;
    private final BillingAccounts accounts;
    private final StripeBilling stripe;
    private final OrgScope orgs;
    private final TenantService tenants;

    BillingAdminController(
            BillingOverview overview,
            BillingAccounts accounts,
            StripeBilling stripe,
            OrgScope orgs,
            TenantService tenants) {
        this.overview = overview;
        this.accounts = accounts;
        this.stripe = stripe;
        this.orgs = orgs;
        this.tenants = tenants;
    }

    /** {@code GET /api/v1/admin/billing/usage}: the exact shape of {@link UsageReport}. */
    @GetMapping("/api/v1/admin/billing/usage")
    UsageReport usage(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable String org) {
        return overview.usage(orgs.orgId(user, org));
    }

    /** {@code GET /api/v1/admin/billing}: plan, subscription, usage per day, limits and the plans. */
    @GetMapping("/api/v1/admin/billing")
    AccountView account(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable String org) {
        long orgId = orgs.orgId(user, org);
        return view(orgId);
    }

    /** {@code POST /api/v1/admin/billing/checkout} {@code {"plan": "pro"}}: a Stripe Checkout Session's URL. */
    @PostMapping("/api/v1/admin/billing/checkout")
    Redirect checkout(
            @AuthenticationPrincipal StaffUser user,
            @RequestBody PlanChoice body,
            @RequestParam(required = false) @Nullable String org) {
        long orgId = orgs.orgId(user, org);
        String slug = tenants.findOrgSlug(orgId).orElseThrow();
        return new Redirect(stripe.checkout(orgId, slug, required(body), user.username(), base()));
    }

    /** {@code POST /api/v1/admin/billing/portal}: a Stripe Customer Portal session's URL. */
    @PostMapping("/api/v1/admin/billing/portal")
    Redirect portal(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable String org) {
        return new Redirect(stripe.portal(orgs.orgId(user, org), base()));
    }

    /** {@code GET /api/v1/admin/billing/invoices}: the org's Stripe invoices, newest first. */
    @GetMapping("/api/v1/admin/billing/invoices")
    List<StripeGateway.InvoiceSummary> invoices(
            @AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable String org) {
        return stripe.invoices(orgs.orgId(user, org));
    }

    /** {@code PUT /api/v1/admin/orgs/{slug}/plan} {@code {"plan": "pro"}} (PLATFORM_ADMIN): assigns the plan. */
    @PutMapping("/api/v1/admin/orgs/{slug}/plan")
    AccountView assign(
            @AuthenticationPrincipal StaffUser user, @PathVariable String slug, @RequestBody PlanChoice body) {
        if (!user.platformAdmin()) {
            throw ApiProblem.forbidden("Only a platform admin assigns plans.");
        }
        long orgId = tenants.findOrgId(slug).orElseThrow(() -> ApiProblem.notFound("Org '" + slug + "'"));
        accounts.assign(orgId, required(body), user.username());
        return view(orgId);
    }

    private AccountView view(long orgId) {
        BillingOverview.Overview o = overview.overview(orgId);
        BillingAccount a = o.account();
        Plan plan = a.plan();
        return new AccountView(
                tenants.findOrgSlug(orgId).orElse(""),
                PlanView.of(plan),
                a.assignedPlan(),
                o.stripe(),
                a.subscriptionStatus(),
                a.subscriptionPlan(),
                a.currentPeriodEnd(),
                a.cancelAtPeriodEnd(),
                a.paymentFailedAt(),
                a.graceUntil(),
                overview.usage(orgId),
                o.days().stream().map(d -> new Day(d.day(), d.messages())).toList(),
                new Limit(o.documents(), plan.documents() < 0 ? null : plan.documents()),
                new Limit(o.sites(), plan.sites() < 0 ? null : plan.sites()),
                o.plans().stream().map(PlanView::of).toList());
    }

    private static String required(PlanChoice body) {
        if (body == null || body.plan() == null || body.plan().isBlank()) {
            throw ApiProblem.invalid("unknown-plan", "Unknown plan", "Name the plan: {\"plan\": \"pro\"}.");
        }
        return body.plan().strip();
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}

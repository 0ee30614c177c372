package io.cellardoor.admin.billing.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import io.cellardoor.admin.console.ConsoleLayout;
import io.cellardoor.admin.console.CurrentStaff;
import io.cellardoor.admin.console.PeriodChart;
import io.cellardoor.billing.BillingAccount;
import io.cellardoor.billing.BillingAccounts;
import io.cellardoor.billing.BillingOverview;
import io.cellardoor.billing.Plan;
import io.cellardoor.billing.Plans;
import io.cellardoor.billing.StripeBilling;
import io.cellardoor.billing.StripeGateway;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.web.ApiProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The org's plan and usage for org admins: the plan and subscription, this month's messages against the quota (a
 * chart), documents and sites against the plan, the LLM spend against the budget, upgrades through Stripe Checkout,
 * the Customer Portal for payment method and cancellation, and the invoices. Without Stripe the view says that plans
 * come from configuration and nothing is charged. A platform admin also assigns plans to orgs here.
 */
@Route(value = "billing", layout = ConsoleLayout.class)
@PageTitle("Billing · Cellar Door")
public class BillingView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final CurrentStaff staff;
    private final BillingOverview overview;
    private final BillingAccounts accounts;
    private final StripeBilling stripe;
    private final Plans plans;
    private final TenantService tenants;
    private final java.time.Clock clock;

    public BillingView(
            CurrentStaff staff,
            BillingOverview overview,
            BillingAccounts accounts,
            StripeBilling stripe,
            Plans plans,
            TenantService tenants,
            java.time.Clock clock) {
        this.staff = staff;
        this.overview = overview;
        this.accounts = accounts;
        this.stripe = stripe;
        this.plans = plans;
        this.tenants = tenants;
        this.clock = clock;
        setMaxWidth("64rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!staff.has(io.cellardoor.identity.Role.ORG_ADMIN)) {
            event.rerouteToError(AccessDeniedException.class, "Billing is for org admins.");
            return;
        }
        List<String> checkout =
                event.getLocation().getQueryParameters().getParameters().get("checkout");
        if (checkout != null && checkout.contains("success")) {
            Notification.show(
                    "Thank you! The new plan applies as soon as Stripe confirms the payment.",
                    5000,
                    Notification.Position.TOP_CENTER);
        }
        render();
    }

    private void render() {
        removeAll();
        long orgId = staff.orgId();
        BillingOverview.Overview o = overview.overview(orgId);
        BillingAccount account = o.account();
        Plan plan = account.plan();
        H2 title = new H2("Billing");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        add(title);
        if (!o.stripe()) {
            Paragraph off = new Paragraph("Stripe is not configured on this server: plans come from configuration and"
                    + " nothing is charged. A platform admin assigns plans.");
            off.setId("stripe-off");
            off.addClassName("cd-muted");
            add(off);
        }

        Span planName = new Span(plan.name());
        planName.setId("current-plan");
        planName.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-xl)");
        Span status = new Span(status(account));
        status.setId("subscription-status");
        status.addClassName("cd-muted");
        Div planCard = card(new H3("Plan"), planName, new Paragraph(plan.price() == null ? "" : plan.price()), status);

        var used = o.used();
        Span messages = new Span(
                used.limit() < 0
                        ? "%d messages this month (no limit)".formatted(used.used())
                        : "%d of %d messages this month (%d %%)".formatted(used.used(), used.limit(), used.percent()));
        messages.setId("usage-messages");
        Span llm = new Span("LLM: %s of %s USD budget"
                .formatted(
                        o.spend().costUsd().setScale(2, RoundingMode.HALF_UP),
                        o.spend().budgetUsd()));
        llm.setId("usage-llm");
        Span docs = new Span("Documents: " + limited(o.documents(), plan.documents()));
        docs.setId("usage-documents");
        Span sites = new Span("Sites: " + limited(o.sites(), plan.sites()));
        sites.setId("usage-sites");
        Div usageCard = card(new H3("Usage"), messages, llm, docs, sites);
        FlexLayout cards = new FlexLayout(planCard, usageCard);
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        add(cards);

        Map<LocalDate, Double> perDay =
                o.days().stream().collect(Collectors.toMap(d -> d.day(), d -> (double) d.messages(), Double::sum));
        var chart = PeriodChart.of(
                "Messages this month",
                "Answered messages counted so far this month, day by day, against the plan's limit.",
                perDay,
                used.period().start(),
                used.period().end(),
                LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                used.limit() < 0 ? null : (double) used.limit(),
                null,
                "messages");
        chart.setId("usage-chart");
        add(chart);

        add(plansSection(orgId, account, o.stripe()));
        if (o.stripe()) {
            add(invoices(orgId, account));
        }
        if (staff.user().platformAdmin()) {
            add(assignSection());
        }
    }

    private Div plansSection(long orgId, BillingAccount account, boolean stripeOn) {
        Div section = new Div(new H3("Plans"));
        FlexLayout row = new FlexLayout();
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        for (Plan p : plans.all()) {
            Paragraph limits = new Paragraph(
                    (p.monthlyMessages() < 0 ? "unlimited" : p.monthlyMessages() + "") + " messages a month; "
                            + String.join(", ", p.features().stream().sorted().toList()));
            limits.addClassName("cd-muted");
            Div card = card(new H3(p.name() + (p.price() == null ? "" : " · " + p.price())), limits);
            card.setId("plan-" + p.id());
            if (p.id().equals(account.plan().id())) {
                card.add(new Span("Current plan"));
            } else if (stripeOn && p.priceId() != null) {
                Button upgrade = new Button("Upgrade to " + p.name(), e -> checkout(orgId, p));
                upgrade.setId("upgrade-" + p.id());
                upgrade.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                card.add(upgrade);
            }
            row.add(card);
        }
        section.add(row);
        if (stripeOn && account.stripeCustomerId() != null) {
            Button manage = new Button("Payment method and cancellation", e -> portal(orgId));
            manage.setId("manage-billing");
            section.add(manage);
        }
        return section;
    }

    private Div invoices(long orgId, BillingAccount account) {
        Grid<StripeGateway.InvoiceSummary> grid = new Grid<>(StripeGateway.InvoiceSummary.class, false);
        grid.setId("invoices");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(i -> DAY.format(i.created().atZone(ZoneOffset.UTC))).setHeader("Date");
        grid.addColumn(i -> i.number() == null ? i.id() : i.number()).setHeader("Invoice");
        grid.addColumn(i -> money(i.amountDue(), i.currency())).setHeader("Amount");
        grid.addColumn(StripeGateway.InvoiceSummary::status).setHeader("Status");
        grid.addComponentColumn(i -> {
                    if (i.url() == null) {
                        return new Span();
                    }
                    Anchor a = new Anchor(i.url(), "View");
                    a.setTarget("_blank");
                    return a;
                })
                .setHeader("");
        try {
            grid.setItems(account.stripeCustomerId() == null ? List.of() : stripe.invoices(orgId));
        } catch (ApiProblem e) {
            grid.setItems(List.of());
            error(e);
        }
        return new Div(new H3("Invoices"), grid);
    }

    private Div assignSection() {
        TextField org = new TextField("Org (slug)");
        org.setId("assign-org");
        ComboBox<Plan> plan = new ComboBox<>("Plan", plans.all());
        plan.setItemLabelGenerator(Plan::name);
        plan.setId("assign-plan");
        Button assign = new Button("Assign plan", e -> {
            try {
                long orgId = tenants.findOrgId(org.getValue().strip())
                        .orElseThrow(() -> ApiProblem.notFound("Org '" + org.getValue() + "'"));
                if (plan.getValue() == null) {
                    throw ApiProblem.invalid("unknown-plan", "Unknown plan", "Choose a plan.");
                }
                accounts.assign(orgId, plan.getValue().id(), staff.user().username());
                Notification.show(
                        org.getValue() + " is on " + plan.getValue().name() + " now.",
                        3000,
                        Notification.Position.BOTTOM_START);
                render();
            } catch (ApiProblem problem) {
                error(problem);
            }
        });
        assign.setId("assign-plan-button");
        HorizontalLayout form = new HorizontalLayout(org, plan, assign);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return new Div(new H3("Assign a plan (platform admin)"), form);
    }

    private void checkout(long orgId, Plan plan) {
        try {
            String slug = tenants.findOrgSlug(orgId).orElseThrow();
            String url = stripe.checkout(orgId, slug, plan.id(), staff.user().username(), base());
            UI.getCurrent().getPage().setLocation(url);
        } catch (ApiProblem problem) {
            error(problem);
        }
    }

    private void portal(long orgId) {
        try {
            UI.getCurrent().getPage().setLocation(stripe.portal(orgId, base()));
        } catch (ApiProblem problem) {
            error(problem);
        }
    }

    private static String status(BillingAccount a) {
        if (a.subscriptionStatus() == null) {
            return a.assignedPlan() == null ? "Default plan" : "Assigned by a platform admin";
        }
        StringBuilder s =
                new StringBuilder("Subscription " + a.subscriptionStatus().replace('_', ' '));
        if (a.currentPeriodEnd() != null && a.subscriptionStatus().equals("active")) {
            s.append(a.cancelAtPeriodEnd() ? ", ends " : ", renews ")
                    .append(DAY.format(a.currentPeriodEnd().atZone(ZoneOffset.UTC)));
        }
        if (a.graceUntil() != null) {
            s.append("; payment failed: the plan is kept until ")
                    .append(DAY.format(a.graceUntil().atZone(ZoneOffset.UTC)));
        }
        return s.toString();
    }

    private static String limited(long used, long limit) {
        return limit < 0 ? used + " (no limit)" : used + " of " + limit;
    }

    private static String money(long cents, String currency) {
        return BigDecimal.valueOf(cents, 2) + " " + currency.toUpperCase(Locale.ROOT);
    }

    private static Div card(com.vaadin.flow.component.Component... children) {
        Div card = new Div(children);
        card.addClassName("cd-figure");
        card.getStyle().set("display", "flex").set("flex-direction", "column").set("min-width", "16rem");
        return card;
    }

    private static String base() {
        var request = VaadinServletRequest.getCurrent();
        return request == null
                ? ""
                : ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest())
                        .build()
                        .toUriString();
    }

    static void error(ApiProblem problem) {
        Notification note = Notification.show(problem.getMessage(), 5000, Notification.Position.MIDDLE);
        note.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}

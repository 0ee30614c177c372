package io.cellardoor.admin.features.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.cellardoor.admin.console.ConsoleLayout;
import io.cellardoor.admin.console.CurrentStaff;
import io.cellardoor.billing.BillingAccounts;
import io.cellardoor.billing.Plan;
import io.cellardoor.features.FeatureFlags;
import io.cellardoor.identity.Role;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.web.ApiProblem;

/**
 * The feature flags for org admins: every feature with whether the org's plan unlocks it, its platform-wide state and
 * the org's own switch (follow the plan, on, off) within what the plan unlocks. A platform admin also switches a
 * feature for every org and sets its rollout percentage. Changes are audited and apply on every instance within the
 * flags' cache time (1 s).
 */
@Route(value = "flags", layout = ConsoleLayout.class)
@PageTitle("Flags · Cellar Door")
public class FlagsView extends VerticalLayout implements BeforeEnterObserver {

    static final String FOLLOW = "Follow plan";
    static final String ON = "On";
    static final String OFF = "Off";

    private final CurrentStaff staff;
    private final FeatureFlags flags;
    private final BillingAccounts accounts;
    private final TenantService tenants;
    private final Grid<FeatureFlags.Flag> grid = new Grid<>(FeatureFlags.Flag.class, false);

    public FlagsView(CurrentStaff staff, FeatureFlags flags, BillingAccounts accounts, TenantService tenants) {
        this.staff = staff;
        this.flags = flags;
        this.accounts = accounts;
        this.tenants = tenants;
        H2 title = new H2("Feature flags");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Paragraph help = new Paragraph("What the org's visitors get. Your plan decides what may be on; switch off what"
                + " you do not want, or follow the plan.");
        help.addClassName("cd-muted");
        grid.setId("flags");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(FeatureFlags.Flag::id)
                .setHeader("Feature")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(FeatureFlags.Flag::label).setHeader("What it does").setFlexGrow(2);
        grid.addColumn(f -> f.unlocked() ? "yes" : "no")
                .setHeader("In plan")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::state)
                .setHeader("For your visitors")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::orgSwitch)
                .setHeader("Your switch")
                .setAutoWidth(true)
                .setFlexGrow(0);
        add(title, help, grid);
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!staff.has(Role.ORG_ADMIN)) {
            event.rerouteToError(AccessDeniedException.class, "Feature flags are for org admins.");
            return;
        }
        if (staff.user().platformAdmin() && grid.getColumnByKey("global") == null) {
            grid.addComponentColumn(this::global)
                    .setKey("global")
                    .setHeader("Every org (platform admin)")
                    .setAutoWidth(true);
        }
        reload();
    }

    private void reload() {
        long orgId = staff.orgId();
        String slug = tenants.findOrgSlug(orgId).orElseThrow();
        grid.setItems(flags.flags(orgId, slug, accounts.plan(orgId)));
    }

    private Span state(FeatureFlags.Flag f) {
        Span s = new Span(f.active() ? (f.percentage() < 100 ? "on for " + f.percentage() + " %" : "on") : "off");
        s.setId("flag-state-" + f.id());
        s.getElement().setAttribute("data-active", Boolean.toString(f.active()));
        return s;
    }

    private Select<String> orgSwitch(FeatureFlags.Flag f) {
        Select<String> select = new Select<>();
        select.setItems(FOLLOW, ON, OFF);
        select.setValue(f.override() == null ? FOLLOW : f.override() ? ON : OFF);
        select.setId("flag-" + f.id());
        select.setAriaLabel("Your switch for " + f.id());
        select.setEnabled(f.unlocked() && f.enabled());
        select.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            Boolean enabled = e.getValue().equals(FOLLOW) ? null : e.getValue().equals(ON);
            change(
                    () -> {
                        long orgId = staff.orgId();
                        String slug = tenants.findOrgSlug(orgId).orElseThrow();
                        Plan plan = accounts.plan(orgId);
                        flags.override(
                                orgId, slug, plan, f.id(), enabled, staff.user().username());
                    },
                    f.id() + ": " + e.getValue().toLowerCase(java.util.Locale.ROOT));
        });
        return select;
    }

    private HorizontalLayout global(FeatureFlags.Flag f) {
        Checkbox enabled = new Checkbox("on", f.enabled());
        enabled.setId("global-" + f.id());
        IntegerField percentage = new IntegerField();
        percentage.setId("percentage-" + f.id());
        percentage.setMin(0);
        percentage.setMax(100);
        percentage.setValue(f.percentage());
        percentage.setSuffixComponent(new Span("%"));
        percentage.setWidth("6rem");
        percentage.setAriaLabel("Visitors, percent, for " + f.id());
        Button save = new Button(
                "Save",
                e -> change(
                        () -> flags.setGlobal(
                                staff.orgId(),
                                f.id(),
                                enabled.getValue(),
                                f.plans(),
                                f.orgs(),
                                percentage.getValue() == null ? 100 : percentage.getValue(),
                                staff.user().username()),
                        f.id() + " saved for every org"));
        save.setId("save-global-" + f.id());
        return new HorizontalLayout(enabled, percentage, save);
    }

    private void change(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done, 2500, Notification.Position.BOTTOM_START);
        } catch (ApiProblem problem) {
            Notification note = Notification.show(problem.getMessage(), 5000, Notification.Position.MIDDLE);
            note.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        reload();
    }
}

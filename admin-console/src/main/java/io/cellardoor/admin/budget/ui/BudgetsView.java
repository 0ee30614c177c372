package io.cellardoor.admin.budget.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.cellardoor.admin.console.ConsoleLayout;
import io.cellardoor.admin.console.CurrentStaff;
import io.cellardoor.admin.console.PeriodChart;
import io.cellardoor.budget.BudgetStatus;
import io.cellardoor.budget.Budgets;
import io.cellardoor.budget.CostLedger;
import io.cellardoor.budget.CostRow;
import io.cellardoor.budget.DayCost;
import io.cellardoor.identity.Role;
import io.cellardoor.web.ApiProblem;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The org's monthly LLM budget for org admins: spend against the budget over the month (a chart with the month-end
 * projection), the state (ok, past the soft limit, economy mode), the cost by day, provider, model and operation, and
 * the form that changes the budget and its soft limit (audited).
 */
@Route(value = "budgets", layout = ConsoleLayout.class)
@PageTitle("Budgets · Cellar Door")
public class BudgetsView extends VerticalLayout implements BeforeEnterObserver {

    private final CurrentStaff staff;
    private final Budgets budgets;
    private final CostLedger ledger;
    private final Clock clock;

    public BudgetsView(CurrentStaff staff, Budgets budgets, CostLedger ledger, Clock clock) {
        this.staff = staff;
        this.budgets = budgets;
        this.ledger = ledger;
        this.clock = clock;
        setMaxWidth("64rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!staff.has(Role.ORG_ADMIN)) {
            event.rerouteToError(AccessDeniedException.class, "Budgets are for org admins.");
            return;
        }
        render();
    }

    private void render() {
        removeAll();
        long orgId = staff.orgId();
        BudgetStatus s = budgets.status(orgId);
        H2 title = new H2("LLM budget");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        add(title);

        Span spent = new Span("%s of %s USD spent this month"
                .formatted(s.spentUsd().setScale(2, RoundingMode.HALF_UP), s.budgetUsd()));
        spent.setId("budget-spent");
        Span projected = new Span("Projected by the month's end: %s USD".formatted(s.projectedUsd()));
        projected.setId("budget-projection");
        Span state = new Span(
                switch (s.state()) {
                    case "hard" ->
                        "Economy mode: the budget is spent, answers are extractive until next month or a raised budget.";
                    case "soft" -> "Past the soft limit of " + s.softPercent() + " %.";
                    default -> "Within budget.";
                });
        state.setId("budget-state");
        state.getElement().setAttribute("data-state", s.state());
        Div figures = new Div(spent, new Div(), projected, new Div(), state);
        figures.addClassName("cd-figure");
        add(figures);

        Map<LocalDate, Double> perDay = ledger.days(orgId, s.period()).stream()
                .collect(Collectors.toMap(DayCost::day, d -> d.costUsd().doubleValue(), Double::sum));
        var chart = PeriodChart.of(
                "LLM spend this month",
                "The month's LLM spend day by day against the budget, with the projection to the month's end.",
                perDay,
                s.period().start(),
                s.period().end(),
                LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                s.budgetUsd().doubleValue(),
                s.projectedUsd().doubleValue(),
                "USD");
        chart.setId("budget-chart");
        add(chart);

        BigDecimalField amount = new BigDecimalField("Monthly budget (USD)");
        amount.setId("budget-amount");
        amount.setValue(s.budgetUsd());
        IntegerField soft = new IntegerField("Soft limit (%)");
        soft.setId("budget-soft");
        soft.setMin(1);
        soft.setMax(100);
        soft.setValue(s.softPercent());
        Button save = new Button("Save budget", e -> save(orgId, amount, soft));
        save.setId("save-budget");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(amount, soft, save);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H3("Change the budget"), form);

        Grid<CostRow> costs = new Grid<>(CostRow.class, false);
        costs.setId("budget-costs");
        costs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        costs.setAllRowsVisible(true);
        costs.addColumn(CostRow::day).setHeader("Day");
        costs.addColumn(CostRow::provider).setHeader("Provider");
        costs.addColumn(CostRow::model).setHeader("Model");
        costs.addColumn(CostRow::operation).setHeader("Operation");
        costs.addColumn(CostRow::calls).setHeader("Calls");
        costs.addColumn(r -> r.inputTokens() + " / " + r.outputTokens()).setHeader("Tokens in / out");
        costs.addColumn(r -> r.costUsd().setScale(4, RoundingMode.HALF_UP) + " USD")
                .setHeader("Cost");
        costs.setItems(ledger.costs(orgId, s.period().start(), s.period().end().minusDays(1)));
        FlexLayout table = new FlexLayout(costs);
        table.setWidthFull();
        add(new H3("Cost by day, provider, model and operation"), table);
    }

    private void save(long orgId, BigDecimalField amount, IntegerField soft) {
        try {
            if (amount.getValue() == null || soft.getValue() == null) {
                throw ApiProblem.invalid("invalid-budget", "Invalid budget", "Give the budget and the soft limit.");
            }
            budgets.set(orgId, amount.getValue(), soft.getValue(), staff.user().username());
            Notification.show("Budget saved", 2500, Notification.Position.BOTTOM_START);
            render();
        } catch (ApiProblem problem) {
            Notification note = Notification.show(problem.getMessage(), 5000, Notification.Position.MIDDLE);
            note.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}

package io.cellardoor.admin.audit.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.cellardoor.admin.console.ConsoleLayout;
import io.cellardoor.admin.console.CurrentStaff;
import io.cellardoor.admin.knowledge.ui.DiffView;
import io.cellardoor.audit.AuditEvent;
import io.cellardoor.audit.AuditLog;
import io.cellardoor.audit.AuditLog.AuditQuery;
import io.cellardoor.identity.Role;
import io.cellardoor.knowledge.DocumentDiff;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The org's audit log for org admins and above: who changed what and when, filtered by actor, action prefix and date;
 * the selected event's before and after are shown as a diff. The route refuses lower roles (403 error view), whatever
 * the menu shows.
 */
@Route(value = "audit", layout = ConsoleLayout.class)
@PageTitle("Audit log · Cellar Door")
public class AuditView extends VerticalLayout implements BeforeEnterObserver {

    static final int LIMIT = 500;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final CurrentStaff staff;
    private final AuditLog audit;
    private final Grid<AuditEvent> events = new Grid<>(AuditEvent.class, false);
    private final TextField actor = new TextField("Actor");
    private final TextField action = new TextField("Action starts with");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final DiffView diff = new DiffView();
    private final Span selected = new Span();
    private boolean allowed;

    public AuditView(CurrentStaff staff, AuditLog audit) {
        this.staff = staff;
        this.audit = audit;
        actor.setId("audit-actor");
        action.setId("audit-action");
        action.setPlaceholder("document.");
        from.setId("audit-from");
        to.setId("audit-to");
        for (TextField field : new TextField[] {actor, action}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
            field.addValueChangeListener(e -> reload());
        }
        from.addValueChangeListener(e -> reload());
        to.addValueChangeListener(e -> reload());
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);

        events.setId("audit-events");
        events.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        events.addColumn(e -> WHEN.format(e.at()))
                .setHeader("When")
                .setAutoWidth(true)
                .setFlexGrow(0);
        events.addColumn(AuditEvent::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(AuditEvent::action)
                .setHeader("What")
                .setAutoWidth(true)
                .setFlexGrow(0);
        events.addColumn(AuditEvent::target).setHeader("Target").setFlexGrow(1);
        events.setHeight("40%");
        events.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        diff.setId("audit-diff");
        diff.setWidthFull();
        diff.setHeight("40%");
        selected.addClassName("cd-muted");

        H2 title = new H2("Audit log");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        HorizontalLayout filters = new HorizontalLayout(actor, action, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(title, filters, events, selected, diff);
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        allowed = staff.has(Role.ORG_ADMIN);
        if (!allowed) {
            event.rerouteToError(AccessDeniedException.class, "The audit log is for org admins.");
            return;
        }
        reload();
    }

    private void reload() {
        if (!allowed) {
            return;
        }
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        ZoneId zone = ZoneId.systemDefault();
        AuditQuery query = new AuditQuery(
                start == null ? Instant.EPOCH : start.atStartOfDay(zone).toInstant(),
                end == null
                        ? Instant.now().plusSeconds(60)
                        : end.plusDays(1).atStartOfDay(zone).toInstant(),
                blankToNull(actor.getValue()),
                blankToNull(action.getValue()),
                null,
                LIMIT);
        events.setItems(audit.list(staff.orgId(), query));
        show(null);
    }

    private void show(@Nullable AuditEvent event) {
        if (event == null) {
            selected.setText("Select an event to see its state before (−) and after (+).");
            diff.clear();
            return;
        }
        selected.setText(
                event.action() + " " + event.target() + " by " + event.actor() + ", " + WHEN.format(event.at()));
        diff.show(DocumentDiff.between(
                event.before() == null ? "" : event.before(), event.after() == null ? "" : event.after()));
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }
}

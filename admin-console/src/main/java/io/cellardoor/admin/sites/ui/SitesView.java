package io.cellardoor.admin.sites.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import io.cellardoor.admin.console.ConsoleLayout;
import io.cellardoor.admin.console.CurrentStaff;
import io.cellardoor.identity.Role;
import io.cellardoor.site.SiteDetails;
import io.cellardoor.site.SiteService;
import io.cellardoor.web.ApiProblem;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The org's sites: a list (active first) and, for the selected one, {@link SiteEditor}. Org admins create sites,
 * rotate and revoke keys and save settings; editors and viewers read. A thin UI over {@link SiteService}, the
 * service of the admin API's {@code /api/v1/admin/sites}.
 */
@Route(value = "sites", layout = ConsoleLayout.class)
@PageTitle("Sites · Cellar Door")
public class SitesView extends HorizontalLayout {

    private final SiteService sites;
    private final long orgId;
    private final String actor;
    private final Grid<SiteDetails> grid = new Grid<>(SiteDetails.class, false);
    private final SiteEditor editor;

    public SitesView(CurrentStaff staff, SiteService sites) {
        this.sites = sites;
        this.orgId = staff.orgId();
        boolean mayChange = staff.has(Role.ORG_ADMIN);
        this.actor = staff.user().username();
        var request = VaadinServletRequest.getCurrent();
        String base = sites.publicBaseUrl(
                request == null
                        ? ""
                        : ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest())
                                .build()
                                .toUriString());
        this.editor = new SiteEditor(sites, orgId, actor, base, mayChange, this::changed);

        grid.setId("sites");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(SiteDetails::name).setHeader("Site").setFlexGrow(2);
        grid.addColumn(SiteDetails::status)
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.asSingleSelect().addValueChangeListener(e -> editor.show(e.getValue()));

        H2 title = new H2("Sites");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        VerticalLayout list = new VerticalLayout(title);
        if (mayChange) {
            TextField name = new TextField();
            name.setPlaceholder("New site name");
            name.setId("new-site-name");
            Button create = new Button("Create site", e -> create(name));
            create.setId("create-site");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            list.add(new HorizontalLayout(name, create));
        }
        list.add(grid);
        list.setWidth("22rem");
        list.setFlexGrow(1, grid);
        list.setHeightFull();
        editor.setHeightFull();
        add(list, editor);
        setFlexGrow(1, editor);
        setSizeFull();
        reload(null);
    }

    private void create(TextField name) {
        try {
            SiteDetails created = sites.create(orgId, actor, name.getValue());
            name.clear();
            Notification.show("Site created: " + created.name(), 2500, Notification.Position.BOTTOM_START);
            reload(created.id());
        } catch (ApiProblem problem) {
            error(problem);
        }
    }

    private void changed(SiteDetails site) {
        reload(site.id());
    }

    private void reload(Long selectId) {
        var all = sites.list(orgId);
        grid.setItems(all);
        all.stream()
                .filter(s -> selectId == null ? s.revokedAt() == null : s.id() == selectId)
                .findFirst()
                .or(() -> all.stream().findFirst())
                .ifPresentOrElse(grid::select, () -> editor.show(null));
    }

    static void error(ApiProblem problem) {
        Notification note = Notification.show(problem.getMessage(), 5000, Notification.Position.MIDDLE);
        note.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}

package io.cellardoor.admin.console;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.cellardoor.identity.Role;
import io.cellardoor.identity.StaffUser;
import java.util.stream.Collectors;

/**
 * The console's frame: title, who is signed in (org, roles), sign out, the navigation, and for org admins the usage
 * banners (messages at 80 % / 100 % of the plan, the LLM budget past its soft limit or spent).
 */
public class ConsoleLayout extends AppLayout {

    public ConsoleLayout(CurrentStaff staff, AuthenticationContext authentication, UsageBanners banners) {
        StaffUser user = staff.user();
        H1 title = new H1("Cellar Door");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        String roles = user.roles().stream()
                .map(r -> r.name().toLowerCase().replace('_', ' '))
                .sorted()
                .collect(Collectors.joining(", "));
        Span who = new Span(user.username() + " · " + (user.org() == null ? "no org" : user.org()) + " · " + roles);
        who.addClassName("cd-muted");
        who.setId("signed-in-user");
        Button signOut = new Button("Sign out", e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, who, signOut);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.expand(who);
        bar.setWidthFull();
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        com.vaadin.flow.component.orderedlayout.VerticalLayout top =
                new com.vaadin.flow.component.orderedlayout.VerticalLayout(bar);
        top.setPadding(false);
        top.setSpacing(false);
        top.setWidthFull();
        addToNavbar(top);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Knowledge", "knowledge"));
        nav.addItem(new SideNavItem("Conversations", "conversations"));
        nav.addItem(new SideNavItem("Insights", "insights"));
        nav.addItem(new SideNavItem("Test bench", "test-bench"));
        nav.addItem(new SideNavItem("Curated answers", "curated"));
        nav.addItem(new SideNavItem("Inbox", "inbox"));
        nav.addItem(new SideNavItem("Plugins", "plugins"));
        nav.addItem(new SideNavItem("Sites", "sites"));
        if (staff.has(Role.ORG_ADMIN)) {
            nav.addItem(new SideNavItem("Audit log", "audit"));
            nav.addItem(new SideNavItem("System", "system"));
            nav.addItem(new SideNavItem("Billing", "billing"));
            nav.addItem(new SideNavItem("Budgets", "budgets"));
            nav.addItem(new SideNavItem("Flags", "flags"));
            banners.of(staff).ifPresent(top::add);
        }
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }
}

package io.cellardoor.admin.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.cellardoor.billing.BillingOverview;
import java.util.List;
import java.util.Optional;

/**
 * The banners an org admin sees on every console page: messages at 80 % and 100 % of the plan's quota, the LLM budget
 * past its soft limit and in economy mode ({@link BillingOverview#banners}).
 */
@org.springframework.stereotype.Component
public class UsageBanners {

    private final BillingOverview overview;

    UsageBanners(BillingOverview overview) {
        this.overview = overview;
    }

    /** The banners of the signed-in user's org, or nothing when all is well. */
    public Optional<Component> of(CurrentStaff staff) {
        List<BillingOverview.Banner> banners = overview.banners(staff.orgId());
        if (banners.isEmpty()) {
            return Optional.empty();
        }
        Div box = new Div();
        box.setId("usage-banners");
        box.setWidthFull();
        for (BillingOverview.Banner b : banners) {
            Span text = new Span(b.text());
            Div banner = new Div(text);
            banner.addClassName("cd-banner");
            banner.addClassName("cd-banner-" + b.level());
            banner.getElement().setAttribute("role", b.level().equals("error") ? "alert" : "status");
            banner.getElement().setAttribute("data-level", b.level());
            box.add(banner);
        }
        return Optional.of(box);
    }
}

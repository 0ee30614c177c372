package io.cellardoor.admin.conversations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.cellardoor.admin.console.ConsoleLayout;
import io.cellardoor.admin.console.CurrentStaff;
import io.cellardoor.conversations.ConversationFilter;
import io.cellardoor.conversations.ConversationPage;
import io.cellardoor.conversations.ConversationReader;
import io.cellardoor.conversations.ConversationSummary;
import io.cellardoor.curated.CuratedAnswers;
import io.cellardoor.identity.Role;
import io.cellardoor.plugin.PluginDomains;
import io.cellardoor.plugin.api.PluginApi;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Visitors' conversations ({@link ConversationReader}, the twin of {@code GET /api/v1/admin/conversations}): filtered
 * by date (UTC days), domain, feedback and unanswered, paged, latest activity first; the selected one's transcript
 * opens beside the list.
 */
@Route(value = "conversations", layout = ConsoleLayout.class)
@PageTitle("Conversations · Cellar Door")
public class ConversationsView extends SplitLayout {

    static final int PAGE_SIZE = 50;
    static final String ANY = "Any";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final ConversationReader conversations;
    private final long orgId;
    private final Grid<ConversationSummary> grid = new Grid<>(ConversationSummary.class, false);
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Select<String> domain = new Select<>();
    private final Select<String> feedback = new Select<>();
    private final Checkbox unanswered = new Checkbox("Unanswered only");
    private final Span pageLabel = new Span();
    private final Button previous = new Button("Previous");
    private final Button next = new Button("Next");
    private int page;
    private long total;

    public ConversationsView(
            CurrentStaff staff, ConversationReader conversations, CuratedAnswers curated, PluginDomains plugins) {
        this.conversations = conversations;
        this.orgId = staff.orgId();
        TranscriptPanel transcript = new TranscriptPanel(
                orgId,
                conversations,
                curated,
                staff.has(Role.EDITOR),
                staff.user().username());

        List<String> domains = new ArrayList<>();
        domains.add(ANY);
        plugins.descriptors().forEach(d -> domains.add(d.id()));
        domains.add(PluginApi.GENERAL_DOMAIN);
        domain.setLabel("Domain");
        domain.setItems(domains);
        domain.setValue(ANY);
        feedback.setLabel("Feedback");
        feedback.setItems(ANY, "up", "down", "none");
        feedback.setValue(ANY);
        from.setId("conversations-from");
        to.setId("conversations-to");
        domain.setId("conversations-domain");
        feedback.setId("conversations-feedback");
        unanswered.setId("conversations-unanswered");
        from.addValueChangeListener(e -> first());
        to.addValueChangeListener(e -> first());
        domain.addValueChangeListener(e -> first());
        feedback.addValueChangeListener(e -> first());
        unanswered.addValueChangeListener(e -> first());
        HorizontalLayout filters = new HorizontalLayout(from, to, domain, feedback, unanswered);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        grid.setId("conversations");
        grid.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(c -> WHEN.format(c.lastMessageAt()))
                .setHeader("Last message")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ConversationSummary::firstQuestion)
                .setHeader("First question")
                .setFlexGrow(3);
        grid.addColumn(ConversationSummary::messages)
                .setHeader("Turns")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> String.join(", ", c.domains())).setHeader("Domains").setFlexGrow(1);
        grid.addColumn(c -> c.unanswered() == 0 ? "" : c.unanswered() + " unanswered")
                .setHeader("Unanswered")
                .setAutoWidth(true);
        grid.addColumn(c -> (c.feedbackUp() > 0 ? "👍" + c.feedbackUp() + " " : "")
                        + (c.feedbackDown() > 0 ? "👎" + c.feedbackDown() : ""))
                .setHeader("Feedback")
                .setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                transcript.show(e.getValue().id());
            }
        });
        previous.addClickListener(e -> {
            page--;
            reload();
        });
        next.addClickListener(e -> {
            page++;
            reload();
        });
        HorizontalLayout pager = new HorizontalLayout(previous, pageLabel, next);
        pager.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        H2 title = new H2("Conversations");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        VerticalLayout list = new VerticalLayout(title, filters, grid, pager);
        list.setFlexGrow(1, grid);
        list.setSizeFull();
        addToPrimary(list);
        addToSecondary(transcript);
        setSplitterPosition(55);
        setSizeFull();
        reload();
    }

    private void first() {
        page = 0;
        reload();
    }

    private void reload() {
        Instant start = from.getValue() == null
                ? Instant.EPOCH
                : from.getValue().atStartOfDay(ZoneOffset.UTC).toInstant();
        LocalDate last = to.getValue();
        Instant end = last == null
                ? Instant.parse("9999-12-31T00:00:00Z")
                : last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ConversationPage result = conversations.list(
                orgId,
                new ConversationFilter(
                        start,
                        end,
                        ANY.equals(domain.getValue()) ? null : domain.getValue(),
                        ANY.equals(feedback.getValue()) ? null : feedback.getValue(),
                        unanswered.getValue(),
                        page,
                        PAGE_SIZE));
        total = result.total();
        grid.setItems(result.items());
        long pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        pageLabel.setText("Page %d of %d · %d conversations".formatted(page + 1, pages, total));
        previous.setEnabled(page > 0);
        next.setEnabled(page + 1 < pages);
    }
}

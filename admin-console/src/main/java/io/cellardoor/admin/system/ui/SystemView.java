package io.cellardoor.admin.system.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.cellardoor.admin.console.ConsoleLayout;
import io.cellardoor.admin.console.CurrentStaff;
import io.cellardoor.answer.LlmProviders;
import io.cellardoor.cache.SemanticCache;
import io.cellardoor.identity.Role;
import io.cellardoor.ingest.IngestJob;
import io.cellardoor.ingest.IngestJobs;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What keeps answers flowing, for org admins and above: the LLM providers in the order answers try them, each with its
 * circuit breaker's state and failure rate (a platform admin resets a breaker once the provider is back), and the
 * org's semantic cache (an org admin clears it, audited), and the org's latest import jobs with their progress. A thin
 * UI over {@link IngestJobs}, {@link LlmProviders} and
 * {@link SemanticCache}, the services of {@code /api/v1/admin/llm-providers} and {@code /api/v1/admin/cache}. The
 * route refuses lower roles (403 error view), whatever the menu shows.
 */
@Route(value = "system", layout = ConsoleLayout.class)
@PageTitle("System · Cellar Door")
public class SystemView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final CurrentStaff staff;
    private final LlmProviders providers;
    private final SemanticCache cache;
    private final Grid<LlmProviders.Status> breakers = new Grid<>(LlmProviders.Status.class, false);
    private final Span cacheSize = new Span();
    private final IngestJobs ingest;
    private final Grid<IngestJob> jobs = new Grid<>(IngestJob.class, false);
    private boolean allowed;

    public SystemView(CurrentStaff staff, LlmProviders providers, SemanticCache cache, IngestJobs ingest) {
        this.staff = staff;
        this.ingest = ingest;
        this.providers = providers;
        this.cache = cache;
        boolean platformAdmin = staff.has(Role.PLATFORM_ADMIN);

        breakers.setId("llm-providers");
        breakers.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        breakers.addColumn(LlmProviders.Status::name).setHeader("Provider").setAutoWidth(true);
        breakers.addColumn(LlmProviders.Status::kind).setHeader("API").setAutoWidth(true);
        breakers.addColumn(LlmProviders.Status::model).setHeader("Model").setAutoWidth(true);
        breakers.addColumn(s -> s.state().toLowerCase(Locale.ROOT).replace('_', '-'))
                .setHeader("Breaker")
                .setAutoWidth(true);
        breakers.addColumn(s -> s.failureRate() < 0 ? "–" : Math.round(s.failureRate()) + " %")
                .setHeader("Failure rate")
                .setAutoWidth(true);
        breakers.addColumn(LlmProviders.Status::bufferedCalls).setHeader("Recent calls");
        breakers.addColumn(LlmProviders.Status::notPermittedCalls).setHeader("Refused while open");
        if (platformAdmin) {
            breakers.addComponentColumn(s -> {
                        Button reset = new Button("Reset", e -> {
                            providers.reset(s.name());
                            Notification.show(
                                    "Breaker of " + s.name() + " closed.", 3000, Notification.Position.BOTTOM_START);
                            reload();
                        });
                        reset.setId("reset-" + s.name());
                        reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
                        reset.setEnabled(!"CLOSED".equals(s.state()));
                        return reset;
                    })
                    .setHeader("")
                    .setAutoWidth(true);
        }
        breakers.setAllRowsVisible(true);

        Button clear = new Button("Clear the cache", e -> {
            int deleted = cache.clear(staff.orgId(), staff.user().username());
            Notification.show(deleted + " cached answers cleared.", 3000, Notification.Position.BOTTOM_START);
            reload();
        });
        clear.setId("cache-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cacheSize.setId("cache-size");

        jobs.setId("ingest-jobs");
        jobs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        jobs.addColumn(j -> WHEN.format(j.createdAt())).setHeader("Started").setAutoWidth(true);
        jobs.addColumn(IngestJob::source).setHeader("Import").setFlexGrow(2);
        jobs.addColumn(IngestJob::requestedBy).setHeader("By").setAutoWidth(true);
        jobs.addColumn(IngestJob::status).setHeader("Status").setAutoWidth(true);
        jobs.addColumn(j -> j.filesTotal() == 0 ? "–" : j.filesDone() + " / " + j.filesTotal())
                .setHeader("Progress")
                .setAutoWidth(true);
        jobs.addColumn(j -> j.added() + " added, " + j.updated() + " updated, " + j.unchanged() + " unchanged"
                        + (j.failures().isEmpty() ? "" : ", " + j.failures().size() + " failed"))
                .setHeader("Outcome")
                .setFlexGrow(2);
        jobs.addColumn(j -> j.error() == null ? "" : j.error())
                .setHeader("Error")
                .setFlexGrow(2);
        jobs.setAllRowsVisible(true);
        Button refresh = new Button("Refresh", e -> reload());
        refresh.setId("system-refresh");

        add(
                new H2("System"),
                new H3("LLM providers"),
                new Paragraph("Answers try these in order; a provider whose breaker is open is skipped, and when every"
                        + " one is open or failing the extractive generator answers from the knowledge."),
                breakers,
                new H3("Semantic cache"),
                new HorizontalLayout(cacheSize, clear),
                new H3("Imports"),
                new Paragraph("Uploads through POST /api/v1/admin/ingest-jobs run as jobs; a job whose instance stopped"
                        + " is marked failed when the next one starts."),
                jobs,
                refresh);
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        allowed = staff.has(Role.ORG_ADMIN);
        if (!allowed) {
            event.rerouteToError(AccessDeniedException.class, "The system view is for org admins.");
            return;
        }
        reload();
    }

    private void reload() {
        if (!allowed) {
            return;
        }
        breakers.setItems(providers.status());
        breakers.setVisible(!providers.all().isEmpty());
        jobs.setItems(ingest.recent(staff.orgId(), 20));
        long entries = cache.size(staff.orgId());
        cacheSize.setText((providers.all().isEmpty() ? "No LLM provider configured: answers are extractive. " : "")
                + entries + " cached answers can be served for this org.");
    }
}

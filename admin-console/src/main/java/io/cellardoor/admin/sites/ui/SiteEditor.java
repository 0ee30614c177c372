package io.cellardoor.admin.sites.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.cellardoor.site.SiteDetails;
import io.cellardoor.site.SiteService;
import io.cellardoor.site.SiteSettings;
import io.cellardoor.web.ApiProblem;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One site: its key (rotate, revoke), the embed snippet with a copy button, the widget settings form and a live
 * preview of the real widget with the unsaved settings (an iframe of {@code /widget/preview}, served from this app's
 * own origin, which the widget API always accepts).
 */
class SiteEditor extends HorizontalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final String BROWSER_LANGUAGE = "";

    private final SiteService sites;
    private final long orgId;
    private final String actor;
    private final String baseUrl;
    private final boolean mayChange;
    private final Consumer<SiteDetails> changed;

    private final TextField key = new TextField("Site key");
    private final Span keyNote = new Span();
    private final TextArea snippet = new TextArea("Embed snippet");
    private final TextField name = new TextField("Name");
    private final TextArea origins = new TextArea("Allowed origins (one per line)");
    private final TextField greeting = new TextField("Greeting");
    private final TextField contactLine = new TextField("Contact line when the chat cannot answer");
    private final TextArea suggestions = new TextArea("Suggested questions (one per line)");
    private final Select<String> theme = new Select<>();
    private final Select<String> locale = new Select<>();
    private final Button save = new Button("Save");
    private final Button rotate = new Button("Rotate key");
    private final Button revoke = new Button("Revoke");
    private final Span previewError = new Span();
    private final IFrame preview = new IFrame();
    private final VerticalLayout form;
    private @Nullable SiteDetails site;

    SiteEditor(
            SiteService sites,
            long orgId,
            String actor,
            String baseUrl,
            boolean mayChange,
            Consumer<SiteDetails> changed) {
        this.sites = sites;
        this.orgId = orgId;
        this.actor = actor;
        this.baseUrl = baseUrl;
        this.mayChange = mayChange;
        this.changed = changed;

        key.setReadOnly(true);
        key.setId("site-key");
        key.setWidthFull();
        keyNote.addClassName("cd-muted");
        snippet.setReadOnly(true);
        snippet.setId("embed-snippet");
        snippet.setWidthFull();
        Button copy = new Button("Copy snippet", e -> {
            snippet.getElement()
                    .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", snippet.getValue());
            Notification.show("Snippet copied.", 2000, Notification.Position.BOTTOM_START);
        });
        copy.setId("copy-snippet");
        rotate.setId("rotate-key");
        rotate.addClickListener(e -> confirm(
                "Rotate the key?",
                "A new key is issued now. The old key keeps working for "
                        + "a grace period so pages with the old snippet keep their chat while you update them.",
                this::rotate));
        revoke.setId("revoke-site");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.addClickListener(e -> confirm(
                "Revoke this site?",
                "Every key of the site stops working at once: the chat "
                        + "disappears from its pages. This cannot be undone.",
                this::revoke));

        name.setId("site-name");
        origins.setId("allowed-origins");
        origins.setHelperText(
                "e.g. https://www.example.com, no paths or wildcards; this app's own origin is always allowed");
        greeting.setId("greeting");
        contactLine.setId("contact-line");
        contactLine.setMaxLength(SiteService.MAX_CONTACT_LINE);
        contactLine.setHelperText("e.g. Call us at (555) 010-0199. Empty: the phone and e-mail of your own knowledge's "
                + "contact page");
        suggestions.setId("suggestions");
        suggestions.setHelperText("At most " + SiteService.MAX_SUGGESTIONS + ", each up to "
                + SiteService.MAX_SUGGESTION + " characters");
        theme.setLabel("Theme");
        theme.setId("theme");
        theme.setItems(sites.themes());
        locale.setLabel("Language");
        locale.setId("locale");
        locale.setItems(BROWSER_LANGUAGE, "en", "es", "fr");
        locale.setItemLabelGenerator(l -> l.isEmpty() ? "Visitor's browser" : l);
        for (var field : List.of(name, greeting, contactLine)) {
            field.setWidthFull();
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(e -> refreshPreview());
        }
        for (var area : List.of(origins, suggestions)) {
            area.setWidthFull();
            area.setValueChangeMode(ValueChangeMode.LAZY);
            area.addValueChangeListener(e -> refreshPreview());
        }
        theme.addValueChangeListener(e -> refreshPreview());
        locale.addValueChangeListener(e -> refreshPreview());
        save.setId("save-site");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());

        HorizontalLayout keyActions = new HorizontalLayout(rotate, revoke);
        keyActions.setVisible(mayChange);
        save.setVisible(mayChange);
        form = new VerticalLayout(
                new H3("Key and snippet"),
                key,
                keyNote,
                keyActions,
                snippet,
                copy,
                new H3("Widget"),
                name,
                origins,
                greeting,
                suggestions,
                contactLine,
                new HorizontalLayout(theme, locale),
                save);
        form.setWidth("50%");
        form.getStyle().set("overflow", "auto");

        preview.setId("widget-preview");
        preview.setWidthFull();
        preview.setHeight("640px");
        preview.getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        previewError.addClassName("cd-muted");
        previewError.setId("preview-error");
        VerticalLayout previewPane = new VerticalLayout(new H3("Live preview"), previewError, preview);
        previewPane.setWidth("50%");
        add(form, previewPane);
        setWidthFull();
        show(null);
    }

    /** Shows a site, or an empty state when null. */
    void show(@Nullable SiteDetails shown) {
        this.site = shown;
        setEnabled(shown != null);
        if (shown == null) {
            key.clear();
            snippet.clear();
            keyNote.setText("No site selected.");
            preview.setVisible(false);
            return;
        }
        boolean active = shown.revokedAt() == null;
        key.setValue(shown.siteKey());
        keyNote.setText(note(shown));
        snippet.setValue(sites.embedSnippet(baseUrl, shown.siteKey()));
        SiteSettings s = shown.settings();
        name.setValue(shown.name());
        origins.setValue(String.join("\n", s.allowedOrigins()));
        greeting.setValue(s.greeting());
        contactLine.setValue(s.contactLine());
        suggestions.setValue(String.join("\n", s.suggestions()));
        theme.setValue(
                sites.themes().contains(s.theme()) ? s.theme() : sites.themes().get(0));
        locale.setValue(s.locale() == null ? BROWSER_LANGUAGE : s.locale());
        for (var field : List.of(name, origins, greeting, suggestions, contactLine)) {
            field.setReadOnly(!mayChange || !active);
        }
        theme.setReadOnly(!mayChange || !active);
        locale.setReadOnly(!mayChange || !active);
        save.setEnabled(active);
        rotate.setEnabled(active);
        revoke.setEnabled(active);
        refreshPreview();
    }

    private static String note(SiteDetails s) {
        if (s.revokedAt() != null) {
            return "Revoked " + WHEN.format(s.revokedAt()) + ": the widget and chat refuse this site's keys.";
        }
        if (s.previousKey() != null
                && s.previousKeyValidUntil() != null
                && s.previousKeyWorksAt(java.time.Instant.now())) {
            return "The previous key " + s.previousKey() + " keeps working until "
                    + WHEN.format(s.previousKeyValidUntil()) + ".";
        }
        return "Active since " + WHEN.format(s.createdAt()) + ".";
    }

    private SiteSettings candidate() {
        return new SiteSettings(
                lines(origins.getValue()),
                greeting.getValue(),
                lines(suggestions.getValue()),
                theme.getValue() == null ? "default" : theme.getValue(),
                locale.getValue() == null || locale.getValue().isEmpty() ? null : locale.getValue(),
                contactLine.getValue());
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
    }

    private void refreshPreview() {
        SiteDetails current = site;
        if (current == null) {
            return;
        }
        try {
            SiteSettings valid = sites.validate(candidate());
            previewError.setText("");
            preview.setSrc(sites.previewPath(current.siteKey(), name.getValue().strip(), valid));
            preview.setVisible(true);
        } catch (ApiProblem problem) {
            previewError.setText(problem.getMessage());
        }
    }

    private void save() {
        SiteDetails current = site;
        if (current == null) {
            return;
        }
        try {
            SiteDetails saved = sites.update(orgId, actor, current.id(), name.getValue(), candidate());
            Notification.show("Saved.", 2000, Notification.Position.BOTTOM_START);
            changed.accept(saved);
        } catch (ApiProblem problem) {
            SitesView.error(problem);
        }
    }

    private void rotate() {
        SiteDetails current = site;
        if (current != null) {
            try {
                changed.accept(sites.rotateKey(orgId, actor, current.id()));
                Notification.show(
                        "New key issued; update the snippet on your pages.", 4000, Notification.Position.BOTTOM_START);
            } catch (ApiProblem problem) {
                SitesView.error(problem);
            }
        }
    }

    private void revoke() {
        SiteDetails current = site;
        if (current != null) {
            try {
                changed.accept(sites.revoke(orgId, actor, current.id()));
            } catch (ApiProblem problem) {
                SitesView.error(problem);
            }
        }
    }

    private static void confirm(String title, String text, Runnable action) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.add(new Paragraph(text));
        Button ok = new Button("Confirm", e -> {
            dialog.close();
            action.run();
        });
        ok.setId("confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        dialog.open();
    }
}

package io.cellardoor.admin.conversations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.cellardoor.answer.Citation;
import io.cellardoor.conversations.ConversationReader;
import io.cellardoor.conversations.Transcript;
import io.cellardoor.conversations.TranscriptMessage;
import io.cellardoor.curated.CuratedAnswers;
import io.cellardoor.plugin.DomainScore;
import io.cellardoor.web.ApiProblem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * One conversation's transcript: each turn's question and answer, generator, confidence, latency and feedback, its
 * citations (links to the document in the knowledge view), its classification (every plugin's score and evidence),
 * and, for editors, "approve this answer" (a curated answer from the turn).
 */
class TranscriptPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final long orgId;
    private final ConversationReader conversations;
    private final CuratedAnswers curated;
    private final boolean mayApprove;
    private final String username;

    TranscriptPanel(
            long orgId, ConversationReader conversations, CuratedAnswers curated, boolean mayApprove, String username) {
        this.orgId = orgId;
        this.conversations = conversations;
        this.curated = curated;
        this.mayApprove = mayApprove;
        this.username = username;
        setId("transcript");
        add(new Span("Select a conversation to read its transcript."));
    }

    void show(UUID id) {
        removeAll();
        Transcript transcript = conversations.transcript(orgId, id).orElse(null);
        if (transcript == null) {
            add(new Span("This conversation no longer exists."));
            return;
        }
        H3 title = new H3("Conversation of " + WHEN.format(transcript.startedAt()));
        title.getStyle().set("margin", "0");
        add(title);
        transcript.messages().forEach(m -> add(turn(m)));
    }

    private Div turn(TranscriptMessage m) {
        Paragraph question = new Paragraph("Q: " + m.question());
        question.getStyle().set("font-weight", "600").set("margin", "0");
        Paragraph answer = new Paragraph("A: " + m.answer());
        answer.getStyle().set("white-space", "pre-wrap").set("margin", "var(--lumo-space-xs) 0");
        Span meta = new Span("%s · %s · %s · confidence %.2f · %d ms%s"
                .formatted(
                        WHEN.format(m.createdAt()),
                        m.answered() ? "answered" : "unanswered",
                        m.generator() + " / " + m.domain(),
                        m.confidence(),
                        m.latencyMs(),
                        m.feedback() == null
                                ? ""
                                : " · feedback " + m.feedback()
                                        + (m.feedbackComment() == null ? "" : ": “" + m.feedbackComment() + "”")));
        meta.addClassName("cd-muted");
        Div turn = new Div(question, answer, meta);
        turn.addClassName("cd-gap");
        if (!m.citations().isEmpty()) {
            Div sources = new Div(new Span("Sources: "));
            for (Citation c : m.citations()) {
                String href = "knowledge?path=" + URLEncoder.encode(c.path(), StandardCharsets.UTF_8);
                Anchor link = new Anchor(href, c.title() + " (" + c.path() + ")");
                link.getStyle().set("margin-right", "var(--lumo-space-s)");
                sources.add(link);
            }
            turn.add(sources);
        }
        VerticalLayout scores = new VerticalLayout();
        scores.setPadding(false);
        scores.setSpacing(false);
        scores.add(new Span("Primary: " + m.classification().primary()
                + (m.classification().related().isEmpty()
                        ? ""
                        : " · related: " + String.join(", ", m.classification().related()))));
        for (DomainScore s : m.classification().scores()) {
            scores.add(new Span("%s %.2f%s"
                    .formatted(
                            s.domain(),
                            s.score(),
                            s.evidence().isEmpty() ? "" : " — " + String.join(", ", s.evidence()))));
        }
        if (!m.classification().skipped().isEmpty()) {
            scores.add(new Span("Skipped (failed or slow): "
                    + String.join(", ", m.classification().skipped())));
        }
        turn.add(new Details("Classification", scores));
        if (mayApprove && m.answered() && !"curated".equals(m.generator())) {
            Button approve = new Button("Approve this answer", e -> approve(m));
            approve.addThemeVariants(ButtonVariant.LUMO_SMALL);
            turn.add(approve);
        }
        return turn;
    }

    private void approve(TranscriptMessage m) {
        try {
            curated.approveMessage(orgId, username, m.id());
            Notification.show(
                    "Approved: later questions close to this one get this answer (see Curated answers).",
                    4000,
                    Notification.Position.BOTTOM_START);
        } catch (ApiProblem e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE);
        }
    }
}

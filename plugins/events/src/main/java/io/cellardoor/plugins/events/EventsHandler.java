package io.cellardoor.plugins.events;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.DomainHandler;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.PluginContext;
import io.cellardoor.plugin.api.RetrievalPlan;
import io.cellardoor.plugin.api.UserQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers "what's on?" questions from the dated events ({@link WhatsOn}); plans retrieval for other event questions:
 * boosts the page whose title or section heading names the event asked about ("lantern supper", "autumn members
 * picnic"), for a price question also the retrieved page of any domain titled after it (tickets sold as a product of
 * the shop), and, for wedding questions, the wedding pages.
 */
public final class EventsHandler implements DomainHandler {

    static final String DOMAIN = "events";
    private static final int K = 8;
    private static final Pattern WEDDING = Pattern.compile("\\b(weddings?|married|marry|marrying|marriage|vows"
            + "|ceremony|reception|elop\\w*|brides?|grooms?|bridal|rehearsal|boda|mariage)\\b");
    /** Asks for tickets or names an amount (what an event costs is {@link UserQuery#asksPrice()}). */
    private static final Pattern TICKETS = Pattern.compile("\\btickets?\\b|\\$");

    private static final Pattern GUEST = Pattern.compile(
            "\\b(not a member|isn'?t a member|non ?members?|guests?" + "|plus ones?|bring (a|my) \\w+)\\b");

    private static final double WHATS_ON_CONFIDENCE = 0.85;

    private final Clock clock;

    /** Creates the handler on the system clock (today is read in the server's time zone); stateless. */
    public EventsHandler() {
        this(Clock.systemDefaultZone());
    }

    /** Creates the handler reading today's date from a clock. */
    EventsHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public HandlerResult handle(UserQuery query, PluginContext context) {
        String text = query.normalized();
        Optional<HandlerResult> whatsOn = whatsOn(text, context);
        if (whatsOn.isPresent()) {
            return whatsOn.get();
        }
        Set<String> boosts = new LinkedHashSet<>(Headings.matching(query, context, DOMAIN));
        if (query.asksPrice() || TICKETS.matcher(text).find()) {
            boosts.addAll(Headings.titled(query, context));
        }
        List<String> prompt = new ArrayList<>();
        if (WEDDING.matcher(text).find()) {
            for (DocumentSummary document : context.listDocuments(DOMAIN)) {
                if ((document.title() + " " + document.path())
                        .toLowerCase(Locale.ROOT)
                        .contains("wedding")) {
                    boosts.add(document.path());
                }
            }
            prompt.add("Quote wedding prices, minimums, fees and what they include exactly as the wedding pages state "
                    + "them, and the venue's rain or weather plan when asked.");
        } else {
            prompt.add("For an event, give its date, time, place and price exactly as the events page states them, "
                    + "and who hosts, cooks or performs when asked.");
        }
        if (GUEST.matcher(text).find()) {
            prompt.add("State member and guest prices separately, and whether members may bring guests.");
        }
        RetrievalPlan plan = RetrievalPlan.defaults(K).boosting(List.copyOf(boosts));
        return new HandlerResult(plan, prompt, Optional.empty());
    }

    /**
     * "What's coming up?", "any events this weekend?": the dated events of this domain's pages (wedding pages left
     * out) that have not ended, in the time asked about ({@link WhatsOn}); "when is the next club party?" naming only
     * events that have ended: that none is listed ahead. Empty for other questions, for one naming an event still
     * ahead, and when the pages date no event.
     */
    private Optional<HandlerResult> whatsOn(String text, PluginContext context) {
        LocalDate today = LocalDate.now(clock);
        Optional<WhatsOn> asked = WhatsOn.of(text, today);
        if (asked.isEmpty() && !WhatsOn.asksWhen(text)) {
            return Optional.empty();
        }
        List<EventCalendar> pages = new ArrayList<>();
        for (DocumentSummary document : context.listDocuments(DOMAIN)) {
            if (!(document.title() + " " + document.path())
                    .toLowerCase(Locale.ROOT)
                    .contains("wedding")) {
                context.readDocument(document.path()).ifPresent(d -> pages.add(EventCalendar.read(d.path(), d.text())));
            }
        }
        EventCalendar calendar = EventCalendar.of(pages);
        if (WhatsOn.namesAnEvent(text, calendar)) {
            List<String> sources = WhatsOn.sources(new EventCalendar(WhatsOn.named(text, calendar)));
            return WhatsOn.pastOnly(text, calendar, today).map(answer -> direct(answer, sources));
        }
        List<String> sources = WhatsOn.sources(calendar);
        return asked.flatMap(w -> w.answer(calendar, today)).map(answer -> direct(answer, sources));
    }

    private static HandlerResult direct(String answer, List<String> sources) {
        return new HandlerResult(
                RetrievalPlan.defaults(K).boosting(sources),
                List.of("Give each event's date exactly as the events page states it; never present a past event as "
                        + "upcoming."),
                Optional.of(new DirectAnswer(answer, sources, WHATS_ON_CONFIDENCE)));
    }
}

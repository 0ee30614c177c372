package io.cellardoor.plugins.visiting;

import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.DomainHandler;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.KnowledgeDocument;
import io.cellardoor.plugin.api.Passage;
import io.cellardoor.plugin.api.PluginApi;
import io.cellardoor.plugin.api.PluginContext;
import io.cellardoor.plugin.api.RetrievalPlan;
import io.cellardoor.plugin.api.UserQuery;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Answers opening-hours questions directly from the hours document (found by search, read whole, parsed; today's and
 * tomorrow's in the org's {@value #TIME_ZONE}), what a kind of visit costs from the page that prices the offerings
 * ({@link OfferingPrices}), where the org is from its address section ({@link OwnAddress}), how old a visitor must
 * be from the pages' age rules ({@link AgeRules}), where to stay the night from its lodging pages ({@link Lodging}) and
 * what there is to do nearby from its attractions pages ({@link Attractions}); plans retrieval for every other visiting
 * question.
 */
public final class VisitingHandler implements DomainHandler {

    static final String DOMAIN = "visiting";
    private static final int K = 8;
    private static final String HOURS_SEARCH = "hours open closed schedule";
    /** The words a page uses for an age rule, whichever words the visitor used. */
    private static final String AGE_SEARCH = "minimum age must be 21 or older children minors welcome";

    private static final int MAX_READS = 3;
    /** At most this many of the domain's pages are read for whether a visit needs booking. */
    private static final int MAX_BOOKING_READS = 12;
    /** A schedule needs at least this many days to be the weekly hours rather than a passing mention. */
    private static final int MIN_DAYS = 3;

    private static final double CONFIDENCE = 0.9;
    private static final Pattern HOURS_TITLE = Pattern.compile("\\b(hours|horaires|horario|schedule|opening)\\b");
    private static final Pattern ADDRESS_TITLE =
            Pattern.compile("(?i)\\b(directions|location|contact|find us|address)");
    private static final Pattern DIRECTIONS =
            Pattern.compile("\\b(uber|lyft|taxi|gps|directions?|address|road|rd|route|park\\w*)\\b");

    /** The setting naming the org's time zone, which "today" and "tomorrow" are read in. */
    static final String TIME_ZONE = "visiting.time-zone";

    private static final Pattern CLOSURE = Pattern.compile("\\bclos(ed|ure|ures|ing)\\b");
    /** "Last call is 30 minutes before closing": a time of the day, no closure. */
    private static final Pattern BEFORE_CLOSING = Pattern.compile("\\b(before|after|until|at) closing\\b");

    private final Clock clock;

    /** Creates the handler on the system clock; stateless. */
    public VisitingHandler() {
        this(Clock.systemDefaultZone());
    }

    /** Creates the handler reading "today" from a clock (its zone when the org sets no {@value #TIME_ZONE}). */
    VisitingHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public HandlerResult handle(UserQuery query, PluginContext context) {
        RetrievalPlan plan = RetrievalPlan.defaults(K);
        // "how late can I arrive for my reservation?" asks the reservation policy, not the closing time
        if (BookingChanges.asked(query)) {
            Optional<HandlerResult> policy = bookingPolicy(plan, context);
            if (policy.isPresent()) {
                return policy.get();
            }
        }
        Optional<HoursQuestion> hoursQuestion = HoursQuestion.of(query);
        if (hoursQuestion.isPresent()) {
            return answerHours(hoursQuestion.get(), plan, context, clock);
        }
        List<String> prompt = new ArrayList<>();
        prompt.add("Quote hours, prices, what is included and policies (pets, children, reservations) exactly as "
                + "the visiting pages state them.");
        if (DIRECTIONS.matcher(query.normalized()).find()) {
            prompt.add("For directions, give the street address and any GPS or ride-share warnings the pages mention.");
        }
        // The first reader whose question this is and whose pages answer it; the passages answer every other question.
        List<Supplier<Optional<HandlerResult>>> readers = List.of(
                () -> OwnAddress.asked(query) ? ownAddress(plan, prompt, context) : Optional.empty(),
                () -> AgeRules.asked(query)
                        ? ageRules(plan, prompt, context, AgeRules.aboutChildren(query))
                        : Optional.empty(),
                () -> ReservationNeed.asked(query) ? reservationNeed(query, plan, prompt, context) : Optional.empty(),
                () -> Lodging.asked(query) ? lodging(plan, prompt, context) : Optional.empty(),
                () -> Attractions.asked(query) ? attractions(plan, prompt, context) : Optional.empty(),
                () -> OfferingPrices.asked(query, context.passages())
                        ? offeringPrices(query, plan, prompt, context)
                        : Optional.empty());
        return readers.stream()
                .map(Supplier::get)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseGet(() -> new HandlerResult(plan, prompt, Optional.empty()));
    }

    /**
     * Where the org is, from the first page with an address section: the turn's visiting pages first, then this
     * domain's pages titled for directions, location or contact; empty when none has one.
     */
    private static Optional<HandlerResult> ownAddress(RetrievalPlan plan, List<String> prompt, PluginContext context) {
        Set<String> paths = turnPages(context);
        context.listDocuments(DOMAIN).stream()
                .filter(d -> ADDRESS_TITLE.matcher(d.title()).find())
                .forEach(d -> paths.add(d.path()));
        return firstAnswer(paths, text -> OwnAddress.read(text).map(a -> "- " + a), plan, prompt, context);
    }

    /**
     * A question about changing one's own booking ({@link BookingChanges}): the page about reservations leads the
     * passages (its policy lines answer, whatever other pages share the word "tasting"); empty when this domain has no
     * page titled for reservations.
     */
    private static Optional<HandlerResult> bookingPolicy(RetrievalPlan plan, PluginContext context) {
        List<String> pages = context.listDocuments(DOMAIN).stream()
                .filter(d -> BookingChanges.TITLE.matcher(d.title()).find())
                .map(DocumentSummary::path)
                .limit(1)
                .toList();
        return pages.isEmpty()
                ? Optional.empty()
                : Optional.of(new HandlerResult(
                        plan.boosting(pages),
                        List.of("Answer from the reservation policy exactly as the page states it."),
                        Optional.empty()));
    }

    /**
     * What a kind of visit costs, from the first page that prices two offerings or more: the turn's visiting pages (at
     * most the host's k), then this domain's pages titled for a kind of visit (a question the search served poorly,
     * "¿cuánto cuesta la degustación?", still finds the tastings' page); empty when none does.
     */
    private static Optional<HandlerResult> offeringPrices(
            UserQuery query, RetrievalPlan plan, List<String> prompt, PluginContext context) {
        Set<String> paths = turnPages(context);
        context.listDocuments(DOMAIN).stream()
                .filter(d -> OfferingPrices.titled(d.title()))
                .forEach(d -> paths.add(d.path()));
        return firstAnswer(
                paths, text -> OfferingPrices.answer(query, OfferingPrices.read(text)), plan, prompt, context);
    }

    /**
     * How old a visitor must be, or whether children may come (their lines first), from the age-rule lines ({@link AgeRules}) of the turn's passages and of a search of the
     * whole knowledge with a rule's words (the rule may be on a policies page no plugin claims); empty when none states
     * one.
     */
    private static Optional<HandlerResult> ageRules(
            RetrievalPlan plan, List<String> prompt, PluginContext context, boolean childrenFirst) {
        // the turn's passages were retrieved with the visitor's words already; a rule's words find the rule itself
        List<Passage> passages = new ArrayList<>(context.passages());
        passages.addAll(context.search(PluginApi.GENERAL_DOMAIN, AGE_SEARCH, K));
        List<AgeRules.Line> lines = AgeRules.read(passages, childrenFirst);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        List<String> paths = lines.stream().map(AgeRules.Line::path).distinct().toList();
        String answer =
                String.join("\n", lines.stream().map(l -> "- " + l.text()).toList());
        return Optional.of(direct(answer, paths, plan, prompt));
    }

    /**
     * Whether a visit needs booking ({@link ReservationNeed}), from this domain's pages other than those titled for
     * lodging or things to do (booking a hotel is no visit), at most {@value #MAX_BOOKING_READS}: those titled for
     * reservations or a kind of visit first, then the turn's; empty when none says.
     */
    private static Optional<HandlerResult> reservationNeed(
            UserQuery query, RetrievalPlan plan, List<String> prompt, PluginContext context) {
        // the pages titled for reservations or a kind of visit, then the turn's, then the rest
        List<DocumentSummary> pages = context.listDocuments(DOMAIN).stream()
                .filter(d -> !Lodging.TITLE.matcher(d.title()).find()
                        && !Attractions.TITLE.matcher(d.title()).find())
                .toList();
        Set<String> paths = new LinkedHashSet<>();
        pages.stream()
                .filter(d -> BookingChanges.TITLE.matcher(d.title()).find() || OfferingPrices.titled(d.title()))
                .forEach(d -> paths.add(d.path()));
        Set<String> turn = turnPages(context);
        pages.stream().filter(d -> turn.contains(d.path())).forEach(d -> paths.add(d.path()));
        pages.forEach(d -> paths.add(d.path()));
        List<ReservationNeed.Line> lines = new ArrayList<>();
        paths.stream()
                .limit(MAX_BOOKING_READS)
                .flatMap(path -> context.readDocument(path).stream())
                .forEach(page -> lines.addAll(ReservationNeed.read(page.path(), page.text())));
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        List<String> sources = ReservationNeed.shown(lines, query).stream()
                .map(ReservationNeed.Line::path)
                .distinct()
                .toList();
        return Optional.of(direct(ReservationNeed.answer(lines, query), sources, plan, prompt));
    }

    /**
     * Where to stay the night ({@link Lodging}), from this domain's pages titled for lodging, the turn's first; empty
     * when none names a place.
     */
    private static Optional<HandlerResult> lodging(RetrievalPlan plan, List<String> prompt, PluginContext context) {
        List<Lodging.Place> places = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (KnowledgeDocument page : titledPages(context, Lodging.TITLE)) {
            List<Lodging.Place> read = Lodging.read(page.title(), page.text());
            if (!read.isEmpty()) {
                places.addAll(read);
                sources.add(page.path());
            }
        }
        return Lodging.answer(places).map(text -> direct(text, sources, plan, prompt));
    }

    /**
     * What there is to do nearby ({@link Attractions}), from this domain's pages titled for attractions (not lodging),
     * the turn's first; empty when none names a place.
     */
    private static Optional<HandlerResult> attractions(RetrievalPlan plan, List<String> prompt, PluginContext context) {
        List<Attractions.Place> places = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (KnowledgeDocument page : titledPages(context, Attractions.TITLE)) {
            List<Attractions.Place> read =
                    Lodging.TITLE.matcher(page.title()).find() ? List.of() : Attractions.read(page.text());
            if (!read.isEmpty()) {
                places.addAll(read);
                sources.add(page.path());
            }
        }
        return Attractions.answer(places).map(text -> direct(text, sources, plan, prompt));
    }

    /** The first {@value #MAX_READS} of this domain's pages whose title matches: the turn's first, then any. */
    private static List<KnowledgeDocument> titledPages(PluginContext context, Pattern title) {
        Set<String> paths = new LinkedHashSet<>();
        context.passages().stream()
                .filter(p ->
                        DOMAIN.equals(p.domain()) && title.matcher(p.title()).find())
                .forEach(p -> paths.add(p.path()));
        context.listDocuments(DOMAIN).stream()
                .filter(d -> title.matcher(d.title()).find())
                .forEach(d -> paths.add(d.path()));
        return paths.stream()
                .limit(MAX_READS)
                .flatMap(path -> context.readDocument(path).stream())
                .toList();
    }

    /** A direct answer citing its sources, whose pages the plan boosts for the LLM path and the citations. */
    private static HandlerResult direct(String text, List<String> sources, RetrievalPlan plan, List<String> prompt) {
        return new HandlerResult(
                plan.boosting(sources), prompt, Optional.of(new DirectAnswer(text, sources, CONFIDENCE)));
    }

    /** The paths of the turn's passages from this domain, best first. */
    private static Set<String> turnPages(PluginContext context) {
        Set<String> paths = new LinkedHashSet<>();
        context.passages().stream().filter(p -> DOMAIN.equals(p.domain())).forEach(p -> paths.add(p.path()));
        return paths;
    }

    /**
     * The direct answer from the first of the pages a reader answers from: "**page title**" then the reader's lines,
     * citing and boosting that page; empty when the reader answers from none.
     */
    private static Optional<HandlerResult> firstAnswer(
            Set<String> paths,
            Function<String, Optional<String>> reader,
            RetrievalPlan plan,
            List<String> prompt,
            PluginContext context) {
        for (String path : paths) {
            Optional<KnowledgeDocument> document = context.readDocument(path);
            Optional<String> lines = document.flatMap(d -> reader.apply(d.text()));
            if (lines.isPresent()) {
                String answer = "**" + document.get().title().strip() + "**\n" + lines.get();
                return Optional.of(direct(answer, List.of(path), plan, prompt));
            }
        }
        return Optional.empty();
    }

    private static HandlerResult answerHours(
            HoursQuestion question, RetrievalPlan plan, PluginContext context, Clock clock) {
        List<String> candidates = hoursDocuments(context);
        Optional<ScheduleRead> read = scheduleRead(question, candidates, context);
        if (read.isPresent()) {
            String path = read.get().path();
            String page = read.get().text();
            WeeklySchedule schedule = read.get().schedule();
            Optional<String> text;
            if (question.relative().isPresent()) {
                LocalDateTime now = LocalDateTime.now(clock.withZone(zone(context, clock)));
                LocalDate date = now.toLocalDate().plusDays(question.relative().get().days);
                String notes = closureNotes(page, date);
                text = HoursAnswer.composeRelative(question, schedule, now).map(t -> t + notes);
            } else {
                String notes = question.season()
                        .map(season -> closureNotes(page, season))
                        .orElse("");
                text = HoursAnswer.compose(question, schedule).map(t -> t + notes);
            }
            RetrievalPlan boosted = plan.boosting(List.of(path));
            List<String> prompt = List.of("State opening hours exactly as the hours page gives them.");
            return text.map(t -> direct(t, List.of(path), plan, prompt))
                    .orElseGet(() -> new HandlerResult(boosted, prompt, Optional.empty()));
        }
        return HandlerResult.retrieve(plan.boosting(candidates.stream().limit(1).toList()));
    }

    /** A page read for its weekly hours. */
    private record ScheduleRead(String path, String text, WeeklySchedule schedule) {}

    /**
     * The first of the first {@value #MAX_READS} candidate pages that states the week's hours; for a question about the
     * last call ("what time is last call?") the first such page that also states one, when one does (a contact page
     * may list the hours alone).
     */
    private static Optional<ScheduleRead> scheduleRead(
            HoursQuestion question, List<String> candidates, PluginContext context) {
        Optional<ScheduleRead> first = Optional.empty();
        for (String path : candidates.subList(0, Math.min(MAX_READS, candidates.size()))) {
            Optional<KnowledgeDocument> document = context.readDocument(path);
            if (document.isEmpty()) {
                continue;
            }
            WeeklySchedule schedule = WeeklySchedule.parse(document.get().text());
            if (schedule.hours().size() < MIN_DAYS) {
                continue;
            }
            ScheduleRead read = new ScheduleRead(path, document.get().text(), schedule);
            if (!question.asksLast() || schedule.lastCall().isPresent()) {
                return Optional.of(read);
            }
            if (first.isEmpty()) {
                first = Optional.of(read);
            }
        }
        return first;
    }

    /** The org's {@value #TIME_ZONE}, else the clock's zone (also for a value that names no zone). */
    private static ZoneId zone(PluginContext context, Clock clock) {
        try {
            return context.setting(TIME_ZONE)
                    .filter(z -> !z.isBlank())
                    .map(z -> ZoneId.of(z.strip()))
                    .orElse(clock.getZone());
        } catch (DateTimeException e) {
            return clock.getZone();
        }
    }

    /**
     * " Note: ..." with each line of the hours page that names the date's month and a closure ("closed for the first two
     * weeks of January"): the weekly schedule does not say it; empty when no line does.
     */
    static String closureNotes(String text, LocalDate date) {
        return closureNotes(
                text,
                Pattern.compile("\\b"
                        + date.getMonth()
                                .getDisplayName(TextStyle.FULL, Locale.US)
                                .toLowerCase(Locale.ROOT) + "\\b"));
    }

    /**
     * " Note: ..." with each line of the hours page that a lower-case pattern finds (a month, a season, any line) and that
     * names a closure, not a heading, a weekday's hours ("Monday: Closed") or a time before closing; empty when no line
     * does.
     */
    static String closureNotes(String text, Pattern when) {
        StringBuilder notes = new StringBuilder();
        for (String line : text.split("\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (when.matcher(lower).find()
                    && CLOSURE.matcher(lower).find()
                    && !lower.startsWith("#")
                    && !BEFORE_CLOSING.matcher(lower).find()
                    && WeeklySchedule.parse(line).hours().isEmpty()) {
                String note = line.strip().replaceFirst("^[-*+•]\\s*", "").replace("**", "");
                notes.append(" Note: ").append(note).append(note.matches(".*[.!?]$") ? "" : ".");
            }
        }
        return notes.toString();
    }

    /**
     * Paths likely to hold the weekly hours: the turn's passages with day lines first (plugin API 1.2.0: the host
     * retrieved them already), then a search of this domain only when none has any, then other hits and hours titles.
     */
    private static List<String> hoursDocuments(PluginContext context) {
        List<Passage> passages = context.passages().stream()
                .filter(p -> !WeeklySchedule.parse(p.text()).hours().isEmpty())
                .toList();
        if (passages.isEmpty()) {
            passages = context.search(DOMAIN, HOURS_SEARCH, 5);
        }
        Set<String> paths = new LinkedHashSet<>();
        passages.stream()
                .filter(p -> !WeeklySchedule.parse(p.text()).hours().isEmpty())
                .forEach(p -> paths.add(p.path()));
        for (DocumentSummary document : context.listDocuments(DOMAIN)) {
            if (HOURS_TITLE.matcher(document.title().toLowerCase(Locale.ROOT)).find()) {
                paths.add(document.path());
            }
        }
        passages.forEach(p -> paths.add(p.path()));
        return new ArrayList<>(paths);
    }
}

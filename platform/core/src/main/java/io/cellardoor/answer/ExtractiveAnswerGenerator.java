package io.cellardoor.answer;

import io.cellardoor.answer.QuestionShape.Fact;
import io.cellardoor.knowledge.TextLines;
import io.cellardoor.language.Phrases;
import io.cellardoor.plugin.api.PriceBound;
import io.cellardoor.plugin.api.UserQuery;
import io.cellardoor.retrieval.RetrievedChunk;
import io.cellardoor.text.CorpusStatistics;
import io.cellardoor.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The embedded answer generator: no model, no network.
 *
 * <p>The question is split into its parts ("how much is it and what do you get?"), and each part is read for what it
 * asks ({@link QuestionShape}). The passages are split into units ({@link AnswerUnit}: bullets, rows, sentences). A part
 * about one thing gets the units that together cover its words best, weighted by rarity, with a bonus for holding the
 * kind of fact asked for (a price, a time, a number); a part about several things (a list, a comparison, the most or
 * least of them) gets one unit per matching document, with the asked fact, and a comparison or superlative of prices
 * leads with the verdict; a list whose items are the sections of one page under a heading that names what was asked
 * gets one unit per section. A unit holding a fact of the kind asked covers the words its own heading names ("450 Hollow
 * Road" under "Address"), and each line of a page or section the question names by its whole title or heading covers
 * the words of that name ("Price: $20.00" of "Farmhouse Tasting" for "what's the farmhouse tasting?"). Table rows are
 * quoted with the names of their columns. Words the visitor carried over from earlier turns count at a third of their
 * weight; misspelt words count as the known word one or two edits away.
 *
 * <p>Confidence blends how much of the question the chosen units cover (all together and the best one alone), the best
 * passage's cosine similarity and whether the asked kinds of fact were found, minus the share of the question's words
 * the knowledge never uses; below the threshold it declines with the contact line. The weights are chosen on the
 * evaluation's tune split (docs/evaluation.md).
 */
public final class ExtractiveAnswerGenerator implements AnswerGenerator {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExtractiveAnswerGenerator.class);

    private static final int PASSAGES = 10;
    private static final int MAX_UNITS_PER_PART = 3;
    private static final int MAX_ITEMS = 8;
    /**
     * Units of this many first passages (at most {@value #SEMANTIC_UNITS}) are compared with the question by meaning
     * (chosen on the evaluation's tune split, like the three constants below: further passages let a generic sentence
     * of a less relevant page outrank the best page's own).
     */
    private static final int SEMANTIC_PASSAGES = 2;

    private static final int SEMANTIC_UNITS = 48;
    /** Similarity to the question below this adds nothing to a unit's score; above it, each 0.1 adds 0.1. */
    private static final double SEMANTIC_FLOOR = 0.35;

    private static final double SEMANTIC_WEIGHT = 1.0;
    /** A later unit this far above the floor is kept for its meaning even when it adds no new word. */
    private static final double SEMANTIC_KEEP = 0.2;

    private static final double CARRIED_WEIGHT = 0.35;
    /** The weight of the verb of a question asking whether something is there ("host" in "do you host weddings?"). */
    private static final double AVAILABILITY_VERB_WEIGHT = 0.5;
    /**
     * What a message only tells weighs at most this share of what its part asks, all its words together: a long story
     * before a short question ("My wife and I are coming up from Brooklyn next Saturday for our anniversary, do we
     * need to book?") does not choose the lines that answer.
     */
    private static final double TOLD_SHARE = 0.35;
    /** What a related word's term ({@link TermAnalyzer.TermGroup#related()}) counts for, against the word's own. */
    private static final double RELATED_MATCH = 0.5;
    /**
     * How much more of a list question's words ({@link #covered}) the lines that cover it best must hold than the items
     * found, for those lines to answer instead (chosen on the evaluation's tune split and the team's own questions).
     */
    private static final double LIST_COVERAGE_MARGIN = 0.3;
    /** How many sections a line ending with a colon brings with it ({@link #sectionStarts}). */
    private static final int MAX_SECTIONS_INTRODUCED = 3;

    /** What a fact's heading naming the question's words adds, at all of them (see {@code cover}). */
    private static final double HEADING_NAMED = 0.2;

    /**
     * What a fact on the page the question names by its whole title adds ("how much does the Milea tasting cost?": the
     * "Milea Tasting" page's price, not the private tour's under a heading and title that share the two words).
     */
    private static final double TITLE_NAMED_FACT = 0.1;
    /**
     * Added to a unit of the page a follow-up's "it" or "he" refers to, and again to one of the section it refers to
     * (see {@link #referredTo}).
     */
    private static final double SUBJECT_BONUS = 0.15;
    /**
     * Added to the first sentence of the section that opens a page whose title names all a question about the thing
     * itself asks ("tell me about the wine club", "do you do weddings?"); see {@code cover}.
     */
    private static final double LEAD_BONUS = 0.4;
    /** A sentence: six words or more, ending as a sentence does, not a "Label: value" line. */
    private static final Pattern SENTENCE =
            Pattern.compile("(?!\\p{L}[\\p{L} ]{0,30}:\\s)(?:\\S+\\s+){5,}\\S*[.!?][\"'’”)]?\\s*");
    /** Added to a line defining what a "what is ...?" question names ("Milea Miles is ..."), see {@link #defines}. */
    private static final double DEFINITION_BONUS = 0.15;
    /** Added, like a kind of fact asked for, to a line naming a person when the question asks "who" ({@link #person}). */
    private static final double PERSON_BONUS = 0.25;
    /** Added, like a kind of fact asked for, to a line whose size of party takes the number of people asked. */
    private static final double PARTY_BONUS = 0.3;
    /** Words asking what something costs that name no particular charge (unlike "fee", "deposit", "tax"). */
    private static final Pattern ANY_PRICE = Pattern.compile("costs?|prices?|priced|pricing");

    /** Two to four capitalised words in a row, "&" or "and" allowed between them ("Barry & Sang Milea"). */
    private static final Pattern CAPITALISED_RUN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{Ll}'’-]+(?:[ \\t]+(?:(?:&|and)[ \\t]+)?\\p{Lu}[\\p{Ll}'’-]+){1,3}(?![\\p{L}\\p{N}])");
    /** One capitalised word of such a run. */
    private static final Pattern CAPITALISED_WORD = Pattern.compile("\\p{Lu}[\\p{Ll}'’-]+");
    /** A possessive's ending ("Moss's" is Moss). */
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s?$");
    /** A sentence that says what something is: the name before the first "is" or "are" (up to 60 characters). */
    private static final Pattern DEFINITION =
            Pattern.compile("^\\W*(?:(?:the|a|an|our)\\s+)?(\\S.{0,59}?)\\s+(?:is|are)\\s", Pattern.CASE_INSENSITIVE);
    /** Where a name ends and the place it is at begins ("The Staatsburg House | at Milea Estate Vineyard"). */
    private static final Pattern WHERE_IT_IS = Pattern.compile("\\s+(?:at|in)\\s+", Pattern.CASE_INSENSITIVE);
    /** Words that point back at something already said ("This policy", "These include"): no name being defined. */
    private static final Pattern POINTING =
            Pattern.compile("(this|these|that|those|it|they|there|here|which|such)\\b", Pattern.CASE_INSENSITIVE);
    /** How much of a paragraph an answer quotes, in characters, starting from the sentence chosen. */
    private static final int PARAGRAPH_CHARS = 420;

    private static final Pattern PRICE = Pattern.compile("\\$\\s?\\d[\\d,]*(\\.\\d\\d)?");
    /**
     * A count or amount as written, with thousands separators and decimals ("12", "1,500", "2.5"); not a price ("$25":
     * items at the same price are separate entries) and not part of a time ("12:00").
     */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,:$])\\d+(?:,\\d{3})*(?:\\.\\d+)?(?![\\d:])");
    /** Steps read before a numbered step that was chosen alone, at most. */
    private static final int MAX_EARLIER_STEPS = 8;

    /** A numbered step of instructions ("3. Turn left onto Route 9G"), after its heading label if any. */
    private static final Pattern STEP = Pattern.compile("(?:^|: )(\\d{1,2})[.)] ");
    /**
     * A number and the word or two after it ("3 bedrooms", "12 BOTTLES", "150 indoor guests"); a price or a part of a
     * larger number is none.
     */
    private static final Pattern NUMBER_OF =
            Pattern.compile("(?<![$\\d.,])\\d+(?:\\s?[-–]\\s?\\d+)?\\s+([\\p{L}'’-]+)(?:\\s+([\\p{L}'’-]+))?");
    /** Words a count of people asks with ("how many people ...?", "¿cuántas personas?"), as folded. */
    private static final Set<String> PEOPLE = Set.of(
            "people",
            "ppl",
            "persons",
            "guests",
            "adults",
            "attendees",
            "visitors",
            "folks",
            "personas",
            "invitados",
            "personnes",
            "invites");
    /** What a count fact adds when it counts the very thing asked ("3 bedrooms" for "how many bedrooms ...?"). */
    private static final double COUNTED_BONUS = 0.2;

    /** A line's label: letters and spaces, up to 40 characters, before a colon ("Starting Price: $25"). */
    private static final Pattern LABEL = Pattern.compile("([\\p{L}&'/ -]{1,40}?)\\s*:\\s");

    /** Digits as written, with their separators ("1,245", "9.5"). */
    private static final Pattern DIGITS = Pattern.compile("\\d[\\d,.]*");

    /** A distance or travel time: the number that ranks "the closest". */
    private static final Pattern DISTANCE = Pattern.compile(
            "(\\d+(\\.\\d+)?)\\s?(-\\s?\\d+\\s?)?(miles?|mi\\b|minutes?|mins?\\b|km)", Pattern.CASE_INSENSITIVE);

    /**
     * A number with the unit of a measure a "how far / big / large" question asks for ({@link
     * TermAnalyzer#measuresAsked}), by the measure's noun: a distance or travel time ("15-20 minutes", "2 hours north",
     * "5 miles"), a size as area or capacity ("102-acre", "1,245 sqft", "up to 120 guests", "3 bedroom").
     */
    private static final Map<String, Pattern> MEASURES_STATED = Map.of(
            "distance",
            Pattern.compile(
                    "\\b\\d+(\\.\\d+)?(\\s?(-|to)\\s?\\d+(\\.\\d+)?)?\\s?-?"
                            + "(miles?|mi|km|kilomet(er|re)s?|minutes?|mins?|hours?|hrs?)\\b",
                    Pattern.CASE_INSENSITIVE),
            "size",
            Pattern.compile(
                    "\\b\\d[\\d,]*(\\.\\d+)?\\s?-?(acres?|hectares?|sq\\.?\\s?ft|sqft|square (feet|foot|met(er|re)s?)|"
                            + "guests|people|persons|attendees|seats|bedrooms?)\\b",
                    Pattern.CASE_INSENSITIVE));

    /** Verbs saying that something happens or stands somewhere ("where is it held?", "where does it take place?"). */
    private static final Pattern HAPPENS_AT =
            Pattern.compile("\\b(held|hosted|happen(s|ing)?|tak(e|es|ing) place)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern CHEAPER = Pattern.compile(
            "\\b(cheaper|less expensive|costs? less|cheapest|least expensive|lowest|m[aá]s barat[oa]|moins cher)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * How confidence is computed: {@code coverage·c + cohesion·h + cosine·s + facts·f - unknown·u}, clamped to [0, 1].
     *
     * @param coverage weight of the share of the question's words the chosen units cover
     * @param cohesion weight of the share the best single document's units cover (with its title and headings)
     * @param cosine weight of the best passage's cosine similarity, scaled from [0.2, 0.65] to [0, 1]
     * @param facts weight of the share of asked kinds of fact the answer holds
     * @param unknown weight of the share of the question's words the knowledge never uses
     * @param missing weight of the heaviest question word the best document lacks, relative to the heaviest word
     */
    public record Weights(
            double coverage, double cohesion, double cosine, double facts, double unknown, double missing) {

        /** The weights chosen on the tune split. */
        public static final Weights DEFAULT = new Weights(0.2, 0.2, 0.1, 0.1, 0.0, 0.0);
    }

    private final TermAnalyzer analyzer;
    private final LongFunction<CorpusStatistics.Stats> corpus;
    private final double threshold;
    private final Weights weights;
    private final UnitSimilarity similarity;

    /**
     * @param corpus term statistics of an org's chunks, by org id
     * @param threshold confidence in [0, 1] below which the generator declines
     */
    public ExtractiveAnswerGenerator(
            TermAnalyzer analyzer, LongFunction<CorpusStatistics.Stats> corpus, double threshold, Weights weights) {
        this(analyzer, corpus, threshold, weights, UnitSimilarity.NONE);
    }

    ExtractiveAnswerGenerator(
            TermAnalyzer analyzer,
            LongFunction<CorpusStatistics.Stats> corpus,
            double threshold,
            Weights weights,
            UnitSimilarity similarity) {
        this.analyzer = analyzer;
        this.corpus = corpus;
        this.threshold = threshold;
        this.weights = weights;
        this.similarity = similarity;
    }

    /** With the default weights. */
    public ExtractiveAnswerGenerator(
            TermAnalyzer analyzer, LongFunction<CorpusStatistics.Stats> corpus, double threshold) {
        this(analyzer, corpus, threshold, Weights.DEFAULT);
    }

    /** A word of the question with its alternatives and weight. */
    private record Group(Set<String> terms, Set<String> related, double weight, boolean focus, boolean known) {

        /** Whether the bag holds one of the word's own terms. */
        boolean in(Set<String> bag) {
            for (String t : terms) {
                if (bag.contains(t)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * How well the bag holds the word: 1 for one of its own terms, {@value #RELATED_MATCH} for only a related word's
         * ("purchase" for "buy"), 0 for neither.
         */
        double match(Set<String> bag) {
            if (in(bag)) {
                return 1;
            }
            for (String t : related) {
                if (bag.contains(t)) {
                    return RELATED_MATCH;
                }
            }
            return 0;
        }

        Group carried() {
            return new Group(terms, related, weight * CARRIED_WEIGHT, false, known);
        }

        Group scaled(double factor) {
            return new Group(terms, related, weight * factor, focus, known);
        }
    }

    /** One part of the question with its words. */
    private record Part(QuestionShape shape, List<Group> groups) {

        /** This part with the words holding one of {@code terms} weighing {@code factor} times as much. */
        Part weighing(Set<String> terms, double factor) {
            return new Part(
                    shape,
                    groups.stream()
                            .map(g -> Collections.disjoint(g.terms(), terms) ? g : g.scaled(factor))
                            .toList());
        }

        double focusWeight() {
            return groups.stream()
                    .filter(Group::focus)
                    .mapToDouble(Group::weight)
                    .sum();
        }

        double total() {
            return groups.stream().mapToDouble(Group::weight).sum();
        }
    }

    @Override
    public GeneratedAnswer generate(AnswerRequest request, TokenSink sink) {
        CorpusStatistics.Stats stats = corpus.apply(request.orgId());
        List<RetrievedChunk> passages =
                request.passages().stream().limit(PASSAGES).toList();
        String focus = request.focus().isBlank() ? request.question() : request.focus();
        String carried =
                request.question().startsWith(focus) ? request.question().substring(focus.length()) : "";
        // What the visitor only tells ("We're driving up for our anniversary.") is context, not a part to answer.
        QuestionShape.Asked asked = QuestionShape.asked(focus);
        List<String> texts = QuestionShape.parts(asked.asked());
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            // The other parts of the question are context of this one ("... the Staatsburg House? how many do I
            // need?").
            StringBuilder context = new StringBuilder(carried);
            for (int j = 0; j < texts.size(); j++) {
                if (j != i) {
                    context.append(' ').append(texts.get(j));
                }
            }
            parts.add(new Part(
                    QuestionShape.of(texts.get(i)),
                    groups(texts.get(i), context.toString(), asked.told(), request.language(), stats)));
        }
        // "What's your email?", "how can I contact you?": the org's own contact details, not a page that mentions an
        // email of some department.
        if (!request.contactLine().isBlank()
                && carried.isBlank()
                && parts.stream()
                        .allMatch(p -> p.shape().facts().contains(Fact.CONTACT)
                                && analyzer.termGroups(
                                                QuestionShape.withoutContactWords(
                                                        p.shape().text()),
                                                request.language())
                                        .isEmpty())) {
            return ownContact(request, sink);
        }
        if (passages.isEmpty() || parts.stream().allMatch(p -> p.total() <= 0)) {
            return decline(request, sink, 0);
        }
        // "Is the CIA nearby?": a word the knowledge never uses may be the initials of a name a passage spells out.
        Set<String> unknown = new HashSet<>();
        parts.forEach(p -> p.groups().stream().filter(g -> !g.known()).forEach(g -> unknown.addAll(g.terms())));
        // "How far is it?", "how big is the vineyard?": a line giving minutes or acres states the measure asked for.
        Map<Set<String>, Predicate<String>> measures = new HashMap<>();
        // "We're a group of 12, can we book?": the number of people this turn states, told or asked, which a line's
        // size of party may take ("parties of 9 to 15 guests") though it never says 12; such a line states what the
        // question's "group" or "people" counts.
        OptionalInt party = PartySize.asked(focus);
        if (party.isPresent()) {
            int size = party.getAsInt();
            PartySize.noun(focus).ifPresent(noun -> measures.put(analyzer.terms(noun), l -> PartySize.takes(l, size)));
        }
        for (Part p : parts) {
            for (String noun : analyzer.measuresAsked(p.shape().text(), request.language())) {
                Pattern stated = MEASURES_STATED.get(noun);
                if (stated != null) {
                    measures.put(analyzer.terms(noun), stated.asPredicate());
                }
            }
            // "Do I have to pay to taste?", "is there a charge?": when the knowledge never uses the word asking the
            // price, a line giving a price says what is paid or charged. A word it uses ("fee", "deposit") still has to
            // be found: it tells one charge from another. "Cost" and "price" name no charge: any price answers them.
            if (p.shape().facts().contains(Fact.PRICE)) {
                Matcher priceWords =
                        UserQuery.PRICE_ASKED.matcher(new UserQuery(p.shape().text(), "en").normalized());
                while (priceWords.find()) {
                    Set<String> words = analyzer.terms(priceWords.group());
                    if (!words.isEmpty()
                            && (words.stream().noneMatch(stats::known)
                                    || ANY_PRICE.matcher(priceWords.group()).matches())) {
                        measures.put(words, Fact.PRICE.pattern().asPredicate());
                    }
                }
            }
            // "Where is it held?": the verb saying that something happens somewhere is said by a line stating the
            // place ("Location: The Clubhouse"), not by the verb itself.
            if (p.shape().facts().contains(Fact.PLACE)) {
                Matcher happens = HAPPENS_AT.matcher(p.shape().text());
                while (happens.find()) {
                    Set<String> words = analyzer.terms(happens.group());
                    if (!words.isEmpty()) {
                        measures.put(words, Fact.PLACE.pattern().asPredicate());
                    }
                }
            }
        }
        List<AnswerUnit> units =
                AnswerUnit.withMeasures(AnswerUnit.withInitials(AnswerUnit.of(passages, analyzer), unknown), measures);
        // "is it good with steak?" after the Vincenza: "it" is the page the conversation was on.
        Subject subject = referredTo(focus, carried, units);
        // The passages that open their pages: what "tell me about the wine club" wants first.
        Set<Integer> openings = new HashSet<>();
        for (int i = 0; i < passages.size(); i++) {
            if (passages.get(i).lead()) {
                openings.add(i);
            }
        }
        // A follow-up's own words lack its subject ("when were the grapes picked?"): only a question that stands
        // alone is compared by meaning.
        Map<AnswerUnit, Double> meaning = carried.isBlank() ? meaning(focus, units) : Map.of();
        List<AnswerUnit> chosen = new ArrayList<>();
        List<String> leads = new ArrayList<>();
        boolean items = false;
        for (Part part : parts) {
            if (part.total() <= 0 || onlyNumbers(part)) {
                continue;
            }
            Optional<AnswerUnit> nearest = part.shape().byDistance() ? byDistance(part, units) : Optional.empty();
            if (nearest.isPresent()) {
                if (!chosen.contains(nearest.get())) {
                    chosen.add(nearest.get());
                }
                continue;
            }
            Optional<Items> listed = part.shape().aboutItems() ? items(part, units) : Optional.empty();
            // "Any discounts for members?" reads as a list, but when the items found cover what it names far worse
            // than the lines that best cover it, those lines answer.
            List<AnswerUnit> covering = null;
            if (listed.isPresent() && listed.get().lead().isEmpty()) {
                covering = cover(part, units, meaning, subject, openings, party);
                Set<String> verb = offeringVerb(part);
                if (covered(part, covering, 0.5, verb)
                        > covered(part, listed.get().units(), 1, verb) + LIST_COVERAGE_MARGIN) {
                    listed = Optional.empty();
                }
            }
            if (listed.isPresent()) {
                items = true;
                listed.get().lead().ifPresent(leads::add);
                listed.get().units().stream().filter(u -> !chosen.contains(u)).forEach(chosen::add);
            } else {
                (covering != null ? covering : cover(part, units, meaning, subject, openings, party))
                        .stream().filter(u -> !chosen.contains(u)).forEach(chosen::add);
            }
        }
        // "What is the wine club email?": when the chosen lines give no way to get in touch, their page's line that
        // does ("By email at wineclub@..."), else the org's own contact details, not the team's other lines.
        if (parts.stream()
                        .filter(p -> p.total() > 0)
                        .allMatch(p -> p.shape().facts().contains(Fact.CONTACT))
                && chosen.stream().noneMatch(u -> Fact.CONTACT.in(u.text()))) {
            Set<String> pages = chosen.stream().map(AnswerUnit::path).collect(Collectors.toSet());
            List<AnswerUnit> onPages = units.stream()
                    .filter(u -> pages.contains(u.path()) && Fact.CONTACT.in(u.text()))
                    .toList();
            // the way asked for ("email"), when a line names it, before the page's first ("By phone at ...")
            Optional<AnswerUnit> onPage = onPages.stream()
                    .filter(u -> parts.stream()
                            .flatMap(p -> p.groups().stream())
                            .anyMatch(g -> g.weight() > 0 && g.in(u.terms())))
                    .findFirst()
                    .or(() -> onPages.stream().findFirst());
            if (onPage.isPresent()) {
                chosen.clear();
                chosen.add(onPage.get());
            } else if (!request.contactLine().isBlank()) {
                return ownContact(request, sink);
            }
        }
        Features f = features(parts, chosen, passages);
        if (!items) {
            boolean steps = parts.stream().anyMatch(p -> p.shape().howTo());
            List<AnswerUnit> complete = completed(chosen, units, steps);
            chosen.clear();
            chosen.addAll(complete);
        }
        double confidence = f.confidence(weights);
        if (log.isDebugEnabled()) {
            log.debug(
                    "extractive q=\"{}\" coverage={} cohesion={} cosine={} facts={} unknown={} missing={} confidence={} units={}",
                    request.question().replace("\"", "'"),
                    "%.3f".formatted(f.coverage),
                    "%.3f".formatted(f.cohesion),
                    "%.3f".formatted(f.cosine),
                    "%.3f".formatted(f.facts),
                    "%.3f".formatted(f.unknown),
                    "%.3f".formatted(f.missing),
                    "%.3f".formatted(confidence),
                    chosen.size());
            log.debug(
                    "extractive passages: {}",
                    passages.stream()
                            .map(c -> c.path() + "@" + "%.3f".formatted(c.score()))
                            .toList());
        }
        if (chosen.isEmpty() || confidence < threshold) {
            return decline(request, sink, confidence);
        }
        String note = Phrases.of(Phrases.Key.QUOTING_ENGLISH, request.language());
        String text = (note.isEmpty() ? "" : note + "\n\n")
                + (leads.isEmpty() || !request.language().equals("en") ? "" : String.join(" ", leads) + "\n\n")
                + compose(chosen, items);
        AnswerGenerator.stream(text, sink);
        List<String> sources = chosen.stream().map(AnswerUnit::path).distinct().toList();
        return new GeneratedAnswer(text, true, sources, confidence, "extractive");
    }

    /**
     * What a follow-up referring back is about: the page and, on a page of several things (the inns nearby, the
     * team), the section.
     *
     * @param title the page's title; empty for none
     * @param heading the section's informative heading ({@link AnswerUnit#informativeHeading}); empty for none
     */
    private record Subject(String title, String heading) {

        static final Subject NONE = new Subject("", "");
    }

    /**
     * What a follow-up that refers to "it" or "he" is about: the longest title of two words or more among the passages
     * that the follow-up carried whole from the conversation (the page the previous answer came from), and the longest
     * informative heading of that page the conversation carried whole (the section its answer picked: "Mirbeau Inn &
     * Spa", "River Allan"); none when the follow-up refers to nothing or carries no such title.
     */
    private static Subject referredTo(String focus, String carried, List<AnswerUnit> units) {
        if (carried.isBlank() || !QuestionParts.refersToOne(focus)) {
            return Subject.NONE;
        }
        String title = units.stream()
                .map(AnswerUnit::title)
                .filter(t -> t.strip().split("\\s+").length >= 2 && carried.contains(t))
                .max(Comparator.comparingInt(String::length))
                .orElse("");
        String said = carried.toLowerCase(Locale.ROOT);
        String heading = units.stream()
                .filter(u -> u.title().equals(title))
                .map(u -> AnswerUnit.informativeHeading(u.heading()))
                .filter(h ->
                        h.split("\\s+").length >= 2 && !h.equals(title) && said.contains(h.toLowerCase(Locale.ROOT)))
                .max(Comparator.comparingInt(String::length))
                .orElse("");
        return title.isEmpty() ? Subject.NONE : new Subject(title, heading);
    }

    /**
     * The words of a part: each content word with the rarest known of its alternatives (a misspelt word as the known
     * word it most likely means), then the carried words at a third of their weight (in full for a part without words of
     * its own), then what the message only tells ({@link QuestionShape.Asked#told()}) at a third of its weight and together
     * at most {@value #TOLD_SHARE} of the rest (in full when nothing before it gave the part any words).
     */
    private List<Group> groups(
            String part, String carried, String told, String language, CorpusStatistics.Stats stats) {
        List<Group> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // "cheapest" or "closest" is what to do with the prices or distances found, not a word to find; nor is "tell
        // me about" what the answer says.
        List<TermAnalyzer.TermGroup> own = analyzer.relatedTermGroups(
                QuestionShape.withoutNumericOperators(QuestionShape.withoutDescribing(part)), language);
        // "open on Memorial Day?": two words naming one thing, one of them a word the knowledge lacks, stand for the
        // kind that thing is of (a holiday).
        List<Set<String>> kinds = new ArrayList<>();
        own.forEach(g -> kinds.add(new LinkedHashSet<>()));
        List<List<String>> paired = analyzer.kindsOfPairs(own, stats::known);
        for (int i = 1; i < own.size(); i++) {
            for (String kind : paired.get(i)) {
                for (String t : analyzer.termList(kind)) {
                    if (stats.known(t)) {
                        kinds.get(i - 1).add(t);
                        kinds.get(i).add(t);
                    }
                }
            }
        }
        for (int i = 0; i < own.size(); i++) {
            groups.add(group(own.get(i), true, stats, kinds.get(i), language));
            seen.addAll(own.get(i).terms());
        }
        // A part without words of its own ("how much?") is about what was carried: those words count fully.
        boolean elliptical = groups.isEmpty();
        if (!carried.isBlank()) {
            for (TermAnalyzer.TermGroup g : analyzer.relatedTermGroups(carried, language)) {
                if (g.terms().stream().noneMatch(seen::contains)) {
                    Group c = group(g, elliptical, stats, Set.of(), language);
                    groups.add(elliptical ? c : c.carried());
                    seen.addAll(g.terms());
                }
            }
        }
        // What the message only tells is context at the carried words' weight, unless nothing else says what the
        // question is about ("We want a red under $30. Any ideas?").
        boolean bare = groups.isEmpty();
        double asked = groups.stream().mapToDouble(Group::weight).sum();
        List<Group> context = new ArrayList<>();
        for (TermAnalyzer.TermGroup g : analyzer.relatedTermGroups(told, language)) {
            if (g.terms().stream().noneMatch(seen::contains)) {
                Group c = group(g, bare, stats, Set.of(), language);
                context.add(bare ? c : c.carried());
                seen.addAll(g.terms());
            }
        }
        double toldWeight = context.stream().mapToDouble(Group::weight).sum();
        if (!bare && toldWeight > TOLD_SHARE * asked) {
            double scale = TOLD_SHARE * asked / toldWeight;
            context = context.stream().map(c -> c.scaled(scale)).toList();
        }
        groups.addAll(context);
        return groups;
    }

    /**
     * A word's group: its terms (with the known word a misspelt one most likely means), weighed by the rarest known of
     * them; a word the knowledge lacks that only related words stand for ("resell" for "resale") takes their weight; one
     * that only the senses next to its own stand for ("hotel" for "inn") keeps the weight of an unknown word.
     */
    private Group group(
            TermAnalyzer.TermGroup word,
            boolean focus,
            CorpusStatistics.Stats stats,
            Set<String> kindOfName,
            String language) {
        Set<String> terms = new LinkedHashSet<>(word.terms());
        Set<String> related = word.related();
        // A word of a name WordNet lists ("memorial" of "Memorial Day") is no misspelling, nor is an English word of
        // an English question ("t-shirts" are no "shift"), as the spelling stage reads them.
        if (word.unknownTo(stats::known)
                && kindOfName.isEmpty()
                && !(language.equals("en") && analyzer.englishWord(word.word()))) {
            word.terms().forEach(t -> stats.closestKnown(t).ifPresent(terms::add));
        }
        // The kind of the name the word is part of ("holiday" of "Memorial Day") stands for it as related words do; so
        // do, for a word that still has nothing the knowledge uses ("nearby", "hotel"), the senses next to its own
        // ("near", "inn"), while it keeps the weight of a word the knowledge lacks.
        Set<String> broader = new LinkedHashSet<>(kindOfName);
        if (terms.stream().noneMatch(stats::known) && related.stream().noneMatch(stats::known)) {
            analyzer.broaderTerms(word.word()).stream().filter(stats::known).forEach(broader::add);
        }
        double known = rarest(terms, stats);
        if (known < 0) {
            known = rarest(related, stats);
        }
        if (!broader.isEmpty()) {
            broader.addAll(related);
            related = broader;
        }
        if (known >= 0) {
            return new Group(terms, related, known, focus, true);
        }
        // A word of one or two letters the knowledge never uses is a slip or shorthand ("hw much", "pls"), not what
        // the question is about: it weighs nothing. So does, in a question in another language than the knowledge's
        // English, a word that neither the knowledge nor the plugins' vocabulary knows ("¿se puede hacer una boda
        // allí?"): most such words frame the question; what it is about is a name or a word the vocabulary maps.
        String first = terms.iterator().next();
        boolean weightless = first.length() <= 2 || !language.equals("en");
        return new Group(terms, related, weightless ? 0 : stats.idf(first), focus, false);
    }

    /**
     * Whether a unit says what the question names: it opens with a name made of the question's own words, at least half
     * the weight of what it asks about, then "is" or "are" ("Milea Miles is Milea Estate Vineyard's exclusive rewards
     * program" for "what is Milea Miles?"; not "This policy is governed ..." for "what's your return policy?"). A place
     * after the name ("The Staatsburg House at Milea Estate Vineyard is ...") is no part of it.
     */
    private boolean defines(Part part, AnswerUnit u) {
        Matcher m = DEFINITION.matcher(u.text());
        if (!m.find() || POINTING.matcher(m.group(1)).lookingAt()) {
            return false;
        }
        // "The Staatsburg House at Milea Estate Vineyard is ...": where the named thing is is no part of its name.
        Set<String> name = analyzer.terms(WHERE_IT_IS.split(m.group(1), 2)[0]);
        List<Group> focus = part.groups().stream().filter(Group::focus).toList();
        if (name.isEmpty()
                || !name.stream()
                        .allMatch(t -> focus.stream().anyMatch(g -> g.terms().contains(t)))) {
            return false;
        }
        double named = focus.stream()
                .filter(g -> g.in(name))
                .mapToDouble(Group::weight)
                .sum();
        return named >= 0.5 * part.focusWeight();
    }

    private static double rarest(Set<String> terms, CorpusStatistics.Stats stats) {
        return terms.stream().filter(stats::known).mapToDouble(stats::idf).max().orElse(-1);
    }

    /** Units of the first passages by their similarity in meaning to the question (empty without a model). */
    private Map<AnswerUnit, Double> meaning(String question, List<AnswerUnit> units) {
        List<AnswerUnit> compared = units.stream()
                .filter(u -> u.passage() < SEMANTIC_PASSAGES)
                .limit(SEMANTIC_UNITS)
                .toList();
        Map<AnswerUnit, Double> out = new HashMap<>();
        similarity
                .of(question, compared.stream().map(AnswerUnit::meaningText).toList())
                .ifPresent(sims -> {
                    for (int i = 0; i < sims.length; i++) {
                        out.put(compared.get(i), sims[i]);
                    }
                });
        return out;
    }

    /**
     * The units that together cover a part best, at most {@value #MAX_UNITS_PER_PART}; a unit's similarity in meaning
     * ({@code meaning}, empty for none) adds to its score, and so does being on the page and in the section a
     * follow-up's "it" refers to ({@code subject}, {@link #referredTo}; {@link Subject#NONE} for none), and, when the
     * turn states a number of people ({@code party}), stating a size of party that takes it ({@link PartySize}).
     */
    private List<AnswerUnit> cover(
            Part question,
            List<AnswerUnit> units,
            Map<AnswerUnit, Double> meaning,
            Subject subject,
            Set<Integer> openings,
            OptionalInt party) {
        // "Do you host weddings?": the verb asks whether it is there, the rest what; a line repeating the verb ("the
        // clubhouse can host your event inside") is less about it than one about weddings. Only the picking weighs
        // the verb less: how well the picked lines cover the question (and so whether it is declined) does not.
        Set<String> whether =
                question.shape().availabilityVerb().map(analyzer::terms).orElse(Set.of());
        Part part = whether.isEmpty() ? question : question.weighing(whether, AVAILABILITY_VERB_WEIGHT);
        List<AnswerUnit> chosen = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        Set<Fact> shown = new HashSet<>();
        double total = part.total();
        double best = 0;
        // "What is Milea Miles?": the lines saying what it is, read once for every pick.
        Set<AnswerUnit> defining = new HashSet<>();
        if (part.shape().describes()) {
            units.stream().filter(u -> defines(part, u)).forEach(defining::add);
        }
        // A fact of the kind asked is what its own heading and its page name ("450 Hollow Road" under "Address", the
        // email of the Wine Club's page): the title's and heading's words of each unit holding such a fact, read once.
        Map<AnswerUnit, Set<String>> namedByHeading = new HashMap<>();
        for (AnswerUnit u : units) {
            if (part.shape().facts().stream().anyMatch(f -> f.in(u.text()))) {
                namedByHeading.put(u, analyzer.terms(u.title() + " " + AnswerUnit.informativeHeading(u.heading())));
            }
        }
        // "What's the Farmhouse Tasting?", "how do I join?": every line of the page the question names by its whole
        // title, or of the section it names by its whole heading ("How to Join"), is about it, though the line says
        // only "Price: $20.00" and another page's line repeats a word of the name.
        Map<String, Boolean> wholeNames = new HashMap<>();
        Map<AnswerUnit, Set<String>> namedWhole = new HashMap<>();
        // "How do I join the wine club?": in the section it names ("How to Join"), the words of the page's title
        // ("... Wine Club") say what the lines are about, as if the lines said them; so do they in the section that
        // opens the page, for a question about the thing itself ("tell me about the wine club", see below).
        Set<AnswerUnit> inNamedSection = new HashSet<>();
        Set<AnswerUnit> onNamedPage = new HashSet<>();
        for (AnswerUnit u : units) {
            Set<String> named = new HashSet<>();
            if (wholeNames.computeIfAbsent("title\n" + u.title(), k -> namesWhole(part, u.title(), 2))) {
                named.addAll(analyzer.terms(u.title()));
                onNamedPage.add(u);
            }
            String heading = AnswerUnit.informativeHeading(u.heading());
            if (wholeNames.computeIfAbsent("heading\n" + heading, k -> namesWhole(part, heading, 1))) {
                named.addAll(analyzer.terms(heading));
                inNamedSection.add(u);
            }
            if (!named.isEmpty()) {
                namedWhole.put(u, named);
            }
        }
        // "Do you sell cigars?", "can I bring my dog?": a line holding no word of the question but the verb ("we do not
        // sell your data", "may I bring in outside catering?") is no answer, unless it means what was asked ("do you
        // sell my email?").
        Set<String> verb = part.shape()
                .availabilityVerb()
                .or(() -> part.shape().permissionVerb())
                .map(analyzer::terms)
                .orElse(Set.of());
        Set<AnswerUnit> verbOnly = new HashSet<>();
        if (!verb.isEmpty()) {
            for (AnswerUnit u : units) {
                if (!holdsMoreThan(verb, part.groups(), u)
                        && meaning.getOrDefault(u, 0.0) - SEMANTIC_FLOOR < SEMANTIC_KEEP) {
                    verbOnly.add(u);
                }
            }
        }
        // "Who is the winemaker?": the lines that name a person (in their text or under a heading that is a name) lead
        // the answer when one of them is about the question at all; a question naming the person ("who is Russell
        // Moss?") is about the lines naming that one.
        Set<AnswerUnit> naming = new HashSet<>();
        if (part.shape().who()) {
            Map<AnswerUnit, Integer> named = new HashMap<>();
            units.stream().filter(u -> relevance(part, u) >= 0.15).forEach(u -> named.put(u, person(part, u)));
            int most = named.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            named.forEach((u, level) -> {
                if (most > 0 && level == most) {
                    naming.add(u);
                }
            });
        }
        // "How many bedrooms ...?": a line giving a number of bedrooms states the count asked, more than any number.
        Set<String> counted = part.shape().counted().map(analyzer::terms).orElse(Set.of());
        boolean people = part.shape().counted().map(PEOPLE::contains).orElse(false);
        Set<AnswerUnit> counting = new HashSet<>();
        if (!counted.isEmpty()) {
            units.stream()
                    .filter(u -> counts(u, counted) || people && PartySize.statesASize(u.text()))
                    .forEach(counting::add);
        }
        // "Tell me about the wine club", "do you do weddings?": the section that opens the page whose title names all
        // the question asks about says what it is, more than a line further down that repeats the words.
        boolean aboutThePage = part.shape().describes()
                || (part.shape().asksExistence()
                        && part.shape().facts().isEmpty()
                        && !part.shape().list()
                        && !part.shape().comparison());
        Set<AnswerUnit> opening = new HashSet<>();
        // the question's words as typed, which a section's heading must say to name what was asked
        Set<String> typed = aboutThePage || part.shape().who() ? typedWords(part) : Set.of();
        if (aboutThePage) {
            // the first sentence of each such section, so that the answer starts where the page does (a product
            // page's "Price: $32.00" above its description is no sentence)
            Set<Integer> seen = new HashSet<>();
            units.stream()
                    .filter(u -> openings.contains(u.passage())
                            && SENTENCE.matcher(u.text()).matches())
                    .filter(u -> seen.add(u.passage()))
                    .filter(u -> titleNamesAll(part, u, verb))
                    .forEach(opening::add);
            // ... and of each section whose own heading names all of it ("tell me about the private tour" and the
            // "Private Tour & Tasting" section of the tastings page)
            Set<String> sections = new HashSet<>();
            units.stream()
                    .filter(u -> SENTENCE.matcher(u.text()).matches())
                    .filter(u -> sections.add(u.passage() + "\n" + u.heading()))
                    .filter(u -> headingNamesAll(part, u, verb, typed))
                    .forEach(opening::add);
        }
        if (part.shape().who()) {
            // "Who is Laney?": the first line and the first sentence of the section her name heads ("Title: Event
            // Coordinator", then who she is), more than a line further down that says her name again.
            Set<String> lines = new HashSet<>();
            Set<String> sentences = new HashSet<>();
            for (AnswerUnit u : units) {
                String section = u.passage() + "\n" + u.heading();
                boolean first = lines.add(section);
                boolean firstSentence = SENTENCE.matcher(u.text()).matches() && sentences.add(section);
                if ((first || firstSentence) && headingNamesAll(part, u, verb, typed)) {
                    opening.add(u);
                }
            }
        }
        // whether the part has words of its own and words from elsewhere (an earlier turn, what the message tells)
        boolean borrows = part.focusWeight() > 0 && part.groups().stream().anyMatch(g -> !g.focus() && g.weight() > 0);
        Set<AnswerUnit> passedOver = new HashSet<>();
        // "How long does a tasting take?", "how many bottles per shipment?": a page listing several things of the kind
        // asked, each under its own heading (the tastings, the club's tiers), states the fact for each; a line of
        // another such section, as much about the question as the first one shown, is one more answer, no repetition.
        Map<Fact, Shown> firstShowing = new EnumMap<>(Fact.class);
        Set<String> sectionsShowing = new HashSet<>();
        boolean personShown = false;
        while (chosen.size() < MAX_UNITS_PER_PART) {
            AnswerUnit pick = null;
            double pickScore = 0;
            double pickGain = 0;
            double pickOwnGain = 0;
            boolean pickFact = false;
            boolean pickMeant = false;
            // How much of each word the chosen units hold already: the same for every candidate of this pick.
            List<Group> groups = part.groups();
            double[] held = new double[groups.size()];
            for (int i = 0; i < held.length; i++) {
                held[i] = groups.get(i).match(covered);
            }
            for (AnswerUnit u : units) {
                if (chosen.stream().anyMatch(c -> c.text().equals(u.text()))
                        || passedOver.contains(u)
                        || verbOnly.contains(u)
                        || notAboutThePerson(u, naming, chosen, personShown)
                        || aboutAnotherOne(u, subject)) {
                    continue;
                }
                double gain = 0;
                double ownGain = 0;
                double context = 0;
                double named = 0;
                // A numbered step does what its heading names ("From Albany and Points North" above "1. Take I-87").
                boolean step = part.shape().howTo() && STEP.matcher(u.text()).find();
                Set<String> whole = namedWhole.getOrDefault(u, Set.of());
                Set<String> heading = namedByHeading.getOrDefault(u, Set.of());
                // A kind of fact counts only in a unit about the question (a price of something else is no answer).
                double relevance = relevance(part, u);
                // Another section's statement of a fact shown answers the question anew, for its own thing.
                Set<Fact> again = EnumSet.noneOf(Fact.class);
                for (Fact asked : shown) {
                    if (asked.in(u.text()) && parallel(u, relevance, firstShowing.get(asked), sectionsShowing)) {
                        again.add(asked);
                    }
                }
                for (int i = 0; i < held.length; i++) {
                    Group g = groups.get(i);
                    // A word the chosen units hold only through a related word ("modify" for "change") leaves the
                    // rest of its weight to a unit holding the word itself.
                    double already = again.isEmpty() ? held[i] : 0;
                    double inText = g.match(u.terms()) - already;
                    double inContext = g.match(u.context()) - already;
                    double inWhole = g.match(whole) - already;
                    // The title and heading count as the line's own words in a step, a section the question names
                    // or the opening of the page it asks about; a full match there outweighs a related word in the
                    // line ("marry" for "weddings").
                    boolean contextCounts =
                            step || g.match(heading) > 0 || inNamedSection.contains(u) || opening.contains(u);
                    double besides = Math.max(inWhole, contextCounts ? inContext : 0);
                    if (inText > 0 && inText >= besides) {
                        gain += inText * g.weight();
                        ownGain += g.focus() ? inText * g.weight() : 0;
                    } else if (besides > 0) {
                        gain += besides * g.weight();
                        named += Math.max(0, g.match(heading) - already) * g.weight();
                    } else if (inContext > 0) {
                        context += inContext * g.weight();
                    }
                }
                double share = (gain + 0.5 * context) / total;
                boolean fact = false;
                double bonus = 0;
                for (Fact asked : part.shape().facts()) {
                    if ((!shown.contains(asked) || again.contains(asked)) && asked.in(u.text()) && relevance >= 0.15) {
                        bonus += asked == Fact.PRICE ? 0.35 : asked == Fact.COUNT ? 0.15 : 0.25;
                        if (asked == Fact.COUNT && counting.contains(u)) {
                            bonus += COUNTED_BONUS;
                        }
                        fact = true;
                    }
                }
                if (!personShown && naming.contains(u)) {
                    bonus += PERSON_BONUS;
                    fact = true;
                }
                if (party.isPresent() && relevance >= 0.15 && PartySize.takes(u.text(), party.getAsInt())) {
                    bonus += PARTY_BONUS;
                    fact = true;
                }
                bonus += 0.15 * titleShare(part, u);
                // A unit of the page a follow-up's "it" refers to is about what was asked, as one whose title names it.
                if (u.title().equals(subject.title())) {
                    bonus += SUBJECT_BONUS;
                    // ... and more to a unit of the section it refers to, on a page of several things
                    if (!subject.heading().isEmpty()
                            && AnswerUnit.informativeHeading(u.heading()).equals(subject.heading())) {
                        bonus += SUBJECT_BONUS;
                    }
                }
                if (defining.contains(u)) {
                    bonus += DEFINITION_BONUS;
                }
                if (opening.contains(u)) {
                    bonus += LEAD_BONUS;
                }
                // A fact under a heading naming what was asked ("450 Hollow Road" under "Official Address") is that
                // thing itself, more than a line that only mentions the words ("while this address is ...").
                if (fact) {
                    bonus += HEADING_NAMED * named / total;
                    // any number is a count; only one of the thing counted is that thing's fact
                    if (onNamedPage.contains(u)
                            && (!part.shape().facts().contains(Fact.COUNT) || counting.contains(u))) {
                        bonus += TITLE_NAMED_FACT;
                    }
                }
                if (part.shape().howTo()
                        && relevance >= 0.15
                        && STEP.matcher(u.text()).find()) {
                    bonus += 0.3;
                }
                if (!chosen.isEmpty() && chosen.stream().anyMatch(c -> c.path().equals(u.path()))) {
                    bonus += 0.1;
                }
                double meant = Math.max(0, meaning.getOrDefault(u, 0.0) - SEMANTIC_FLOOR);
                double score = share
                        + bonus
                        + 0.08 / (1 + u.passage())
                        + 0.1 * Math.max(0, u.cosine())
                        + SEMANTIC_WEIGHT * meant;
                if (score > pickScore) {
                    pickScore = score;
                    pick = u;
                    pickGain = gain / total;
                    pickOwnGain = ownGain / total;
                    pickFact = fact;
                    pickMeant = meant >= SEMANTIC_KEEP;
                }
            }
            if (pick == null) {
                break;
            }
            boolean first = chosen.isEmpty();
            if (first && pickScore < 0.2) {
                break;
            }
            if (!first && (pickScore < Math.max(0.25, best * 0.45) || (pickGain < 0.1 && !pickFact && !pickMeant))) {
                break;
            }
            // "How many bottles?" after the Triple Crown: once a line gives the number of the thing counted, a line
            // holding none of the visitor's own words and no such number is the section's padding, whatever it shares
            // with earlier turns.
            if (!first
                    && chosen.stream().anyMatch(counting::contains)
                    && !counting.contains(pick)
                    && pickOwnGain < 0.1) {
                break;
            }
            // "What's the site fee?" after "how many guests can you fit?": a further line holding none of the
            // visitor's own words, no fact asked and not meaning what was asked answers an earlier turn's question,
            // answered then: passed over for the next best.
            if (!first && borrows && !holdsOwnWord(part, pick) && !pickFact && !pickMeant) {
                passedOver.add(pick);
                continue;
            }
            best = Math.max(best, pickScore);
            chosen.add(pick);
            covered.addAll(pick.terms());
            covered.addAll(namedWhole.getOrDefault(pick, Set.of()));
            AnswerUnit picked = pick;
            for (Fact asked : part.shape().facts()) {
                if (asked.in(pick.text())) {
                    shown.add(asked);
                    firstShowing.computeIfAbsent(
                            asked, f -> new Shown(picked, relevance(part, picked), form(picked.text())));
                    sectionsShowing.add(section(pick));
                }
            }
            personShown |= naming.contains(pick);
        }
        return chosen;
    }

    /**
     * Whether a unit states a fact already shown for another of the things its page lists: on the page of the first unit
     * that showed it, under another informative heading than every unit showing a fact, in the same form (the same
     * label, "Duration: 2-hour ..." and "Duration: 90-minute ...", or the same words around other numbers, "4 bottles
     * per shipment" and "12 bottles per shipment") and at least as much about the question (by {@link #relevance}).
     */
    private boolean parallel(AnswerUnit u, double relevance, Shown first, Set<String> sectionsShowing) {
        return first != null
                && u.path().equals(first.unit().path())
                && !AnswerUnit.informativeHeading(u.heading()).isEmpty()
                && !sectionsShowing.contains(section(u))
                && relevance >= first.relevance()
                && form(u.text()).equals(first.form());
    }

    /** The first unit that showed a kind of fact, with its {@link #relevance} and {@link #form}, read once. */
    private record Shown(AnswerUnit unit, double relevance, Set<String> form) {}

    /** The terms of a line's label ("duration" of "Duration: 2-hour ..."), or else of its words besides numbers. */
    private Set<String> form(String text) {
        Matcher label = LABEL.matcher(text);
        return analyzer.terms(
                label.lookingAt() ? label.group(1) : DIGITS.matcher(text).replaceAll(" "));
    }

    /** The page and informative heading a unit stands under, as one key. */
    private static String section(AnswerUnit u) {
        return u.path() + "\n" + AnswerUnit.informativeHeading(u.heading());
    }

    /** Whether a unit gives a number of the thing counted ("3 bedrooms", "up to 120 guests"). */
    private boolean counts(AnswerUnit u, Set<String> counted) {
        Matcher m = NUMBER_OF.matcher(u.text());
        while (m.find()) {
            for (int g = 1; g <= 2; g++) {
                if (m.group(g) != null && analyzer.terms(m.group(g)).stream().anyMatch(counted::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a unit is about another of the things a page lists than the one a follow-up refers to: under another
     * section of the subject's page ("how far is it from you?" about the Mirbeau is not answered by the Millbrook Inn's
     * 30 minutes, "where did he study?" about the winemaker not by the general manager's Cornell lecturing).
     */
    private static boolean aboutAnotherOne(AnswerUnit u, Subject subject) {
        if (subject.heading().isEmpty() || !u.title().equals(subject.title())) {
            return false;
        }
        String heading = AnswerUnit.informativeHeading(u.heading());
        return !heading.isEmpty() && !heading.equals(subject.heading());
    }

    /**
     * Whether a "who" question's answer leaves a unit out: before a line naming a person is chosen, every line that
     * names none (when one that does is about the question); after, a line naming none on another page than the chosen
     * lines' (the rest of the person's page may say more, another page's words are padding).
     */
    private static boolean notAboutThePerson(
            AnswerUnit u, Set<AnswerUnit> naming, List<AnswerUnit> chosen, boolean personShown) {
        if (naming.isEmpty() || naming.contains(u)) {
            return false;
        }
        return !personShown || chosen.stream().noneMatch(c -> c.path().equals(u.path()));
    }

    /**
     * Whether a unit is about a person it names (1), about one the question names too (2), or neither (0): a name as
     * the heading it stands under ("River Allan" above "Title: Winemaker") or as its first words ("Barry Milea spent
     * his youth..."). A name is two to four capitalised words, at most one of them a common English word ({@link
     * TermAnalyzer#commonWord}: "River" of "River Allan"; "Our Milea Estate Vineyard" is a business) and one neither
     * that nor a word of the page's title ("Milea" on "About Milea Estate
     * Vineyard"), and no common word of which is a word of the question unless a name in it is too (the "Winemaking
     * Team" is what was asked about; "Russell Moss", asked about by name, is the person; the business's "Milea",
     * asked for, is no person asked about). A place can pass for one ("Lake Erie"); only a question asking "who" looks.
     */
    private int person(Part part, AnswerUnit u) {
        Set<String> title = analyzer.terms(u.title());
        Set<String> asked = new HashSet<>();
        part.groups().forEach(g -> asked.addAll(g.terms()));
        int leaf = u.heading().lastIndexOf(" > ");
        String heading =
                leaf < 0 ? u.heading().strip() : u.heading().substring(leaf + 3).strip();
        Matcher headed = CAPITALISED_RUN.matcher(heading);
        Matcher subject = CAPITALISED_RUN.matcher(u.text());
        int level = 0;
        for (Matcher run : List.of(headed, subject)) {
            // The whole heading, or the sentence's subject: a name further on is what the sentence mentions ("with
            // growers across New York State"), not who it is about.
            boolean found = run == headed
                    ? run.matches()
                    : run.find() && u.text().substring(0, run.start()).chars().noneMatch(Character::isLetterOrDigit);
            if (!found) {
                continue;
            }
            boolean name = false;
            boolean askedWord = false;
            boolean askedName = false;
            int commonWords = 0;
            Matcher word = CAPITALISED_WORD.matcher(run.group());
            while (word.find()) {
                String folded =
                        POSSESSIVE.matcher(TermAnalyzer.fold(word.group())).replaceAll("");
                Set<String> terms = analyzer.terms(folded);
                boolean common = analyzer.commonWord(folded);
                commonWords += common ? 1 : 0;
                boolean inQuestion = !Collections.disjoint(terms, asked);
                boolean own = !common && !terms.isEmpty() && !title.containsAll(terms);
                askedWord |= common && inQuestion;
                askedName |= own && inQuestion;
                name |= own;
            }
            if (name && commonWords <= 1 && (askedName || !askedWord)) {
                level = Math.max(level, askedName ? 2 : 1);
            }
        }
        return level;
    }

    /** Whether a unit holds, in its text, title or heading, a word of the part other than the {@code verb}'s terms. */
    private static boolean holdsMoreThan(Set<String> verb, List<Group> groups, AnswerUnit u) {
        for (Group g : groups) {
            if (Collections.disjoint(g.terms(), verb) && (g.match(u.terms()) > 0 || g.match(u.context()) > 0)) {
                return true;
            }
        }
        return false;
    }

    /** The share of a part's words (carried ones at their lower weight) a unit holds, title and heading counting half. */
    private static double relevance(Part part, AnswerUnit u) {
        double total = part.total();
        if (total <= 0) {
            return 0;
        }
        double found = 0;
        for (Group g : part.groups()) {
            found += Math.max(g.match(u.terms()), 0.5 * g.match(u.context())) * g.weight();
        }
        return found / total;
    }

    /**
     * Whether the part names a page's title or a section's heading whole: each of its content words (at least {@code
     * least}; question words such as "how", and numbers such as a vintage, aside) is one of the part's own words (not
     * one carried from an earlier turn or another part).
     */
    private boolean namesWhole(Part part, String name, int least) {
        List<Set<String>> words = new ArrayList<>(analyzer.termGroups(name));
        words.removeIf(w -> w.stream().allMatch(ExtractiveAnswerGenerator::number));
        return words.size() >= least
                && words.stream()
                        .allMatch(w ->
                                part.groups().stream().anyMatch(g -> g.focus() && !Collections.disjoint(g.terms(), w)));
    }

    /**
     * Whether a unit's page title names every word a part asks about ("wine club" in "... Wine Club"), but the verb
     * asking whether it is there ("host" in "do you host weddings?").
     */
    private boolean titleNamesAll(Part part, AnswerUnit u, Set<String> verb) {
        Set<String> title = analyzer.terms(u.title());
        List<Group> own = ownWords(part, verb);
        return !own.isEmpty() && own.stream().allMatch(g -> g.in(title));
    }

    /**
     * Whether a unit's text or the heading right above it holds one of a part's own words (not carried over, weighing
     * something): "Distance from Milea: ..." under "Franklin D. Roosevelt Presidential Library ..." holds "library".
     */
    private boolean holdsOwnWord(Part part, AnswerUnit u) {
        Set<String> heading = analyzer.terms(AnswerUnit.informativeHeading(u.heading()));
        return part.groups().stream()
                .anyMatch(g -> g.focus() && g.weight() > 0 && (g.match(u.terms()) > 0 || g.match(heading) > 0));
    }

    /** A part's own words (not carried over, weighing something) but the verb. */
    private static List<Group> ownWords(Part part, Set<String> verb) {
        return part.groups().stream()
                .filter(g -> g.focus() && g.weight() > 0 && Collections.disjoint(g.terms(), verb))
                .toList();
    }

    /**
     * Whether the heading right above a unit names all of a part's own words but the verb, as {@link #titleNamesAll},
     * each by a word the question has as it is or in the singular or plural: "Private Tour & Tasting" names "the private
     * tour", "Hyde Park" does not name "parking" (one stem, another word).
     *
     * @param typed the part's words as typed ({@link #typedWords})
     */
    private boolean headingNamesAll(Part part, AnswerUnit u, Set<String> verb, Set<String> typed) {
        Set<String> heading = new HashSet<>();
        for (String word : TermAnalyzer.fold(u.heading()).split(" ")) {
            if (typed.contains(word)
                    || typed.contains(word + "s")
                    || word.endsWith("s") && typed.contains(word.substring(0, word.length() - 1))) {
                heading.addAll(analyzer.termList(word));
            }
        }
        List<Group> own = ownWords(part, verb);
        return !own.isEmpty() && own.stream().allMatch(g -> g.in(heading));
    }

    /** A part's words as typed, folded ({@link #headingNamesAll} reads headings against them). */
    private static Set<String> typedWords(Part part) {
        return Set.copyOf(
                java.util.Arrays.asList(TermAnalyzer.fold(part.shape().text()).split(" ")));
    }

    /** The share of a part's own words its document's title names (the thing the question is about). */
    private double titleShare(Part part, AnswerUnit u) {
        double total = part.focusWeight();
        if (total <= 0) {
            return 0;
        }
        Set<String> title = analyzer.terms(u.title());
        return part.groups().stream()
                        .filter(g -> g.focus() && g.in(title))
                        .mapToDouble(Group::weight)
                        .sum()
                / total;
    }

    /** The longest line read as a FAQ's question above its reply; a longer one is a paragraph that ends asking. */
    private static final int MAX_FAQ_QUESTION_CHARS = 160;

    /** A sentence adding to the one before it: "Also, ...", "We also grow ...", "The cottage also has ...". */
    private static final Pattern ADDS_TO_BEFORE =
            Pattern.compile("^(?:\\S+\\s+){0,3}also\\b", Pattern.CASE_INSENSITIVE);

    /**
     * Adds to the chosen units what completes them: the sentence before one that adds to it ({@link #ADDS_TO_BEFORE}),
     * the FAQ question a reply answers ({@link #faqQuestionOf}),
     * the first line of each section under its heading that follows a unit ending with a colon ("several ways to make
     * reservations:" above "Online", "Phone"; {@link #sectionStarts}),
     * else the unit after one that ends with a colon ("... direct visitors to our secondary entrance at:") or a question
     * mark (a FAQ's question: its answer follows) or is only a label ({@link TextLines#isLabel}: "Tasting notes"), and up
     * to two following siblings of a bullet under the same heading that are {@link #alike} (another "Component: ..." of the same
     * list, or the entry beyond a limit).
     */
    private static List<AnswerUnit> completed(List<AnswerUnit> chosen, List<AnswerUnit> units, boolean steps) {
        List<AnswerUnit> out = new ArrayList<>();
        for (AnswerUnit u : chosen) {
            int i = units.indexOf(u);
            // "2. Use a taxi from the station" is read after "1. Take Metro-North to Poughkeepsie": the steps before
            // it.
            for (AnswerUnit earlier : earlierSteps(u, units, i, steps)) {
                if (!out.contains(earlier) && !chosen.contains(earlier)) {
                    out.add(earlier);
                }
            }
            // "We also grow Grüner Veltliner" adds to the sentence before it in its paragraph, which says what it adds
            // to.
            if (i > 0 && ADDS_TO_BEFORE.matcher(u.text()).find()) {
                AnswerUnit before = units.get(i - 1);
                if (before.passage() == u.passage()
                        && before.paragraph() == u.paragraph()
                        && !out.contains(before)
                        && !chosen.contains(before)) {
                    out.add(before);
                }
            }
            // "Absolutely we do! ..." answers the FAQ question right above it, which says what it is a yes to.
            AnswerUnit asked = faqQuestionOf(u, units, i);
            if (asked != null && !out.contains(asked) && !chosen.contains(asked)) {
                out.add(asked);
            }
            if (!out.contains(u)) {
                out.add(u);
            }
            // "... several ways to make reservations:" above "### Online" and "### Phone": each way's first line.
            List<AnswerUnit> starts = u.text().endsWith(":") ? sectionStarts(u, units, i) : List.of();
            if (!starts.isEmpty()) {
                starts.stream()
                        .filter(s -> !out.contains(s) && !chosen.contains(s))
                        .forEach(out::add);
                continue;
            }
            int added = 0;
            int limit = steps ? 8 : 2;
            int quoted = u.text().length();
            for (int j = i + 1; j < units.size() && added < limit; j++) {
                AnswerUnit next = units.get(j);
                if (next.passage() != u.passage() || !next.heading().equals(u.heading())) {
                    break;
                }
                // The sentences after it in its paragraph: the detail a paragraph's first sentence announces.
                boolean sameParagraph = next.paragraph() == u.paragraph()
                        && quoted + next.text().length() <= PARAGRAPH_CHARS;
                quoted += next.text().length();
                // A line ending with a colon, a label, or a question of a FAQ ("Am I allowed to bring in outside
                // catering?") is completed by the line after it.
                boolean continuation = sameParagraph
                        || (j == i + 1
                                && (u.text().endsWith(":") || u.text().endsWith("?") || TextLines.isLabel(u.text())));
                boolean step = steps && STEP.matcher(next.text()).find();
                if (!continuation && !step && !alike(u, next)) {
                    break;
                }
                if (!out.contains(next) && !chosen.contains(next)) {
                    out.add(next);
                }
                added++;
            }
        }
        // A line two pages share (a page stored twice, a paragraph repeated on another page) is quoted once.
        Set<String> lines = new HashSet<>();
        return out.stream().filter(u -> lines.add(u.text())).toList();
    }

    /**
     * The FAQ question a unit answers: the line right before it under the same heading of its passage, in a paragraph of
     * its own, ending with a question mark, when the unit opens its own paragraph and is no question itself; null
     * otherwise. A reply ("Absolutely we do!", "Yes, for an additional fee") read without its question says yes to
     * nothing the visitor can see.
     */
    private static AnswerUnit faqQuestionOf(AnswerUnit u, List<AnswerUnit> units, int i) {
        if (i <= 0 || u.text().endsWith("?")) {
            return null;
        }
        AnswerUnit before = units.get(i - 1);
        boolean opensParagraph = before.paragraph() != u.paragraph();
        return opensParagraph
                        && before.passage() == u.passage()
                        && before.heading().equals(u.heading())
                        && before.text().endsWith("?")
                        && before.text().length() <= MAX_FAQ_QUESTION_CHARS
                ? before
                : null;
    }

    /**
     * The numbered steps right before a numbered step under the same heading of its passage, first step first, down
     * to step 1 (at most {@value #MAX_EARLIER_STEPS}); empty for a unit that is no step or is the first. A question not
     * asking how to do something gets only step 1 before step 2 ("1. Take the train to Poughkeepsie" before "2. A taxi
     * from the station"): a later step it quoted for a word ("6. Drive about 3 miles" for "how long is the drive?") is
     * not made into the whole route.
     */
    private static List<AnswerUnit> earlierSteps(AnswerUnit u, List<AnswerUnit> units, int i, boolean howTo) {
        int number = stepNumber(u);
        if (number <= 1 || i < 0 || !howTo && number > 2) {
            return List.of();
        }
        List<AnswerUnit> earlier = new ArrayList<>();
        for (int j = i - 1; j >= 0 && earlier.size() < MAX_EARLIER_STEPS; j--) {
            AnswerUnit before = units.get(j);
            int n = stepNumber(before);
            if (before.passage() != u.passage() || !before.heading().equals(u.heading()) || n < 1 || n >= number) {
                break;
            }
            earlier.addFirst(before);
            number = n;
            if (n == 1) {
                break;
            }
        }
        return earlier;
    }

    /**
     * The first unit of each of the sections right under a unit's heading that follow it in its passage, at most
     * {@value #MAX_SECTIONS_INTRODUCED}: what a line ending with a colon announces when its page goes on in subheadings;
     * empty when the next unit is no such section.
     */
    private static List<AnswerUnit> sectionStarts(AnswerUnit u, List<AnswerUnit> units, int i) {
        String under = u.heading() + " > ";
        List<AnswerUnit> starts = new ArrayList<>();
        String section = null;
        for (int j = i + 1; j < units.size() && starts.size() < MAX_SECTIONS_INTRODUCED; j++) {
            AnswerUnit next = units.get(j);
            if (next.passage() != u.passage() || !next.heading().startsWith(under)) {
                break;
            }
            String child = next.heading().substring(under.length());
            int deeper = child.indexOf(" > ");
            String top = deeper < 0 ? child : child.substring(0, deeper);
            if (!top.equals(section)) {
                section = top;
                starts.add(next);
            }
        }
        return starts;
    }

    /**
     * Two list entries that belong together: both name the same number outside a table ("from 4 to 12 paddlers", then
     * "parties above 12 need a charter": a limit and what lies beyond it), or both are "Label: value" with a number
     * outside a table, sharing at least half their words.
     */
    private static boolean alike(AnswerUnit a, AnswerUnit b) {
        if (!a.text().contains("|") && !b.text().contains("|") && !Collections.disjoint(numbers(a), numbers(b))) {
            return true;
        }
        // A table row names its columns ("Per Dollar Spent | Gold Tier: 3 points"): rows are entries of their own.
        if (a.text().contains("|")
                || b.text().contains("|")
                || !a.text().contains(":")
                || !b.text().contains(":")
                || !Fact.COUNT.in(a.text())
                || !Fact.COUNT.in(b.text())) {
            return false;
        }
        Set<String> shared = new HashSet<>(a.terms());
        shared.retainAll(b.terms());
        return shared.size() * 2 >= Math.min(a.terms().size(), b.terms().size());
    }

    /** The numbers a unit names, without thousands separators ("4 to 12 paddlers": 4 and 12; "1,500": 1500). */
    private static Set<String> numbers(AnswerUnit u) {
        Set<String> out = new HashSet<>();
        Matcher m = NUMBER.matcher(u.text());
        while (m.find()) {
            out.add(m.group().replace(",", ""));
        }
        return out;
    }

    /** The units of a list, comparison or superlative, with the verdict that leads the answer when prices decide it. */
    private record Items(List<AnswerUnit> units, Optional<String> lead) {}

    /**
     * The share in [0, 1] of a part's focus words some of the units hold, each word by its weight (a related word
     * counts half); 0 for a part without focus words.
     *
     * @param inContext what a word only in the units' titles and headings counts for: half for lines, whole for items
     *     (an item is named by its title)
     * @param asking terms that say what is asked, not what about ("serve"), left out of both shares
     */
    private static double covered(Part part, List<AnswerUnit> units, double inContext, Set<String> asking) {
        Set<String> terms = new HashSet<>();
        Set<String> context = new HashSet<>();
        units.forEach(u -> {
            terms.addAll(u.terms());
            context.addAll(u.context());
        });
        double total = 0;
        double covered = 0;
        for (Group g : part.groups()) {
            if (g.focus() && Collections.disjoint(g.terms(), asking)) {
                total += g.weight();
                covered += Math.max(g.match(terms), inContext * g.match(context)) * g.weight();
            }
        }
        return total <= 0 ? 0 : covered / total;
    }

    private Optional<Items> items(Part part, List<AnswerUnit> units) {
        Map<String, List<AnswerUnit>> byDocument = new LinkedHashMap<>();
        units.forEach(u ->
                byDocument.computeIfAbsent(u.path(), p -> new ArrayList<>()).add(u));
        List<Group> named = part.groups();
        // "Do you have a bourbon?": the products whose titles name it, not every page whose line mentions one.
        Optional<String> availabilityVerb = part.shape().availabilityVerb();
        boolean availability = availabilityVerb.isPresent();
        Set<String> verb = availabilityVerb.map(analyzer::terms).orElse(Set.of());
        // A document takes part when its title names something the question names.
        record Candidate(String path, double titleScore, boolean named, int rank, AnswerUnit unit) {}
        List<Candidate> candidates = new ArrayList<>();
        int rank = 0;
        for (var e : byDocument.entrySet()) {
            Set<String> titleTerms = analyzer.terms(e.getValue().getFirst().title());
            double titleScore = named.stream()
                    .filter(g -> g.in(titleTerms))
                    .mapToDouble(Group::weight)
                    .sum();
            boolean listed = part.shape().list()
                    && !availability
                    && e.getValue().stream()
                            .anyMatch(u -> named.stream()
                                    .filter(g -> g.weight() >= 1.0)
                                    .allMatch(g -> g.in(u.terms()) || g.in(u.context())));
            // Whether they sell "wine glasses": a title naming each of the item's words ("Stemless Wine Glass"), not
            // only one of them ("Cider Glass", "Wine Opener").
            boolean namesItem = !availability
                    || part.groups().stream()
                            .filter(g -> g.focus() && g.weight() > 0 && Collections.disjoint(g.terms(), verb))
                            .allMatch(g -> g.in(titleTerms));
            if ((titleScore > 0 && namesItem) || listed) {
                candidates.add(new Candidate(
                        e.getKey(),
                        titleScore,
                        titleNamedWhole(titleTerms, named),
                        rank,
                        representative(part, e.getValue())));
            }
            rank++;
        }
        // "What cocktails do you have?": when two or more pages are named for the thing, they are the items, not a
        // wedding page's line about the cocktail hour.
        if (candidates.stream().filter(c -> c.titleScore() > 0).count() >= 2) {
            candidates.removeIf(c -> c.titleScore() <= 0);
        }
        // "Do you sell wine glasses?": one product whose title names the item is the answer, as several are a list.
        if (availability && candidates.size() == 1) {
            return Optional.of(new Items(List.of(candidates.getFirst().unit()), Optional.empty()));
        }
        // "What grapes do you grow?": pages that only mention grapes are no items when none is named for them; the
        // lines answering it may be one paragraph ("Our Grape Varieties").
        if (candidates.size() < 2 || candidates.stream().allMatch(c -> c.titleScore() <= 0)) {
            return part.shape().list() && !availability ? sections(part, units) : Optional.empty();
        }
        // "Any chocolate under $10?": of two or more priced items, those within the bound, by price; none within names
        // the nearest.
        Optional<PriceBound> bound = part.shape().priceBound();
        List<Candidate> priced = candidates.stream()
                .filter(c -> price(c.unit().text()).isPresent())
                .toList();
        if (bound.isPresent() && priced.size() >= 2) {
            PriceBound b = bound.get();
            Comparator<Candidate> nearer = Comparator.comparingDouble(
                    c -> (b.below() ? 1 : -1) * price(c.unit().text()).orElseThrow());
            List<Candidate> within = priced.stream()
                    .filter(c -> b.admits(price(c.unit().text()).orElseThrow()))
                    .sorted(nearer)
                    .toList();
            if (within.isEmpty()) {
                Candidate nearest = priced.stream().min(nearer).orElseThrow();
                return Optional.of(new Items(
                        List.of(nearest.unit()),
                        Optional.of("None is " + b.said() + "; the " + (b.below() ? "least" : "most")
                                + " expensive is the " + nearest.unit().title().strip() + ", at "
                                + priceText(nearest.unit().text()) + ".")));
            }
            if (within.size() == 1) {
                return Optional.of(new Items(List.of(within.getFirst().unit()), Optional.empty()));
            }
            candidates = new ArrayList<>(within);
        }
        List<Candidate> kept;
        // "The Milea tasting or the Devotion tasting?": the pages the question names by every word of their titles are
        // what it compares, however common a word of one title is ("Milea" is on every page).
        List<Candidate> wholeNamed =
                candidates.stream().filter(Candidate::named).limit(4).toList();
        if (part.shape().comparison() && wholeNamed.size() >= 2) {
            kept = wholeNamed;
        } else if (part.shape().comparison()) {
            double top =
                    candidates.stream().mapToDouble(Candidate::titleScore).max().orElse(0);
            kept = candidates.stream()
                    .filter(c -> c.titleScore() >= 0.5 * top)
                    .limit(4)
                    .toList();
        } else {
            kept = candidates.stream().limit(MAX_ITEMS).toList();
        }
        if (kept.size() < 2) {
            return Optional.empty();
        }
        Optional<String> lead = Optional.empty();
        boolean byPrice = part.shape().facts().contains(Fact.PRICE);
        if (byPrice
                && (part.shape().comparison()
                        || part.shape().most()
                        || part.shape().least())) {
            boolean cheapest =
                    part.shape().least() || CHEAPER.matcher(part.shape().text()).find();
            lead = kept.stream()
                    .filter(c -> price(c.unit().text()).isPresent())
                    .min(Comparator.comparingDouble((Candidate c) ->
                            (cheapest ? 1 : -1) * price(c.unit().text()).orElseThrow()))
                    .map(c -> "The " + c.unit().title().strip() + " is the "
                            + (cheapest ? "least expensive" : "most expensive") + " of these, at "
                            + priceText(c.unit().text()) + ".");
            if (part.shape().most() || part.shape().least()) {
                kept = kept.stream()
                        .sorted(Comparator.comparingDouble((Candidate c) ->
                                (cheapest ? 1 : -1) * price(c.unit().text()).orElse(cheapest ? 1e9 : -1e9)))
                        .toList();
            }
        }
        return Optional.of(new Items(kept.stream().map(Candidate::unit).toList(), lead));
    }

    /**
     * Whether a part standing alone names nothing but numbers and asks for no kind of fact ("what's 2+2?"): a line holding
     * the number ("Coasters [Set of 2]") is not about it.
     */
    private static boolean onlyNumbers(Part part) {
        return part.shape().facts().isEmpty()
                && part.shape().priceBound().isEmpty()
                && part.groups().stream()
                        .allMatch(g -> g.focus()
                                && !g.terms().isEmpty()
                                && g.terms().stream().allMatch(ExtractiveAnswerGenerator::number));
    }

    /** Whether a term is a number: digits only ("2", "2022"). */
    private static boolean number(String term) {
        return term.chars().allMatch(Character::isDigit);
    }

    /** Whether the question names every word of a title (its numbers, such as a vintage, aside). */
    private static boolean titleNamedWhole(Set<String> titleTerms, List<Group> named) {
        List<String> words = titleTerms.stream().filter(t -> !number(t)).toList();
        return !words.isEmpty()
                && words.stream()
                        .allMatch(t -> named.stream().anyMatch(g -> g.terms().contains(t)));
    }

    /**
     * A list answered by the sections of one page: a heading that names a word of the question ("Upcoming Events" for
     * "what events are coming up?") with at least two sections under it among the passages gives one unit of each: the
     * first with a kind of fact asked for, else the section's first (what it opens with introduces it). Of several such
     * headings, the one naming the heaviest words; passage order breaks ties.
     */
    private Optional<Items> sections(Part part, List<AnswerUnit> units) {
        Map<String, Map<String, List<AnswerUnit>>> byParent = new LinkedHashMap<>();
        for (AnswerUnit u : units) {
            int cut = u.heading().lastIndexOf(" > ");
            if (cut > 0) {
                byParent.computeIfAbsent(u.path() + "\n" + u.heading().substring(0, cut), k -> new LinkedHashMap<>())
                        .computeIfAbsent(u.heading().substring(cut + 3), k -> new ArrayList<>())
                        .add(u);
            }
        }
        Optional<Items> best = Optional.empty();
        double bestWeight = 0;
        for (var e : byParent.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            String parent = e.getKey().substring(e.getKey().indexOf('\n') + 1);
            int at = parent.lastIndexOf(" > ");
            String listed = (at < 0 ? parent : parent.substring(at + 3)).strip();
            Set<String> named = analyzer.terms(listed);
            double weight = part.groups().stream()
                    .filter(g -> g.focus() && g.in(named))
                    .mapToDouble(Group::weight)
                    .sum();
            if (weight > bestWeight) {
                bestWeight = weight;
                // The answer shows the listed heading as its lead and each section's heading on its line.
                best = Optional.of(new Items(
                        e.getValue().entrySet().stream()
                                .limit(MAX_ITEMS)
                                .map(section ->
                                        withWords(lead(part, section.getValue()), listed + " " + section.getKey()))
                                .toList(),
                        Optional.of(listed + ":")));
            }
        }
        return best;
    }

    /**
     * For "the closest ..." ("the farthest ..."): of the units about the question that give a distance or travel time,
     * the one with the smallest (largest).
     */
    private static Optional<AnswerUnit> byDistance(Part part, List<AnswerUnit> units) {
        Comparator<AnswerUnit> byNumber = Comparator.comparingDouble(ExtractiveAnswerGenerator::distance);
        return units.stream()
                .filter(u ->
                        relevance(part, u) >= 0.25 && DISTANCE.matcher(u.text()).find())
                .min(part.shape().least() ? byNumber : byNumber.reversed());
    }

    private static double distance(AnswerUnit u) {
        Matcher m = DISTANCE.matcher(u.text());
        return m.find() ? Double.parseDouble(m.group(1)) : Double.MAX_VALUE;
    }

    /** A document's unit for a list: the one with the asked kind of fact, else the one covering the part best. */
    private static AnswerUnit representative(Part part, List<AnswerUnit> units) {
        for (Fact asked : part.shape().facts()) {
            for (AnswerUnit u : units) {
                if (asked.in(u.text())) {
                    return u;
                }
            }
        }
        if (part.shape().list()) {
            for (AnswerUnit u : units) {
                if (Fact.PRICE.in(u.text())) {
                    return u;
                }
            }
        }
        return units.stream()
                .max(Comparator.comparingDouble(u -> part.groups().stream()
                        .filter(g -> g.in(u.terms()))
                        .mapToDouble(Group::weight)
                        .sum()))
                .orElseThrow();
    }

    /** The unit with the words of a text it is shown with added to its own. */
    private AnswerUnit withWords(AnswerUnit u, String shownWith) {
        return u.withTerms(analyzer.terms(shownWith));
    }

    /** A section's unit for a list: the first holding a kind of fact asked for, else its first. */
    private static AnswerUnit lead(Part part, List<AnswerUnit> section) {
        for (Fact asked : part.shape().facts()) {
            for (AnswerUnit u : section) {
                if (asked.in(u.text())) {
                    return u;
                }
            }
        }
        return section.getFirst();
    }

    private static Optional<Double> price(String text) {
        Matcher m = PRICE.matcher(text);
        return m.find() ? Optional.of(Double.parseDouble(m.group().replaceAll("[$,\\s]", ""))) : Optional.empty();
    }

    private static String priceText(String text) {
        Matcher m = PRICE.matcher(text);
        return m.find() ? m.group().replace(" ", "") : "";
    }

    /** What the confidence is made of, each in [0, 1]. */
    private record Features(
            double coverage, double cohesion, double cosine, double facts, double unknown, double missing) {

        double confidence(Weights w) {
            double cos = Math.clamp((cosine - 0.2) / 0.45, 0, 1);
            return Math.clamp(
                    w.coverage() * coverage
                            + w.cohesion() * cohesion
                            + w.cosine() * cos
                            + w.facts() * facts
                            - w.unknown() * unknown
                            - w.missing() * missing,
                    0,
                    1);
        }
    }

    /** The terms of the verb asking what is offered ("serve" in "what cocktails do you serve?"), empty for none. */
    private Set<String> offeringVerb(Part part) {
        return part.shape().offeringVerb().map(analyzer::terms).orElse(Set.of());
    }

    private static Features features(List<Part> parts, List<AnswerUnit> chosen, List<RetrievedChunk> passages) {
        double focusTotal = 0;
        double covered = 0;
        double unknown = 0;
        double cohesion = 0;
        double missing = 0;
        int asked = 0;
        int found = 0;
        for (Part part : parts) {
            double total = part.focusWeight();
            if (total <= 0) {
                continue;
            }
            focusTotal += total;
            double best = 0;
            covered += covered(part, chosen, 0.5, Set.of()) * total;
            for (Group g : part.groups()) {
                if (g.focus() && !g.known()) {
                    unknown += g.weight();
                }
            }
            // The best single document: the units it gave, with its title and headings, covering the part.
            Map<String, Set<String>> docTerms = new LinkedHashMap<>();
            Map<String, Set<String>> docContext = new LinkedHashMap<>();
            for (AnswerUnit u : chosen) {
                docTerms.computeIfAbsent(u.path(), k -> new HashSet<>()).addAll(u.terms());
                docContext.computeIfAbsent(u.path(), k -> new HashSet<>()).addAll(u.context());
            }
            double heaviest = part.groups().stream()
                    .filter(Group::focus)
                    .mapToDouble(Group::weight)
                    .max()
                    .orElse(1);
            double bestMissing = 1;
            for (String path : docTerms.keySet()) {
                double one = 0;
                double missingHere = 0;
                for (Group g : part.groups()) {
                    if (g.focus()) {
                        double inTerms = g.match(docTerms.get(path));
                        double inContext = g.match(docContext.get(path));
                        one += Math.max(inTerms, 0.5 * inContext) * g.weight();
                        if (inTerms == 0 && inContext == 0) {
                            missingHere = Math.max(missingHere, g.weight());
                        }
                    }
                }
                if (one / total > best) {
                    best = one / total;
                    bestMissing = missingHere / heaviest;
                }
            }
            cohesion += best * total;
            missing += bestMissing * total;
            for (Fact f : part.shape().facts()) {
                asked++;
                found += chosen.stream().anyMatch(u -> f.in(u.text())) ? 1 : 0;
            }
        }
        double cosine = passages.stream()
                .mapToDouble(RetrievedChunk::cosineSimilarity)
                .max()
                .orElse(0);
        return focusTotal <= 0
                ? new Features(0, 0, cosine, 0, 1, 1)
                : new Features(
                        covered / focusTotal,
                        cohesion / focusTotal,
                        cosine,
                        asked == 0 ? 1 : (double) found / asked,
                        unknown / focusTotal,
                        missing / focusTotal);
    }

    /** The chosen units grouped by document: a bold title and bullets, or one bullet per document for items. */
    private static String compose(List<AnswerUnit> chosen, boolean items) {
        Map<String, List<AnswerUnit>> byDocument = new LinkedHashMap<>();
        // Two copies of a page (an import of the same text under two paths) would say the same line twice.
        Set<String> said = new HashSet<>();
        chosen.stream()
                .filter(u ->
                        said.add(u.title().strip() + "\n" + u.line().strip().replaceAll("\\s+", " ")))
                .forEach(u -> byDocument
                        .computeIfAbsent(u.title(), t -> new ArrayList<>())
                        .add(u));
        StringBuilder sb = new StringBuilder();
        // Items of one document (its sections) read as that document's lines under its title.
        if (items && byDocument.size() > 1) {
            for (var e : byDocument.entrySet()) {
                for (AnswerUnit u : e.getValue()) {
                    sb.append(sb.isEmpty() ? "" : "\n")
                            .append("- **")
                            .append(e.getKey().strip())
                            .append("**: ")
                            .append(u.line());
                }
            }
            return sb.toString();
        }
        for (var e : byDocument.entrySet()) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append("**").append(e.getKey().strip()).append("**");
            // A heading is named once for the units that follow each other under it.
            String heading = null;
            for (AnswerUnit u : inStepOrder(e.getValue())) {
                sb.append("\n- ").append(u.heading().equals(heading) ? u.text() : u.line());
                heading = u.heading();
            }
        }
        return sb.toString();
    }

    /**
     * One document's units with those under the same heading together (in the order the headings came) and numbered
     * steps in their numbered order: a step found by the words it shares with the question comes before the steps
     * that complete it, but is not read first. Units without a number keep their place before the steps.
     */
    static List<AnswerUnit> inStepOrder(List<AnswerUnit> units) {
        Map<String, List<AnswerUnit>> byHeading = new LinkedHashMap<>();
        units.forEach(u ->
                byHeading.computeIfAbsent(u.heading(), h -> new ArrayList<>()).add(u));
        List<AnswerUnit> out = new ArrayList<>();
        for (List<AnswerUnit> group : byHeading.values()) {
            List<AnswerUnit> sorted = new ArrayList<>(group);
            sorted.sort(Comparator.comparingInt(ExtractiveAnswerGenerator::stepNumber));
            out.addAll(sorted);
        }
        return out;
    }

    /** The number of a numbered step, {@code -1} for a unit that is not one. */
    private static int stepNumber(AnswerUnit u) {
        Matcher m = STEP.matcher(u.text());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The last heading of a path that says something; see {@link AnswerUnit#informativeHeading}. */
    static String informativeHeading(String headingPath) {
        return AnswerUnit.informativeHeading(headingPath);
    }

    /** The org's own contact line as the answer, for a question asking how to get in touch. */
    private static GeneratedAnswer ownContact(AnswerRequest request, TokenSink sink) {
        AnswerGenerator.stream(request.contactLine(), sink);
        return new GeneratedAnswer(request.contactLine(), true, List.of(), 1, "extractive");
    }

    private GeneratedAnswer decline(AnswerRequest request, TokenSink sink, double confidence) {
        String text = Declines.text(Phrases.Key.DONT_KNOW, request.language(), request.contactLine());
        AnswerGenerator.stream(text, sink);
        return new GeneratedAnswer(text, false, List.of(), confidence, "extractive");
    }
}

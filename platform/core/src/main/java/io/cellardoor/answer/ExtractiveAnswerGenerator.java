package io.cellardoor.answer;

import io.cellardoor.language.Phrases;
import io.cellardoor.retrieval.RetrievedChunk;
import io.cellardoor.text.CorpusStatistics;
import io.cellardoor.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The embedded answer generator: no model, no network.
 *
 * <p>Splits the top passages into units (bullets, table rows, sentences), scores each by the rarity-weighted
 * share of the question's terms it contains (with its heading and the document title as context), by whether
 * it holds the kind of fact asked for (a price, a time, a number) and by its passage's rank, then picks units
 * greedily so that together they cover the question. Confidence blends term coverage with the best passage's
 * cosine similarity; below the threshold it declines and gives the site's contact line.
 */
public final class ExtractiveAnswerGenerator implements AnswerGenerator {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExtractiveAnswerGenerator.class);

    private static final int PASSAGES = 8;
    private static final int MAX_UNITS = 3;
    private static final Pattern PRICE_Q =
            Pattern.compile("\\b(how much|price|prices|cost|costs|fee|fees|expensive|pay|charge)\\b|\\$");
    private static final Pattern TIME_Q =
            Pattern.compile("\\b(hours?|open|opens|close|closes|closing|latest|earliest|what time|when)\\b");
    private static final Pattern COUNT_Q =
            Pattern.compile("\\b(how many|how much|number of|acres?|bottles?|points|miles)\\b");
    private static final Pattern PRICE = Pattern.compile("\\$\\s?\\d");
    private static final Pattern HOW_MANY = Pattern.compile("\\bhow many (\\p{L}+)");
    private static final Pattern TIME = Pattern.compile(
            "\\b\\d{1,2}(:\\d\\d)?\\s?(am|pm|a\\.m\\.|p\\.m\\.)|\\bclosed\\b|\\bnoon\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\d");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"'(])");
    private static final Pattern NOISE = Pattern.compile(
            "(?i)^(- )?(type|status|created|updated)\\s*:|no (additional )?(description|details) available|^scraped from|page not found|^go to slide|^(read|learn) more$|^click here|^skip to");
    /** Headings that say nothing about their section; the one above them is shown instead. */
    private static final Set<String> GENERIC_HEADINGS = Set.of(
            "details",
            "description",
            "overview",
            "information",
            "product information",
            "notes",
            "summary",
            "quick overview",
            "source",
            "more information");
    /** A short all-capitals label such as "WINE NOTES": a heading in disguise, not an answer. */
    private static final Pattern LABEL = Pattern.compile("^(\\p{Lu}[\\p{L}'&]*\\s*){1,3}:?$");

    private static final Pattern DESCRIBE_Q = Pattern.compile(
            "\\bwhat(s| is| are|'s)? (on|in)\\b|\\bingredients?\\b|\\b(comes?|served|made|topped) with\\b|\\bdescribe\\b|\\btell me about\\b");
    private static final Pattern DATE_Q = Pattern.compile("\\b(when|what day|which day|date|dates)\\b");
    private static final Pattern DATE = Pattern.compile(
            "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}\\b|\\b\\d{1,2}/\\d{1,2}\\b");

    private final TermAnalyzer analyzer;
    private final LongFunction<CorpusStatistics.Stats> corpus;
    private final double threshold;

    /**
     * @param corpus term statistics of an org's chunks, by org id
     * @param threshold confidence in [0, 1] below which the generator declines
     */
    public ExtractiveAnswerGenerator(
            TermAnalyzer analyzer, LongFunction<CorpusStatistics.Stats> corpus, double threshold) {
        this.analyzer = analyzer;
        this.corpus = corpus;
        this.threshold = threshold;
    }

    private record Unit(
            int passage,
            String path,
            String title,
            String heading,
            String text,
            Set<String> terms,
            Set<String> context) {}

    private static boolean intersects(Set<String> terms, Set<String> group) {
        for (String t : group) {
            if (terms.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the unit covers a question word that the chosen units do not (a bonus alone does not count). */
    private static boolean addsTerms(Unit unit, Set<String> covered, Set<Set<String>> groups) {
        return groups.stream().anyMatch(g -> !intersects(covered, g) && intersects(unit.terms, g));
    }

    @Override
    public GeneratedAnswer generate(AnswerRequest request, TokenSink sink) {
        CorpusStatistics.Stats stats = corpus.apply(request.orgId());
        String question = TermAnalyzer.fold(request.question());
        // One weight per content word of the question: the rarest known alternative of its group, or the
        // weight of an unseen word when the knowledge has none of them.
        Map<Set<String>, Double> weights = new LinkedHashMap<>();
        for (Set<String> group : analyzer.termGroups(request.question())) {
            double known = group.stream()
                    .filter(stats::known)
                    .mapToDouble(stats::idf)
                    .max()
                    .orElse(-1);
            weights.put(group, known >= 0 ? known : stats.idf(group.iterator().next()));
        }
        double total =
                weights.values().stream().mapToDouble(Double::doubleValue).sum();
        List<RetrievedChunk> passages =
                request.passages().stream().limit(PASSAGES).toList();
        if (total <= 0 || passages.isEmpty()) {
            return decline(request, sink, 0);
        }
        boolean wantsPrice = PRICE_Q.matcher(question).find();
        boolean wantsTime = TIME_Q.matcher(question).find();
        boolean wantsCount = COUNT_Q.matcher(question).find();
        boolean wantsDate = DATE_Q.matcher(question).find();
        boolean wantsDescription = DESCRIBE_Q.matcher(question).find();
        // "how many bottles": a unit holding a number next to the counted thing answers it.
        var countNoun = HOW_MANY.matcher(question);
        Set<String> counted = countNoun.find() ? analyzer.terms(countNoun.group(1)) : Set.of();
        int countFacts = 0;

        List<Unit> units = units(passages);
        List<Unit> chosen = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        Set<String> coveredWithContext = new HashSet<>();
        boolean priceShown = false;
        boolean timeShown = false;
        double best = 0;
        while (chosen.size() < MAX_UNITS) {
            Unit pick = null;
            double pickScore = 0;
            for (Unit u : units) {
                if (chosen.contains(u)) {
                    continue;
                }
                double gain = 0;
                double context = 0;
                for (var e : weights.entrySet()) {
                    if (!intersects(covered, e.getKey()) && intersects(u.terms, e.getKey())) {
                        gain += e.getValue();
                    } else if (!intersects(u.terms, e.getKey())
                            && !intersects(coveredWithContext, e.getKey())
                            && intersects(u.context, e.getKey())) {
                        context += e.getValue();
                    }
                }
                double score = (gain + 0.5 * context) / total;
                if (wantsPrice && !priceShown && PRICE.matcher(u.text).find()) {
                    score += 0.35;
                }
                if (wantsTime && !timeShown && TIME.matcher(u.text).find()) {
                    score += 0.25;
                }
                if (wantsDescription && u.passage == 0 && !PRICE.matcher(u.text).find()) {
                    score += 0.3;
                }
                if (wantsDate && DATE.matcher(u.text + " " + u.heading).find()) {
                    score += 0.15;
                }
                if (!chosen.isEmpty() && chosen.stream().anyMatch(c -> c.path.equals(u.path))) {
                    score += 0.1;
                }
                boolean countFact = !counted.isEmpty() && NUMBER.matcher(u.text).find() && intersects(u.terms, counted);
                if (countFact && countFacts < 2) {
                    score += 0.3;
                }
                if (wantsCount && NUMBER.matcher(u.text).find()) {
                    score += 0.1;
                }
                score += 0.12 / (1 + u.passage);
                if (score > pickScore) {
                    pickScore = score;
                    pick = u;
                }
            }
            if (pick == null
                    || pickScore < (chosen.isEmpty() ? 0.15 : Math.max(0.2, best * 0.45))
                    || (!chosen.isEmpty()
                            && !addsTerms(pick, covered, weights.keySet())
                            && !(wantsPrice
                                    && !priceShown
                                    && PRICE.matcher(pick.text).find())
                            && !(wantsTime
                                    && !timeShown
                                    && TIME.matcher(pick.text).find())
                            && !(countFacts < 2
                                    && !counted.isEmpty()
                                    && NUMBER.matcher(pick.text).find()
                                    && intersects(pick.terms, counted)))) {
                break;
            }
            best = Math.max(best, pickScore);
            chosen.add(pick);
            covered.addAll(pick.terms);
            coveredWithContext.addAll(pick.terms);
            coveredWithContext.addAll(pick.context);
            priceShown |= PRICE.matcher(pick.text).find();
            if (!counted.isEmpty() && NUMBER.matcher(pick.text).find() && intersects(pick.terms, counted)) {
                countFacts++;
            }
            timeShown |= TIME.matcher(pick.text).find();
        }
        double coverage = weights.entrySet().stream()
                        .filter(e -> intersects(coveredWithContext, e.getKey()))
                        .mapToDouble(Map.Entry::getValue)
                        .sum()
                / total;
        double cosine = passages.stream()
                .mapToDouble(RetrievedChunk::cosineSimilarity)
                .max()
                .orElse(0);
        double confidence = Math.clamp(0.6 * coverage + 0.4 * Math.clamp((cosine - 0.2) / 0.45, 0, 1), 0, 1);
        if (log.isDebugEnabled()) {
            log.debug(
                    "q='{}' coverage={} cosine={} confidence={} unknown={} units={}",
                    request.question(),
                    "%.3f".formatted(coverage),
                    "%.3f".formatted(cosine),
                    "%.3f".formatted(confidence),
                    weights.keySet().stream()
                            .filter(g -> g.stream().noneMatch(stats::known))
                            .toList(),
                    chosen.stream().map(u -> u.path + ": " + u.text).toList());
        }
        if (chosen.isEmpty() || confidence < threshold) {
            return decline(request, sink, confidence);
        }
        String note = Phrases.of(Phrases.Key.QUOTING_ENGLISH, request.language());
        String text = (note.isEmpty() ? "" : note + "\n\n") + compose(chosen);
        AnswerGenerator.stream(text, sink);
        List<String> sources = chosen.stream().map(Unit::path).distinct().collect(Collectors.toList());
        return new GeneratedAnswer(text, true, sources, confidence, "extractive");
    }

    private List<Unit> units(List<RetrievedChunk> passages) {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            RetrievedChunk p = passages.get(i);
            String heading = p.headingPath();
            for (String line : p.text().split("\n")) {
                String l = line.strip();
                if (l.startsWith("## ")) {
                    heading = l.substring(3);
                    continue;
                }
                if (l.isEmpty() || NOISE.matcher(l).find() || LABEL.matcher(l).matches()) {
                    continue;
                }
                List<String> pieces =
                        l.startsWith("- ") || l.length() < 220 ? List.of(l) : List.of(SENTENCE_END.split(l));
                for (String piece : pieces) {
                    String clean = piece.replace("**", "").strip();
                    if (clean.length() > 2) {
                        units.add(new Unit(
                                i,
                                p.path(),
                                p.title(),
                                heading,
                                clean,
                                analyzer.terms(clean),
                                analyzer.terms(p.title() + " " + heading)));
                    }
                }
            }
        }
        return units;
    }

    private static String compose(List<Unit> chosen) {
        Map<String, List<Unit>> byDocument = new LinkedHashMap<>();
        chosen.forEach(
                u -> byDocument.computeIfAbsent(u.title, t -> new ArrayList<>()).add(u));
        StringBuilder sb = new StringBuilder();
        for (var e : byDocument.entrySet()) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append("**").append(e.getKey()).append("**");
            for (Unit u : e.getValue()) {
                String text = u.text.startsWith("- ") ? u.text.substring(2) : u.text;
                String heading = informativeHeading(u.heading);
                boolean headingHelps = !heading.isEmpty()
                        && !heading.equalsIgnoreCase(u.title)
                        && !text.toLowerCase().contains(heading.toLowerCase());
                sb.append("\n- ").append(headingHelps ? heading + ": " : "").append(text);
            }
        }
        return sb.toString();
    }

    /** The last heading of a path that says something ("Private Tour & Tasting > Details:" -> "Private Tour & Tasting"). */
    static String informativeHeading(String headingPath) {
        String[] parts = headingPath.split(" > ");
        for (int i = parts.length - 1; i >= 0; i--) {
            String h = parts[i].strip().replaceAll("[:\\s]+$", "");
            if (!h.isEmpty() && !GENERIC_HEADINGS.contains(h.toLowerCase(java.util.Locale.ROOT))) {
                return h;
            }
        }
        return "";
    }

    private GeneratedAnswer decline(AnswerRequest request, TokenSink sink, double confidence) {
        String text = Declines.text(Phrases.Key.DONT_KNOW, request.language(), request.contactLine());
        AnswerGenerator.stream(text, sink);
        return new GeneratedAnswer(text, false, List.of(), confidence, "extractive");
    }
}

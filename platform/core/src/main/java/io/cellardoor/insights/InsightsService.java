package io.cellardoor.insights;

import io.cellardoor.embedding.Embeddings;
import io.cellardoor.plugin.PluginDomains;
import io.cellardoor.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Computes {@link Insights} for the org's last N UTC days (today included).
 *
 * <p>Knowledge gaps: the period's declined and low-confidence questions (generated answers with confidence below
 * {@code cellardoor.insights.low-confidence}, default {@value #DEFAULT_LOW_CONFIDENCE}), at most {@value #MAX_GAP_QUESTIONS}
 * newest, are grouped by meaning: identical questions (ignoring case and punctuation) first, then the distinct ones,
 * most asked first, are embedded with the app's {@link Embeddings} and clustered greedily ({@link GapClustering}): a
 * question joins the first group whose leading question has cosine similarity of at least
 * {@code cellardoor.insights.gap-similarity} (default {@value #DEFAULT_GAP_SIMILARITY}). Measured with
 * all-MiniLM-L6-v2: rewordings of one need score 0.57-0.9 ("can I bring my dog" / "are dogs allowed at the winery" 0.57,
 * "is there parking" / "where can I park my car" 0.67), different needs 0.1-0.48 ("is there parking" / "is the tasting
 * room wheelchair accessible" 0.35, "do you sell gift cards" / "do you sell hats" 0.48), so 0.55 keeps the first
 * together and the second apart; a group is a suggestion an editor reads, so an occasional wrong merge is cheap.
 */
@Service
public class InsightsService {

    /** Default of {@code cellardoor.insights.gap-similarity}. */
    public static final double DEFAULT_GAP_SIMILARITY = 0.55;
    /** Default of {@code cellardoor.insights.low-confidence}. */
    public static final double DEFAULT_LOW_CONFIDENCE = 0.55;
    /** Longest period, in days. */
    public static final int MAX_DAYS = 366;

    static final int MAX_GAP_QUESTIONS = 500;
    static final int MAX_GAPS = 20;
    static final int EXAMPLES = 5;
    private static final int TOP_DOMAINS = 10;

    private final InsightsStore store;
    private final Embeddings embeddings;
    private final PluginDomains plugins;
    private final Clock clock;
    private final double gapSimilarity;
    private final double lowConfidence;

    InsightsService(
            InsightsStore store,
            Embeddings embeddings,
            PluginDomains plugins,
            @Value("${cellardoor.insights.gap-similarity:" + DEFAULT_GAP_SIMILARITY + "}") double gapSimilarity,
            @Value("${cellardoor.insights.low-confidence:" + DEFAULT_LOW_CONFIDENCE + "}") double lowConfidence) {
        this.store = store;
        this.embeddings = embeddings;
        this.plugins = plugins;
        this.clock = Clock.systemUTC();
        this.gapSimilarity = gapSimilarity;
        this.lowConfidence = lowConfidence;
    }

    /**
     * The org's insights over the last {@code days} UTC days.
     *
     * @param days 1..366
     * @throws ApiProblem 400 {@code invalid-days} outside 1..366
     */
    public Insights insights(long orgId, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw ApiProblem.invalid(
                    "invalid-days", "Invalid period", "days must be a whole number in 1.." + MAX_DAYS + ".");
        }
        Instant to = clock.instant();
        LocalDate today = LocalDate.ofInstant(to, ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        InsightsStore.Totals t = store.totals(orgId, from, to);
        return new Insights(
                days,
                from,
                to,
                t.questions(),
                t.answered(),
                t.questions() == 0 ? null : (double) t.answered() / t.questions(),
                t.up(),
                t.down(),
                t.up() + t.down() == 0 ? null : (double) t.up() / (t.up() + t.down()),
                t.latencyP95(),
                store.perDay(orgId, first, today, to),
                store.topDomains(orgId, from, to, TOP_DOMAINS),
                gaps(store.gapQuestions(orgId, from, to, lowConfidence, MAX_GAP_QUESTIONS), days));
    }

    private List<KnowledgeGap> gaps(List<InsightsStore.GapQuestion> asked, int days) {
        if (asked.isEmpty()) {
            return List.of();
        }
        // Identical questions (as embedded) count together; the distinct ones are clustered, most asked first.
        Map<String, List<InsightsStore.GapQuestion>> byText = asked.stream()
                .filter(q -> !Embeddings.questionText(q.question()).isEmpty())
                .collect(Collectors.groupingBy(
                        q -> Embeddings.questionText(q.question()), LinkedHashMap::new, Collectors.toList()));
        List<String> distinct = byText.keySet().stream()
                .sorted(Comparator.comparingInt((String k) -> byText.get(k).size())
                        .reversed())
                .toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        List<List<Integer>> groups = GapClustering.group(embeddings.embedAll(distinct), gapSimilarity);
        List<KnowledgeGap> gaps = new ArrayList<>();
        for (List<Integer> group : groups) {
            List<List<InsightsStore.GapQuestion>> members =
                    group.stream().map(i -> byText.get(distinct.get(i))).toList();
            int size = members.stream().mapToInt(List::size).sum();
            List<String> examples = members.stream()
                    .limit(EXAMPLES)
                    .map(m -> m.get(0).question().strip())
                    .toList();
            String domain = members.stream()
                    .flatMap(List::stream)
                    .collect(Collectors.groupingBy(
                            InsightsStore.GapQuestion::domain, LinkedHashMap::new, Collectors.counting()))
                    .entrySet()
                    .stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse("general");
            String path = folderOf(domain) + "/" + slug(examples.get(0)) + ".md";
            gaps.add(new KnowledgeGap(size, examples, domain, path, draft(examples.get(0), members, days)));
        }
        gaps.sort(Comparator.comparingInt(KnowledgeGap::questions).reversed()); // stable: first-formed first among ties
        return List.copyOf(gaps.subList(0, Math.min(MAX_GAPS, gaps.size())));
    }

    /**
     * A gap of one question (a handoff left in the inbox): path {@code general/<slug>.md} and a draft listing it.
     *
     * @param question the visitor's question, not blank
     */
    public static KnowledgeGap gapOf(String question) {
        String q = io.cellardoor.privacy.PersonalDataMasker.mask(question.strip());
        return new KnowledgeGap(
                1,
                List.of(q),
                "general",
                "general/" + slug(q) + ".md",
                draft(
                        q,
                        List.of(List.of(new InsightsStore.GapQuestion(q, "general"))),
                        "a visitor left this question for the team"));
    }

    private String folderOf(String domain) {
        List<String> folders = plugins.foldersOf(domain);
        return folders.isEmpty() ? "general" : folders.get(0);
    }

    /** A lower-case, hyphenated file name of at most 60 characters from a question. */
    static String slug(String question) {
        String slug = java.text.Normalizer.normalize(question, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-[^-]*$", "");
        }
        return slug.isEmpty() ? "new-answer" : slug;
    }

    /** The new document's markdown: a title, and the questions in a comment that the import does not index. */
    static String draft(String title, List<List<InsightsStore.GapQuestion>> members, int days) {
        return draft(
                title,
                members,
                "visitors asked this %d times in the last %d days without a good answer"
                        .formatted(members.stream().mapToInt(List::size).sum(), days));
    }

    private static String draft(String title, List<List<InsightsStore.GapQuestion>> members, String why) {
        StringBuilder md = new StringBuilder("# ")
                .append(title.replaceAll("[\\r\\n]+", " ").strip())
                .append("\n\n<!--\n");
        md.append("Knowledge gap: ").append(why).append(":\n");
        Function<String, String> safe =
                q -> q.replace("--", "-").replaceAll("[\\r\\n]+", " ").strip();
        for (List<InsightsStore.GapQuestion> m : members.subList(0, Math.min(members.size(), 20))) {
            md.append("- ")
                    .append(safe.apply(m.get(0).question()))
                    .append(m.size() > 1 ? " (x" + m.size() + ")" : "")
                    .append('\n');
        }
        md.append("Write the answer below, then save: the chat uses it at once.\n-->\n\n");
        return md.toString();
    }
}

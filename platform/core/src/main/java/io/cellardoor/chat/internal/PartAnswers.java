package io.cellardoor.chat.internal;

import io.cellardoor.answer.QuestionParts;
import io.cellardoor.plugin.Classification;
import io.cellardoor.plugin.QueryRouter;
import io.cellardoor.plugin.api.DirectAnswer;
import io.cellardoor.plugin.api.HandlerResult;
import io.cellardoor.plugin.api.PluginContext;
import io.cellardoor.plugin.api.UserQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The direct answers to the parts of a question that asks several things ("what time do you open on Sunday and do I
 * need a reservation?"): each part ({@link QuestionParts}) is classified ({@link #classify}, beside the embedding) and
 * handled ({@link #answer}) alone, over the turn's passages, so that a handler's direct answer (Sunday's hours) answers
 * its part and leaves the others to the generator, instead of answering the whole question or none of it.
 */
@Component
public class PartAnswers {

    /**
     * One part of a question and the direct answer the handler of its domain gave it alone.
     *
     * @param text the part, as the visitor asked it
     * @param direct the direct answer, empty when the part's handler gave none (or one below the confidence asked)
     */
    public record Part(String text, Optional<DirectAnswer> direct) {}

    private final QueryRouter router;

    /** An amount of money in a direct answer ("$45.00"). */
    private static final Pattern AMOUNT = Pattern.compile("\\s?\\$\\s?\\d[\\d,]*(\\.\\d+)?");

    PartAnswers(QueryRouter router) {
        this.router = router;
    }

    /**
     * One part of a question as its plugins classified it alone.
     *
     * @param text the part, as the visitor asked it
     * @param query the part as a query in the question's language
     * @param classification the plugins' classification of the part alone
     */
    public record Asked(String text, UserQuery query, Classification classification) {}

    /**
     * The parts of a question, each classified alone: work that needs no passages, so it runs beside the question's
     * embedding. A part referring back ("what does it go with?") carries the part before it, as a follow-up carries the
     * turn before it (its focus is its own words).
     *
     * @param slug the org's slug (the tenant the plugins are enabled for)
     * @return the parts in order when the question has at least two; else empty (the question is answered as a whole)
     */
    public List<Asked> classify(long orgId, String slug, String question, String language) {
        List<String> texts = QuestionParts.of(question);
        if (texts.size() < 2) {
            return List.of();
        }
        List<UserQuery> queries = queries(texts, language);
        List<Classification> classifications = router.classifyAll(queries, orgId, slug);
        List<Asked> asked = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            asked.add(new Asked(texts.get(i), queries.get(i), classifications.get(i)));
        }
        return List.copyOf(asked);
    }

    /**
     * Each part as a query: its own words, and for a part referring back ("what does it go with?" after "how much is the
     * rosé") the part before it too, as a follow-up carries the turn before it; its focus is its own words.
     */
    static List<UserQuery> queries(List<String> texts, String language) {
        List<UserQuery> queries = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            boolean refers = i > 0 && FollowUpResolver.refersBack(text);
            queries.add(new UserQuery(refers ? text + " " + texts.get(i - 1) : text, language, text));
        }
        return List.copyOf(queries);
    }

    /**
     * The classified parts with the direct answers their domains' handlers give them alone.
     *
     * @param context the turn's plugin context (its passages)
     * @param minConfidence the least confidence of a direct answer that answers its part
     * @return every part in order when a handler answered one of them directly; else empty
     */
    public List<Part> answer(List<Asked> asked, long orgId, PluginContext context, double minConfidence) {
        List<Part> parts = new ArrayList<>();
        for (Asked a : asked) {
            Optional<DirectAnswer> direct = router.handle(a.classification(), a.query(), context, orgId)
                    .flatMap(HandlerResult::directAnswer)
                    .filter(d -> d.confidence() >= minConfidence);
            parts.add(new Part(a.text(), direct));
        }
        return parts.stream().anyMatch(p -> p.direct().isPresent()) ? List.copyOf(parts) : List.of();
    }

    /**
     * The question the generator answers after the direct answers: the parts none answered, each ending with a question
     * mark (so they split again as asked).
     */
    public static String unanswered(List<Part> parts) {
        return asked(parts, false);
    }

    /** The parts answered directly ({@code answered}) or not, each ending with a question mark, in order. */
    private static String asked(List<Part> parts, boolean answered) {
        return parts.stream()
                .filter(p -> p.direct().isPresent() == answered)
                .map(p -> p.text().endsWith("?") ? p.text() : p.text() + "?")
                .collect(Collectors.joining(" "));
    }

    /** A bold title line of an extractive answer ("**2022 Vincenza Reserve BDX Blend**"): no quoted text. */
    private static final Pattern TITLE_LINE = Pattern.compile("^\\*\\*[^*]+\\*\\*:?$");

    /**
     * Whether every line the generator's answer to the other parts quotes (a bullet without its mark; titles and blank
     * lines aside) is already in the direct answers said before it: "who's the Vincenza named after and what grapes go
     * into it?" quotes for the first part the sentences the grapes' direct answer gave.
     *
     * @param added the generator's answer, without the language note
     * @param said the direct answers' text
     */
    public static boolean onlyRepeats(String added, String said) {
        List<String> quoted = added.lines()
                .map(l -> l.strip().replaceFirst("^[-*]\\s+", ""))
                .filter(l -> !l.isEmpty() && !TITLE_LINE.matcher(l).matches())
                .toList();
        return !quoted.isEmpty() && quoted.stream().allMatch(said::contains);
    }

    /**
     * What the directly answered parts asked, as what the others carry, when one of those refers to something named
     * there ("how much is the Vincenza and what does it pair with?"), followed by the text of each such direct answer
     * drawn from one page when one of those refers to one thing ({@link QuestionParts#refersToOne}): it names the thing
     * as the page does ("The 2022 Reserve Cabernet Franc is $45.00." for the visitor's "the reserve cab franc"; its
     * amounts left out, which the other part did not ask), which is how the generator finds the page "it" is. Else
     * empty: a part that names its own subject ("do I need a reservation?") is answered alone, as a question standing
     * alone is.
     */
    public static String carried(List<Part> parts) {
        boolean refers =
                parts.stream().filter(p -> p.direct().isEmpty()).anyMatch(p -> FollowUpResolver.refersBack(p.text()));
        if (!refers) {
            return "";
        }
        // only for "it": a direct answer names a thing, not the place "there" is
        boolean one =
                parts.stream().filter(p -> p.direct().isEmpty()).anyMatch(p -> QuestionParts.refersToOne(p.text()));
        String named = !one
                ? ""
                : parts.stream()
                        .flatMap(p -> p.direct().stream())
                        .filter(d -> d.sourcePaths().size() == 1)
                        .map(d -> AMOUNT.matcher(d.text()).replaceAll(""))
                        .distinct()
                        .collect(Collectors.joining(" "));
        String asked = asked(parts, true);
        return named.isEmpty() ? asked : asked + " " + named;
    }
}

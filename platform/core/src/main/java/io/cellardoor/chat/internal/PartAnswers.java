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
 * need a reservation?"): each part ({@link QuestionParts}) is classified and handled alone, over the turn's passages,
 * so that a handler's direct answer (Sunday's hours) answers its part and leaves the others to the generator, instead
 * of answering the whole question or none of it.
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

    PartAnswers(QueryRouter router) {
        this.router = router;
    }

    /**
     * The parts of a question with their direct answers.
     *
     * @param slug the org's slug (the tenant the plugins are enabled for)
     * @param context the turn's plugin context (its passages)
     * @param minConfidence the least confidence of a direct answer that answers its part
     * @return every part in order when the question has at least two and a handler answered one of them directly;
     *     else empty (the question is answered as a whole)
     */
    public List<Part> of(
            long orgId, String slug, String question, String language, PluginContext context, double minConfidence) {
        List<String> texts = QuestionParts.of(question);
        if (texts.size() < 2) {
            return List.of();
        }
        List<Part> parts = new ArrayList<>();
        for (String text : texts) {
            UserQuery query = new UserQuery(text, language, text);
            Classification classification = router.classify(query, orgId, slug);
            Optional<DirectAnswer> direct = router.handle(classification, query, context, orgId)
                    .flatMap(HandlerResult::directAnswer)
                    .filter(d -> d.confidence() >= minConfidence);
            parts.add(new Part(text, direct));
        }
        return parts.stream().anyMatch(p -> p.direct().isPresent()) ? List.copyOf(parts) : List.of();
    }

    /**
     * The question the generator answers after the direct answers: the parts none answered, each ending with a question
     * mark (so they split again as asked).
     */
    public static String unanswered(List<Part> parts) {
        return parts.stream()
                .filter(p -> p.direct().isEmpty())
                .map(p -> p.text().endsWith("?") ? p.text() : p.text() + "?")
                .collect(Collectors.joining(" "));
    }

    /** A word that refers to something named in another part ("what does it pair with?"). */
    private static final Pattern REFERS = Pattern.compile(
            "\\b(it|its|it's|they|them|their|that|this|those|these|one|ones)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * What the directly answered parts asked, as what the others carry, when one of those refers to something named
     * there ("how much is the Vincenza and what does it pair with?"); else empty: a part that names its own subject
     * ("do I need a reservation?") is answered alone, as a question that stands alone is.
     */
    public static String carried(List<Part> parts) {
        boolean refers = parts.stream()
                .filter(p -> p.direct().isEmpty())
                .anyMatch(p -> REFERS.matcher(p.text()).find());
        if (!refers) {
            return "";
        }
        return parts.stream()
                .filter(p -> p.direct().isPresent())
                .map(p -> p.text().endsWith("?") ? p.text() : p.text() + "?")
                .collect(Collectors.joining(" "));
    }
}

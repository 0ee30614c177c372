package io.cellardoor.features;

import java.util.Optional;
import org.togglz.core.annotation.ActivationParameter;
import org.togglz.core.annotation.DefaultActivationStrategy;
import org.togglz.core.annotation.EnabledByDefault;
import org.togglz.core.annotation.Label;

/**
 * The platform's feature flags. Each is enabled by default with the {@link OrgPlanActivationStrategy}: on for orgs whose
 * plan unlocks it ({@code cellardoor.billing.plans.<id>.features} lists the ids), unless the org switched it off, for
 * every visitor (100 %).
 */
public enum Feature implements org.togglz.core.Feature {
    @Label("Semantic cache: answers to questions close to an earlier one come from the cache")
    @EnabledByDefault
    @DefaultActivationStrategy(
            id = OrgPlanActivationStrategy.ID,
            parameters = @ActivationParameter(name = OrgPlanActivationStrategy.PERCENTAGE, value = "100"))
    SEMANTIC_CACHE("semantic-cache"),

    @Label("LLM answers: a configured language model writes the answers (else the extractive generator)")
    @EnabledByDefault
    @DefaultActivationStrategy(
            id = OrgPlanActivationStrategy.ID,
            parameters = @ActivationParameter(name = OrgPlanActivationStrategy.PERCENTAGE, value = "100"))
    LLM_ANSWERS("llm-answers"),

    @Label("Curated answers: editors' approved answers are given to matching questions")
    @EnabledByDefault
    @DefaultActivationStrategy(
            id = OrgPlanActivationStrategy.ID,
            parameters = @ActivationParameter(name = OrgPlanActivationStrategy.PERCENTAGE, value = "100"))
    CURATED_ANSWERS("curated-answers"),

    @Label("Handoff: visitors may leave a question with their email for the team")
    @EnabledByDefault
    @DefaultActivationStrategy(
            id = OrgPlanActivationStrategy.ID,
            parameters = @ActivationParameter(name = OrgPlanActivationStrategy.PERCENTAGE, value = "100"))
    HANDOFF("handoff"),

    @Label("Suggested questions: the widget shows the site's suggested questions")
    @EnabledByDefault
    @DefaultActivationStrategy(
            id = OrgPlanActivationStrategy.ID,
            parameters = @ActivationParameter(name = OrgPlanActivationStrategy.PERCENTAGE, value = "100"))
    SUGGESTED_QUESTIONS("suggested-questions"),

    @Label("Feedback: visitors rate answers with thumbs up or down")
    @EnabledByDefault
    @DefaultActivationStrategy(
            id = OrgPlanActivationStrategy.ID,
            parameters = @ActivationParameter(name = OrgPlanActivationStrategy.PERCENTAGE, value = "100"))
    FEEDBACK("feedback"),

    @Label("Multilingual retrieval: questions are searched and answered in their own language (else as English)")
    @EnabledByDefault
    @DefaultActivationStrategy(
            id = OrgPlanActivationStrategy.ID,
            parameters = @ActivationParameter(name = OrgPlanActivationStrategy.PERCENTAGE, value = "100"))
    MULTILINGUAL("multilingual");

    private final String id;

    Feature(String id) {
        this.id = id;
    }

    /** The feature's id in plans, the API and the console, e.g. {@code llm-answers}. */
    public String id() {
        return id;
    }

    /** The feature with this id, if any. */
    public static Optional<Feature> byId(String id) {
        for (Feature f : values()) {
            if (f.id.equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}

package io.cellardoor.plugin.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A classifier from weighted patterns over {@link UserQuery#normalized()} text.
 *
 * <p>Each matching pattern contributes its weight; weights combine as a noisy-or
 * ({@code 1 - prod(1 - w)}), so several weak signals add up without passing 1. Patterns are
 * case-insensitive regular expressions searched anywhere in the normalised query (use {@code \b}).
 */
public final class KeywordClassifier implements QueryClassifier {

    private record Rule(Pattern pattern, double weight, String label) {}

    private final List<Rule> rules;

    private KeywordClassifier(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Starts an empty classifier. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ClassifierScore classify(UserQuery query) {
        String text = query.normalized();
        double miss = 1;
        List<String> evidence = new ArrayList<>();
        for (Rule rule : rules) {
            var m = rule.pattern.matcher(text);
            if (m.find()) {
                miss *= 1 - rule.weight;
                evidence.add(rule.label + ": \"" + m.group() + "\"");
            }
        }
        return evidence.isEmpty() ? ClassifierScore.NONE : new ClassifierScore(1 - miss, evidence);
    }

    /** Collects rules. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();

        private Builder() {}

        /**
         * Adds a rule.
         *
         * @param regex case-insensitive pattern over the normalised query, e.g. {@code \bcab(ernet)?\b}
         * @param weight contribution in (0, 1)
         * @param label name shown in the evidence, e.g. {@code grape}
         * @throws IllegalArgumentException when the weight is outside (0, 1) or the regex is invalid
         */
        public Builder rule(String regex, double weight, String label) {
            if (!(weight > 0 && weight < 1)) {
                throw new IllegalArgumentException("weight must be in (0, 1): " + weight);
            }
            rules.add(new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), weight, label));
            return this;
        }

        public KeywordClassifier build() {
            return new KeywordClassifier(rules);
        }
    }
}

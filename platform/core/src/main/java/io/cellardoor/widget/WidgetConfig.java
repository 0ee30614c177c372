package io.cellardoor.widget;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the chat widget needs to render for a site ({@code GET /api/v1/widget/config}).
 *
 * @param siteKey the public site key
 * @param name the site's display name
 * @param greeting first message shown when the panel opens
 * @param suggestions suggested questions shown as chips
 * @param theme name of a theme in {@code themes/}, served at {@code /widget/themes/<theme>.css}
 * @param locale the site's default UI language ({@code en}, {@code es}, {@code fr}) or null for the browser's
 * @param handoff whether visitors may leave a question with their email for the team (the site's setting and the
 *     org's {@code handoff} feature)
 * @param feedback whether visitors may rate answers (the org's {@code feedback} feature)
 * @param strings per-locale overrides of UI strings, e.g. {@code {"fr": {"greeting": "Bonjour !"}}}
 */
public record WidgetConfig(
        String siteKey,
        String name,
        String greeting,
        List<String> suggestions,
        String theme,
        @Nullable String locale,
        boolean handoff,
        Map<String, Map<String, String>> strings,
        boolean feedback) {

    /** This configuration with the features the org's flags switched off taken out. */
    public WidgetConfig gated(boolean suggestionsOn, boolean handoffOn, boolean feedbackOn) {
        return new WidgetConfig(
                siteKey,
                name,
                greeting,
                suggestionsOn ? suggestions : List.of(),
                theme,
                locale,
                handoff && handoffOn,
                suggestionsOn ? strings : withoutSuggestions(strings),
                feedback && feedbackOn);
    }

    private static Map<String, Map<String, String>> withoutSuggestions(Map<String, Map<String, String>> strings) {
        Map<String, Map<String, String>> kept = new java.util.LinkedHashMap<>();
        strings.forEach((locale, values) -> {
            Map<String, String> copy = new java.util.LinkedHashMap<>(values);
            copy.remove("suggestions");
            kept.put(locale, copy);
        });
        return kept;
    }
}

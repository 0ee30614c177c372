package io.cellardoor.site;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What staff edit on a site (validated by {@link SiteService#validate}).
 *
 * @param allowedOrigins pages allowed to use the chat from a browser, {@code scheme://host[:port]}, at most
 *     {@value SiteService#MAX_ORIGINS}; the server's own origin is always allowed
 * @param greeting first message of the widget, 1 to {@value SiteService#MAX_GREETING} characters
 * @param suggestions suggested questions shown as chips, at most {@value SiteService#MAX_SUGGESTIONS}, each 1 to
 *     {@value SiteService#MAX_SUGGESTION} characters
 * @param theme name of an available widget theme, e.g. {@code default}
 * @param locale {@code en}, {@code es}, {@code fr}, or null for the visitor's browser language
 * @param contactLine how visitors reach a person when the chat cannot answer, at most
 *     {@value SiteService#MAX_CONTACT_LINE} characters; empty means the line the platform finds in the org's own
 *     knowledge (its contact page's phone number and e-mail), or a neutral line when there is none
 */
public record SiteSettings(
        List<String> allowedOrigins,
        String greeting,
        List<String> suggestions,
        String theme,
        @Nullable String locale,
        String contactLine) {

    public SiteSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        suggestions = List.copyOf(suggestions);
    }

    /** Settings without a contact line of their own. */
    public SiteSettings(
            List<String> allowedOrigins,
            String greeting,
            List<String> suggestions,
            String theme,
            @Nullable String locale) {
        this(allowedOrigins, greeting, suggestions, theme, locale, "");
    }
}

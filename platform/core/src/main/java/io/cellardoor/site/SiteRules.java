package io.cellardoor.site;

import io.cellardoor.web.ApiProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks and normalises what staff enter for a site; every refusal is a 400 problem naming the field. */
final class SiteRules {

    static final Set<String> LOCALES = Set.of("en", "es", "fr");

    private SiteRules() {}

    static String name(@Nullable String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > SiteService.MAX_NAME) {
            throw ApiProblem.invalid(
                    "invalid-site-name",
                    "Invalid site name",
                    "The site name must have 1 to " + SiteService.MAX_NAME + " characters.");
        }
        return n;
    }

    static SiteSettings settings(SiteSettings raw, List<String> themes) {
        return new SiteSettings(
                origins(raw.allowedOrigins()),
                greeting(raw.greeting()),
                suggestions(raw.suggestions()),
                theme(raw.theme(), themes),
                locale(raw.locale()),
                contactLine(raw.contactLine()));
    }

    static List<String> origins(@Nullable List<String> raw) {
        List<String> given = raw == null ? List.of() : raw;
        Set<String> origins = new LinkedHashSet<>();
        for (String entry : given) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            origins.add(origin(entry));
        }
        if (origins.size() > SiteService.MAX_ORIGINS) {
            throw invalidOrigin(
                    "At most " + SiteService.MAX_ORIGINS + " allowed origins; " + origins.size() + " given.");
        }
        return List.copyOf(origins);
    }

    /**
     * An origin as browsers send it: {@code http(s)://host[:port]}, lowercase, without a default port; a single
     * trailing slash is dropped. Paths, queries, user info and wildcards are refused.
     */
    static String origin(String raw) {
        String s = raw.strip();
        if (s.contains("*")) {
            throw invalidOrigin(
                    "'" + s + "': wildcards are not supported; list each origin, e.g. https://www.example.com.");
        }
        if (s.endsWith("/") && s.indexOf('/', s.indexOf("//") + 2) == s.length() - 1) {
            s = s.substring(0, s.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw invalidOrigin("'" + s + "' is not an origin (scheme://host[:port]).");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalidOrigin("'" + s + "': an origin starts with http:// or https://.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw invalidOrigin("'" + s + "' has no valid host (use the punycode form of international names).");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw invalidOrigin("'" + s + "': an origin has no path, query or fragment; use scheme://host[:port].");
        }
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** A contact line: stripped, without line breaks, at most {@value SiteService#MAX_CONTACT_LINE} characters. */
    static String contactLine(@Nullable String line) {
        String l = line == null ? "" : line.strip().replaceAll("\\s+", " ");
        if (l.length() > SiteService.MAX_CONTACT_LINE) {
            throw ApiProblem.invalid(
                    "invalid-contact-line",
                    "Invalid contact line",
                    "The contact line must have at most " + SiteService.MAX_CONTACT_LINE + " characters.");
        }
        return l;
    }

    static String greeting(@Nullable String greeting) {
        String g = greeting == null ? "" : greeting.strip();
        if (g.isEmpty() || g.length() > SiteService.MAX_GREETING) {
            throw ApiProblem.invalid(
                    "invalid-greeting",
                    "Invalid greeting",
                    "The greeting must have 1 to " + SiteService.MAX_GREETING + " characters.");
        }
        return g;
    }

    static List<String> suggestions(@Nullable List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String s : raw == null ? List.<String>of() : raw) {
            String q = s == null ? "" : s.strip();
            if (q.isEmpty()) {
                continue;
            }
            if (q.length() > SiteService.MAX_SUGGESTION) {
                throw ApiProblem.invalid(
                        "invalid-suggestions",
                        "Invalid suggested questions",
                        "Each suggested question may have at most " + SiteService.MAX_SUGGESTION + " characters.");
            }
            if (!out.contains(q)) {
                out.add(q);
            }
        }
        if (out.size() > SiteService.MAX_SUGGESTIONS) {
            throw ApiProblem.invalid(
                    "invalid-suggestions",
                    "Invalid suggested questions",
                    "At most " + SiteService.MAX_SUGGESTIONS + " suggested questions; " + out.size() + " given.");
        }
        return List.copyOf(out);
    }

    static String theme(@Nullable String theme, List<String> themes) {
        if (theme == null || !themes.contains(theme)) {
            throw ApiProblem.invalid("unknown-theme", "Unknown theme", "The theme must be one of " + themes + ".");
        }
        return theme;
    }

    static @Nullable String locale(@Nullable String locale) {
        if (locale == null || locale.isBlank()) {
            return null;
        }
        if (!LOCALES.contains(locale)) {
            throw ApiProblem.invalid(
                    "invalid-locale",
                    "Invalid locale",
                    "The locale must be en, es or fr, or empty for the visitor's browser language.");
        }
        return locale;
    }

    private static ApiProblem invalidOrigin(String detail) {
        return ApiProblem.invalid("invalid-origin", "Invalid allowed origin", detail);
    }
}

package io.cellardoor.answer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What links an answer may carry (OWASP LLM05, improper output handling): an answer's markdown is shown to visitors,
 * and a model steered by a poisoned page could try to leak the conversation through a link or an image URL.
 *
 * <ul>
 *   <li>Images are never loaded: markdown images ({@code ![alt](url)}, {@code ![alt][ref]}) become their alt text and
 *       HTML {@code <img>} tags are removed.
 *   <li>Links ({@code [label](url)}, {@code <url>}, bare {@code http(s)://} URLs, reference definitions) stay only
 *       when the URL is {@code https} and either on one of the allowed origins (the site's allowed origins) or
 *       exactly one of the allowed URLs (the org's documents' {@code source_url}, fragment ignored). Otherwise a
 *       markdown link becomes its label and a bare URL {@value #REMOVED}.
 *   <li>{@code mailto:} and {@code tel:} links stay: they load nothing and are how answers give the contact line.
 * </ul>
 *
 * Stateless; the entry point is {@link #sanitize}.
 */
public final class AnswerLinkPolicy {

    /** What a refused bare URL becomes. */
    public static final String REMOVED = "(link removed)";

    private static final Pattern HTML_IMG = Pattern.compile("(?is)<img\\b[^>]*>");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]\\n]*)\\]\\(([^)\\n]*)\\)");
    private static final Pattern IMAGE_REF = Pattern.compile("!\\[([^\\]\\n]*)\\]\\[[^\\]\\n]*\\]");
    private static final Pattern LINK = Pattern.compile(
            "\\[([^\\]\\n]*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+(?:\"[^\"\\n]*\"|'[^'\\n]*'|\\([^)\\n]*\\)))?\\s*\\)");
    private static final Pattern REF_DEFINITION =
            Pattern.compile("(?m)^ {0,3}\\[([^\\]\\n]+)\\]:[ \\t]*<?(\\S+?)>?(?:[ \\t]+.*)?$");
    private static final Pattern AUTOLINK = Pattern.compile("<((?i:https?|ftp|data|javascript)[^>\\s]*)>");
    private static final Pattern BARE_URL = Pattern.compile("(?i)\\b(?:https?|ftp)://[^\\s<>()\\[\\]\"']+");
    private static final char HOLD = '\uE000';
    private static final Pattern HELD = Pattern.compile(HOLD + "(\\d+)" + HOLD);

    private AnswerLinkPolicy() {}

    /**
     * The markdown with images removed and links kept only to allowed https URLs.
     *
     * @param markdown an answer (light markdown), as generated
     * @param allowedUrls allowed origins ({@code https://example.com}) and allowed exact URLs (documents' source URLs);
     *     entries that are not https URLs are ignored
     * @return the sanitized markdown; equal to the input when it had nothing to remove
     */
    public static String sanitize(String markdown, Collection<String> allowedUrls) {
        Allowed allowed = Allowed.of(allowedUrls);
        List<String> kept = new ArrayList<>();
        String s = HTML_IMG.matcher(markdown.replace(HOLD, ' ')).replaceAll("");
        s = replace(IMAGE.matcher(s), m -> m.group(1));
        s = replace(IMAGE_REF.matcher(s), m -> m.group(1));
        s = replace(LINK.matcher(s), m -> allowed.permits(m.group(2)) ? hold(kept, m.group()) : m.group(1));
        s = replace(REF_DEFINITION.matcher(s), m -> allowed.permits(m.group(2)) ? hold(kept, m.group()) : "");
        s = replace(AUTOLINK.matcher(s), m -> allowed.permits(m.group(1)) ? hold(kept, m.group()) : REMOVED);
        s = replace(
                BARE_URL.matcher(s),
                m -> allowed.permits(trimUrl(m.group()))
                        ? hold(kept, m.group())
                        : REMOVED + m.group().substring(trimUrl(m.group()).length()));
        return replace(HELD.matcher(s), m -> kept.get(Integer.parseInt(m.group(1))));
    }

    /** True when a link to this URL may appear in an answer given these allowed origins and URLs. */
    public static boolean permits(String url, Collection<String> allowedUrls) {
        return Allowed.of(allowedUrls).permits(url);
    }

    private static String hold(List<String> kept, String text) {
        kept.add(text);
        return HOLD + Integer.toString(kept.size() - 1) + HOLD;
    }

    private static String trimUrl(String url) {
        String u = url;
        while (!u.isEmpty() && ".,;:!?*_".indexOf(u.charAt(u.length() - 1)) >= 0) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private interface Replacer {
        String apply(Matcher m);
    }

    private static String replace(Matcher m, Replacer replacer) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacer.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private record Allowed(Set<String> origins, Set<String> urls) {

        static Allowed of(Collection<String> allowedUrls) {
            Set<String> origins = new HashSet<>();
            Set<String> urls = new HashSet<>();
            for (String raw : allowedUrls) {
                https(raw).ifPresent(u -> {
                    String path = u.getRawPath();
                    boolean originOnly =
                            (path == null || path.isEmpty() || path.equals("/")) && u.getRawQuery() == null;
                    if (originOnly) {
                        origins.add(origin(u));
                    } else {
                        urls.add(withoutFragment(u));
                    }
                });
            }
            return new Allowed(origins, urls);
        }

        boolean permits(String raw) {
            String lower = raw.strip().toLowerCase(Locale.ROOT);
            if (lower.startsWith("mailto:") || lower.startsWith("tel:")) {
                return !lower.contains("?") && raw.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
            }
            return https(raw)
                    .map(u -> origins.contains(origin(u)) || urls.contains(withoutFragment(u)))
                    .orElse(false);
        }

        private static Optional<URI> https(String raw) {
            try {
                URI u = new URI(raw.strip());
                if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null || u.getRawUserInfo() != null) {
                    return Optional.empty();
                }
                return Optional.of(u);
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }

        private static String origin(URI u) {
            int port = u.getPort() == 443 ? -1 : u.getPort();
            return "https://" + u.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port);
        }

        private static String withoutFragment(URI u) {
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return origin(u) + path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        }
    }
}

package io.cellardoor.widget;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The widget script and themes, read once from the classpath ({@code META-INF/cellardoor/widget/} and
 * {@code META-INF/cellardoor/themes/}, packaged by the {@code widget} module), each with a content hash.
 */
@Component
public class WidgetAssets {

    /** The script's stable file name; {@code cellardoor-widget.<hash>.js} is its immutable twin. */
    public static final String SCRIPT = "cellardoor-widget.js";

    private static final Pattern THEME_NAME = Pattern.compile("[a-z0-9-]{1,40}");

    /**
     * A served file.
     *
     * @param bytes content
     * @param hash first 16 hex digits of its SHA-256
     * @param integrity its Subresource Integrity value, {@code sha384-<base64>}
     */
    public record Asset(byte[] bytes, String hash, String integrity) {}

    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    /** The widget script, if the widget module was built into this app. */
    public Optional<Asset> script() {
        return load("META-INF/cellardoor/widget/" + SCRIPT);
    }

    /** A theme's CSS by name (lowercase letters, digits and hyphens), if it exists. */
    public Optional<Asset> theme(String name) {
        return THEME_NAME.matcher(name).matches()
                ? load("META-INF/cellardoor/themes/" + name + ".css")
                : Optional.empty();
    }

    /** Path of the immutable, hashed script URL, e.g. {@code /widget/cellardoor-widget.3f2a….js}; the stable one when unbuilt. */
    public String scriptPath() {
        return script().map(a -> "/widget/cellardoor-widget." + a.hash() + ".js")
                .orElse("/widget/" + SCRIPT);
    }

    /**
     * The script tag with Subresource Integrity: the immutable hashed URL with its {@code integrity} and
     * {@code crossorigin} attributes (the script is served with {@code Access-Control-Allow-Origin: *}). Such a page
     * keeps the exact script it was written for; a new release needs a new tag. Empty when the widget is not built.
     *
     * @param baseUrl the app's public base URL, no trailing slash
     */
    public Optional<String> pinnedEmbed(String baseUrl, String siteKey) {
        return script().map(
                        a -> "<script src=\"" + HtmlUtils.htmlEscape(baseUrl) + "/widget/cellardoor-widget." + a.hash()
                                + ".js\" integrity=\"" + a.integrity() + "\" crossorigin=\"anonymous\" data-site-key=\""
                                + HtmlUtils.htmlEscape(siteKey) + "\" async></script>");
    }

    private Optional<Asset> load(String resource) {
        return cache.computeIfAbsent(resource, r -> {
            try (InputStream in = WidgetAssets.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) {
                    return Optional.empty();
                }
                byte[] bytes = in.readAllBytes();
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                byte[] sri = MessageDigest.getInstance("SHA-384").digest(bytes);
                return Optional.of(new Asset(
                        bytes,
                        HexFormat.of().formatHex(digest).substring(0, 16),
                        "sha384-" + java.util.Base64.getEncoder().encodeToString(sri)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

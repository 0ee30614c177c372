package io.cellardoor.site;

import io.cellardoor.widget.WidgetAssets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET /widget/preview?siteKey=…&name=…&greeting=…&suggestion=…&theme=…&locale=…}: a blank page with the real
 * widget script of this app for a site, opened, showing the given (unsaved) settings instead of the saved ones. The
 * console shows it in an iframe while staff edit a site.
 *
 * <p>The page is served from the app's own origin, which the widget API always accepts, so the preview works for any
 * site without adding the console to the site's allowed origins and without relaxing CORS. The page swaps the config
 * answer of {@code GET /api/v1/widget/config} for one with the candidate settings; chatting in it uses the site's real
 * key. It may be framed by pages of the same origin only. Invalid settings get the 400 problems of {@link
 * SiteService#validate}.
 */
@RestController
class SitePreviewController {

    static final String PATH = "/widget/preview";

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Widget preview</title>
              <style>
                body { margin: 0; min-height: 100vh; font-family: system-ui, sans-serif; color: #5b5450;
                       background: repeating-linear-gradient(45deg, #f6f3ee, #f6f3ee 12px, #efe9e1 12px, #efe9e1 24px); }
                p { margin: 0; padding: 1rem 1.25rem; font-size: .9rem; }
              </style>
              <script type="application/json" id="cellardoor-preview">{{config}}</script>
              <script>
                (function () {
                  var preview = JSON.parse(document.getElementById('cellardoor-preview').textContent);
                  var realFetch = window.fetch.bind(window);
                  window.fetch = function (input, init) {
                    var url = typeof input === 'string' ? input : (input && input.url) || String(input);
                    if (url.indexOf('/api/v1/widget/config') < 0) return realFetch(input, init);
                    return realFetch(input, init).then(function (response) {
                      if (!response.ok) return response;
                      return response.json().then(function (config) {
                        for (var key in preview) config[key] = preview[key];
                        for (var locale in (config.strings || {})) {
                          delete config.strings[locale].greeting;
                          delete config.strings[locale].suggestions;
                        }
                        return new Response(JSON.stringify(config), { status: 200, headers: { 'Content-Type': 'application/json' } });
                      });
                    });
                  };
                  document.addEventListener('cellardoor:ready', function () {
                    if (window.CellarDoor) window.CellarDoor.open();
                  });
                })();
              </script>
            </head>
            <body>
              <p>Preview of the chat widget with the settings being edited. Questions asked here are answered for real.</p>
              <script src="{{script}}" data-site-key="{{siteKey}}" async></script>
            </body>
            </html>
            """;

    /**
     * The page's policy: the widget script and the page's one inline script (allowed by its SHA-256, nothing else
     * inline), framed by this origin only (the console).
     */
    static final String POLICY = "default-src 'self'; script-src 'self' '" + inlineScriptHash()
            + "'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none';"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private final SiteService sites;
    private final WidgetAssets assets;
    private final ObjectMapper json;

    SitePreviewController(SiteService sites, WidgetAssets assets, ObjectMapper json) {
        this.sites = sites;
        this.assets = assets;
        this.json = json;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> preview(
            @RequestParam String siteKey,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String greeting,
            @RequestParam(name = "suggestion", required = false) @Nullable List<String> suggestions,
            @RequestParam(defaultValue = "default") String theme,
            @RequestParam(required = false) @Nullable String locale) {
        SiteSettings settings = sites.validate(
                new SiteSettings(List.of(), greeting, suggestions == null ? List.of() : suggestions, theme, locale));
        Map<String, Object> config = new LinkedHashMap<>();
        if (!name.isBlank()) {
            config.put("name", SiteRules.name(name));
        }
        config.put("greeting", settings.greeting());
        config.put("suggestions", settings.suggestions());
        config.put("theme", settings.theme());
        config.put("locale", settings.locale());
        String page = PAGE.replace("{{config}}", scriptSafe(json.writeValueAsString(config)))
                .replace("{{script}}", HtmlUtils.htmlEscape(assets.scriptPath()))
                .replace("{{siteKey}}", HtmlUtils.htmlEscape(siteKey));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.TEXT_HTML)
                .header("Content-Security-Policy", POLICY)
                .body(page);
    }

    /** {@code sha256-<base64>} of the text of the page's executable inline script, as CSP hashes it. */
    private static String inlineScriptHash() {
        int start = PAGE.indexOf("<script>") + "<script>".length();
        String script = PAGE.substring(start, PAGE.indexOf("</script>", start));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256-" + java.util.Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON that cannot end the script element it sits in. */
    private static String scriptSafe(String jsonText) {
        return jsonText.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}

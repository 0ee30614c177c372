package io.cellardoor.e2e.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Route;

/**
 * A vineyard page on another origin than the app's (e.g. {@code http://hostile.test}), served by Playwright's
 * request interception so no DNS or second server is needed. It embeds the widget from the real app by absolute URL.
 */
public final class ForeignSite {

    private ForeignSite() {}

    /** The embed tag, as a site owner copies it: the app's hashed script URL, the site key, {@code async}. */
    public static String embed(String scriptUrl) {
        return "<script src=\"" + scriptUrl + "\" data-site-key=\"" + E2eConfig.SITE_KEY + "\" async></script>";
    }

    /** Answers every request to {@code origin} in this context: the page for {@code /}, 404 for anything else. */
    public static void serve(BrowserContext context, String origin, String html) {
        context.route(origin + "/**", route -> {
            if (route.request().url().equals(origin + "/")) {
                route.fulfill(new Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("text/html; charset=utf-8")
                        .setBody(html));
            } else {
                route.fulfill(new Route.FulfillOptions()
                        .setStatus(404)
                        .setContentType("text/plain")
                        .setBody("not found"));
            }
        });
    }

    /** A plain page about a vineyard, with some text and the widget. */
    public static String plainPage(String title, String scriptUrl) {
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title></head>
                <body>
                  <h1>%s</h1>
                  <p>Tastings every weekend. Ask our assistant in the corner.</p>
                  %s
                </body>
                </html>""".formatted(title, title, embed(scriptUrl));
    }
}

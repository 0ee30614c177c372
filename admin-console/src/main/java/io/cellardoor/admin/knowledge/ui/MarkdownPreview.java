package io.cellardoor.admin.knowledge.ui;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/** Renders a knowledge document's markdown to HTML that is safe to show in the console (no scripts, no handlers). */
final class MarkdownPreview {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().extensions(EXTENSIONS).build();

    private MarkdownPreview() {}

    /** The markdown without its front matter, rendered and cleaned with jsoup's relaxed safelist. */
    static String toSafeHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(withoutFrontMatter(markdown)));
        return Jsoup.clean(html, Safelist.relaxed());
    }

    static String withoutFrontMatter(String markdown) {
        String text = markdown.replace("\r\n", "\n");
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---", 4);
            if (end > 0) {
                int next = text.indexOf('\n', end + 4);
                return next < 0 ? "" : text.substring(next + 1);
            }
        }
        return text;
    }
}

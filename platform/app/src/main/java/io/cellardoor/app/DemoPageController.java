package io.cellardoor.app;

import io.cellardoor.widget.WidgetAssets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /demo}: the demo vineyard's page with the chat widget embedded for site key {@code demo-site-key}. */
@RestController
class DemoPageController {

    private final WidgetAssets assets;
    private final String template;

    DemoPageController(WidgetAssets assets) {
        this.assets = assets;
        try (InputStream in = DemoPageController.class.getResourceAsStream("/demo/index.html")) {
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(path = "/demo", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> demo() {
        // The pinned script with Subresource Integrity, as docs/privacy-and-security.md recommends to site owners.
        String page = template.replace("{{script}}", assets.scriptPath())
                .replace(
                        "{{integrity}}",
                        assets.script().map(WidgetAssets.Asset::integrity).orElse(""))
                .replace("{{siteKey}}", DemoBootstrap.SITE_KEY);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .contentType(MediaType.TEXT_HTML)
                .body(page);
    }
}

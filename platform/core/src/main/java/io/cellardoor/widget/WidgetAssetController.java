package io.cellardoor.widget;

import io.cellardoor.web.ApiProblem;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the widget: {@code /widget/cellardoor-widget.js} (cached a day, revalidated by its content-hash ETag),
 * {@code /widget/cellardoor-widget.<hash>.js} (immutable, cached a year) and {@code /widget/themes/<name>.css}.
 */
@RestController
class WidgetAssetController {

    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");
    private static final MediaType CSS = MediaType.parseMediaType("text/css;charset=UTF-8");

    private final WidgetAssets assets;

    WidgetAssetController(WidgetAssets assets) {
        this.assets = assets;
    }

    @GetMapping("/widget/" + WidgetAssets.SCRIPT)
    ResponseEntity<byte[]> script(
            @RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch) {
        return serve(
                assets.script(),
                JAVASCRIPT,
                CacheControl.maxAge(Duration.ofDays(1)).cachePublic().staleWhileRevalidate(Duration.ofDays(7)),
                ifNoneMatch);
    }

    @GetMapping("/widget/cellardoor-widget.{hash:[0-9a-f]{16}}.js")
    ResponseEntity<byte[]> hashedScript(
            @PathVariable String hash,
            @RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch) {
        Optional<WidgetAssets.Asset> script =
                assets.script().filter(a -> a.hash().equals(hash));
        return serve(
                script,
                JAVASCRIPT,
                CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable(),
                ifNoneMatch);
    }

    @GetMapping("/widget/themes/{name}.css")
    ResponseEntity<byte[]> theme(
            @PathVariable String name,
            @RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch) {
        return serve(
                assets.theme(name),
                CSS,
                CacheControl.maxAge(Duration.ofHours(1)).cachePublic(),
                ifNoneMatch);
    }

    private static ResponseEntity<byte[]> serve(
            Optional<WidgetAssets.Asset> asset, MediaType type, CacheControl cache, @Nullable String ifNoneMatch) {
        WidgetAssets.Asset a = asset.orElseThrow(() -> ApiProblem.notFound("This widget file"));
        String etag = "\"" + a.hash() + "\"";
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(
                        etag.equals(ifNoneMatch) ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
                .eTag(etag)
                .cacheControl(cache)
                .header("Access-Control-Allow-Origin", "*");
        return etag.equals(ifNoneMatch)
                ? builder.build()
                : builder.contentType(type).body(a.bytes());
    }
}

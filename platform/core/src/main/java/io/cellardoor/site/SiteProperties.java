package io.cellardoor.site;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Site settings ({@code cellardoor.sites.*}).
 *
 * @param keyGracePeriod how long a key replaced by a rotation keeps working, so a site owner can update the embed
 *     snippet without the chat going dark; default 24 hours, {@code 0s} for none
 * @param publicUrl the app's public base URL for embed snippets, e.g. {@code https://chat.example.com}; null takes it
 *     from the request
 */
@ConfigurationProperties("cellardoor.sites")
public record SiteProperties(
        Duration keyGracePeriod, @Nullable URI publicUrl) {

    public SiteProperties {
        keyGracePeriod = keyGracePeriod == null || keyGracePeriod.isNegative() ? Duration.ofHours(24) : keyGracePeriod;
    }
}

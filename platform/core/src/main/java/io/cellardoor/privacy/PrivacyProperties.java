package io.cellardoor.privacy;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Privacy settings ({@code cellardoor.privacy.*}).
 *
 * @param keys contact-field encryption keys by id: base64 of 32 random bytes (AES-256); ids are 1..32 letters, digits,
 *     {@code -} or {@code _}. Keep every key that encrypted rows still alive: a row names its key by id.
 * @param activeKey the id of the key new values are encrypted with; blank means the only key, or the last of a key
 *     file
 * @param keyFile a properties file of {@code id=base64key} lines, read when {@code keys} is empty; created with one new
 *     key (owner-only permissions) when it does not exist
 * @param purgeInterval how often the retention purge runs (first run one interval after start)
 * @param purgeEnabled false turns the scheduled purge off (it can still be run by hand)
 */
@ConfigurationProperties("cellardoor.privacy")
public record PrivacyProperties(
        @Nullable Map<String, String> keys,
        @Nullable String activeKey,
        @Nullable String keyFile,
        @Nullable Duration purgeInterval,
        @Nullable Boolean purgeEnabled) {

    /** The purge interval, 6 hours unless set. */
    public Duration purgeEvery() {
        return purgeInterval == null || purgeInterval.isNegative() || purgeInterval.isZero()
                ? Duration.ofHours(6)
                : purgeInterval;
    }

    /** Whether the scheduled purge runs (default true). */
    public boolean purgeOn() {
        return purgeEnabled == null || purgeEnabled;
    }
}

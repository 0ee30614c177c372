package io.cellardoor.features;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Feature flag settings ({@code cellardoor.features.*}).
 *
 * @param cacheTtl how long an instance serves the flags' state and orgs' overrides before reading them again (in the
 *     background: the turn that finds them older is served them and the next one sees what was read); a change made
 *     on any instance applies on every busy instance within this time plus one request, and on any instance within
 *     {@link #staleLimit()} (default 1 s)
 */
@ConfigurationProperties("cellardoor.features")
public record FeaturesProperties(@Nullable Duration cacheTtl) {

    public FeaturesProperties {
        cacheTtl = cacheTtl == null || cacheTtl.isNegative() ? Duration.ofSeconds(1) : cacheTtl;
    }

    /** The age after which cached flags are read again before they are used: 30 times {@link #cacheTtl}. */
    public Duration staleLimit() {
        return cacheTtl.multipliedBy(30);
    }
}

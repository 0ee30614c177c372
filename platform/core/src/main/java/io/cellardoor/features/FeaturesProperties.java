package io.cellardoor.features;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Feature flag settings ({@code cellardoor.features.*}).
 *
 * @param cacheTtl how long an instance keeps the flags' state and orgs' overrides before reading them again; a change
 *     made on any instance applies on every instance within this time (default 1 s)
 */
@ConfigurationProperties("cellardoor.features")
public record FeaturesProperties(@Nullable Duration cacheTtl) {

    public FeaturesProperties {
        cacheTtl = cacheTtl == null || cacheTtl.isNegative() ? Duration.ofSeconds(1) : cacheTtl;
    }
}

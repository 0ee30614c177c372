package io.cellardoor.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the shared rate limiter ({@code cellardoor.ratelimit.*}). The per-visitor and per-site limits keep their
 * names from before ({@code cellardoor.widget.*}, {@link io.cellardoor.widget.WidgetProperties}).
 *
 * @param enabled {@code false} turns every limit off (benchmarks; never in production)
 * @param addressRequestsPerMinute widget API requests one client address may make per minute, all tokens and sites
 *     together (many visitors share an address behind a NAT, so this is well above the per-visitor limit)
 * @param adminRequestsPerMinute admin API requests one staff user may make per minute
 * @param poolSize connections of the limiter's own pool (its buckets commit without waiting for the disk, and a busy
 *     chat pool never delays a limit check)
 * @param timeout longest a check may wait for a connection or a bucket's row lock; after it the request is let through
 *     (the limiter fails open, logs and counts it)
 */
@ConfigurationProperties("cellardoor.ratelimit")
public record RateLimitProperties(
        Boolean enabled, int addressRequestsPerMinute, int adminRequestsPerMinute, int poolSize, Duration timeout) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        addressRequestsPerMinute = addressRequestsPerMinute <= 0 ? 300 : addressRequestsPerMinute;
        adminRequestsPerMinute = adminRequestsPerMinute <= 0 ? 600 : adminRequestsPerMinute;
        poolSize = poolSize <= 0 ? 3 : poolSize;
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    }
}

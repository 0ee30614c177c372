package io.cellardoor.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code cellardoor.ratelimit.*}. The default {@link RateLimitPlans} (the configured limits for every org) is
 * declared by the widget feature, which owns the per-visitor and per-site settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {}

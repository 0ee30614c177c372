package io.cellardoor.ratelimit;

import io.cellardoor.ratelimit.internal.ConfiguredRateLimitPlans;
import io.cellardoor.widget.WidgetProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code cellardoor.ratelimit.*} and supplies the default plans when no other {@link RateLimitPlans} exists. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    @ConditionalOnMissingBean(RateLimitPlans.class)
    RateLimitPlans configuredRateLimitPlans(WidgetProperties widget, RateLimitProperties limits) {
        return new ConfiguredRateLimitPlans(new PlanLimits(
                widget.visitorRequestsPerMinute(),
                limits.addressRequestsPerMinute(),
                widget.siteRequestsPerMinute(),
                limits.adminRequestsPerMinute()));
    }
}

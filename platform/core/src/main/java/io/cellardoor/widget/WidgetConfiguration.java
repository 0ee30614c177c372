package io.cellardoor.widget;

import io.cellardoor.ratelimit.PlanRates;
import io.cellardoor.ratelimit.RateLimitPlans;
import io.cellardoor.ratelimit.RateLimitProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code cellardoor.widget.*} and supplies the default rate limit plans (the configured limits for every org)
 * when no other {@link RateLimitPlans} exists. Here rather than in {@code ratelimit}, which the widget depends on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WidgetProperties.class)
class WidgetConfiguration {

    @Bean
    @ConditionalOnMissingBean(RateLimitPlans.class)
    RateLimitPlans configuredRateLimitPlans(WidgetProperties widget, RateLimitProperties limits) {
        return RateLimitPlans.everyOrg(new PlanRates(
                widget.visitorRequestsPerMinute(),
                limits.addressRequestsPerMinute(),
                widget.siteRequestsPerMinute(),
                limits.adminRequestsPerMinute()));
    }
}

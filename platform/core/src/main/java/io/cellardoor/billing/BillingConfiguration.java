package io.cellardoor.billing;

import com.stripe.StripeClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Billing's wiring: the clock quotas, budgets and grace periods go by (tests replace it), and the Stripe client when a
 * secret key is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
class BillingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BillingConfiguration.class);

    /** UTC system time; a test context replaces it with a clock it moves. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Stripe's client and the calls billing makes, or nothing without a secret key (plans from configuration). */
    @Bean
    StripeGatewayHolder stripeGateway(BillingProperties properties, Plans plans) {
        BillingProperties.StripeProperties stripe = properties.stripe();
        if (!stripe.enabled()) {
            log.info("Billing: plans from configuration, nothing charged (no cellardoor.billing.stripe.api-key)");
            return new StripeGatewayHolder(null);
        }
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(stripe.apiKey())
                .setConnectTimeout(5_000)
                .setReadTimeout(20_000)
                .setMaxNetworkRetries(2);
        if (stripe.apiBase() != null && !stripe.apiBase().isBlank()) {
            builder.setApiBase(stripe.apiBase());
        }
        if (stripe.meterEventsBase() != null && !stripe.meterEventsBase().isBlank()) {
            builder.setMeterEventsBase(stripe.meterEventsBase());
        } else if (stripe.apiBase() != null && !stripe.apiBase().isBlank()) {
            builder.setMeterEventsBase(stripe.apiBase());
        }
        log.info(
                "Billing: Stripe at {}",
                stripe.apiBase() == null || stripe.apiBase().isBlank() ? "api.stripe.com" : stripe.apiBase());
        return new StripeGatewayHolder(new StripeGateway(builder.build(), stripe, plans));
    }
}

package io.cellardoor.privacy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contact cipher from {@code cellardoor.privacy.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    @Bean
    ContactCipher contactCipher(PrivacyProperties properties) {
        return ContactCipher.fromProperties(properties);
    }
}

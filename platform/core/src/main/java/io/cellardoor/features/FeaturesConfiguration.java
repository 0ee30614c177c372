package io.cellardoor.features;

import io.cellardoor.features.internal.RefreshingStateRepository;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.manager.FeatureManagerBuilder;
import org.togglz.core.repository.StateRepository;
import org.togglz.core.repository.jdbc.JDBCStateRepository;
import org.togglz.core.user.thread.ThreadLocalUserProvider;

/**
 * Togglz: the features of {@link Feature}, their state in the {@code togglz} table (created by Flyway's V46, never by
 * Togglz) read through a {@link RefreshingStateRepository} ({@code cellardoor.features.cache-ttl}), the turn's user
 * from a thread-local, and the
 * {@link OrgPlanActivationStrategy}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeaturesProperties.class)
class FeaturesConfiguration {

    @Bean
    StateRepository featureStateRepository(DataSource dataSource, FeaturesProperties properties) {
        JDBCStateRepository jdbc = JDBCStateRepository.newBuilder(dataSource)
                .tableName("togglz")
                .createTable(false)
                .build();
        return new RefreshingStateRepository(jdbc, properties.cacheTtl(), properties.staleLimit());
    }

    @Bean
    FeatureManager featureManager(StateRepository featureStateRepository) {
        return new FeatureManagerBuilder()
                .name("cellardoor")
                .featureEnum(Feature.class)
                .stateRepository(featureStateRepository)
                .userProvider(new ThreadLocalUserProvider())
                .activationStrategy(new OrgPlanActivationStrategy())
                .build();
    }
}

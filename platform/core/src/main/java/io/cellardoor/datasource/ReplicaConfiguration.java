package io.cellardoor.datasource;

import com.zaxxer.hikari.HikariDataSource;
import io.cellardoor.datasource.internal.ReplicaRouting;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * With {@code cellardoor.datasource.replica.url} set, the app's data source routes by transaction: a read-only one
 * ({@code TenantTransactions.inOrgReadOnly}, {@code @Transactional(readOnly = true)}) goes to the replica through
 * {@link ReplicaRouting}, everything else (writes, reads that must see their own writes, work outside a transaction)
 * to the primary. Spring's {@link LazyConnectionDataSourceProxy} does the routing: it takes the real connection only at
 * the first statement, by then knowing whether the transaction is read-only. Both pools get the primary's Hikari
 * settings ({@code spring.datasource.hikari.*}: the per-connection retrieval settings above all). Without the property
 * nothing here exists and Spring Boot makes the one pool as before.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplicaProperties.class)
@ConditionalOnExpression("!'${cellardoor.datasource.replica.url:}'.isBlank()")
class ReplicaConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource primaryPool(DataSourceProperties properties, Environment env) {
        HikariDataSource pool = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        Binder.get(env).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        if (pool.getPoolName() == null) {
            pool.setPoolName("primary");
        }
        return pool;
    }

    @Bean(destroyMethod = "close")
    ReplicaRouting replicaRouting(
            HikariDataSource primaryPool,
            ReplicaProperties replica,
            Environment env,
            MeterRegistry meters,
            @Value("${cellardoor.tenant.allow-rls-bypass:false}") boolean allowRlsBypass) {
        HikariDataSource pool = new HikariDataSource();
        Binder.get(env).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        pool.setPoolName("replica");
        pool.setJdbcUrl(replica.url());
        pool.setUsername(replica.username().isBlank() ? primaryPool.getUsername() : replica.username());
        pool.setPassword(replica.password().isBlank() ? primaryPool.getPassword() : replica.password());
        pool.setMaximumPoolSize(replica.poolSize());
        pool.setMinimumIdle(Math.min(2, replica.poolSize()));
        pool.setConnectionTimeout(Math.max(250, replica.connectTimeout().toMillis()));
        pool.setValidationTimeout(
                Math.max(250, Math.min(replica.connectTimeout().toMillis(), 1000)));
        pool.setInitializationFailTimeout(-1); // start while the replica is down; the primary serves meanwhile
        ReplicaRouting routing = new ReplicaRouting(pool, primaryPool, replica, allowRlsBypass);
        Gauge.builder(
                        "cellardoor.datasource.replica.lag",
                        routing,
                        r -> r.status().lag().toMillis() / 1000.0)
                .description("How far the read replica was behind the primary at the last probe")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder(
                        "cellardoor.datasource.replica.serving",
                        routing,
                        r -> r.status().serving() ? 1 : 0)
                .description("1 while read-only transactions go to the read replica, 0 while they go to the primary")
                .register(meters);
        FunctionCounter.builder("cellardoor.datasource.replica.fallbacks", routing, ReplicaRouting::fallbacks)
                .description("Read-only connections taken from the primary because the replica could not be reached")
                .register(meters);
        return routing;
    }

    @Bean
    @Primary
    DataSource dataSource(HikariDataSource primaryPool, ReplicaRouting replicaRouting) {
        LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(primaryPool);
        proxy.setReadOnlyDataSource(replicaRouting);
        proxy.setDefaultAutoCommit(true);
        proxy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return proxy;
    }
}

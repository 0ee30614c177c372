package io.cellardoor.app;

import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code migrate}: applies the pending Flyway migrations as the tables' owner and exits (0, or 1 when a migration
 * fails). A context of its own with nothing but the data source and Flyway, so a deployment runs it once (a Helm hook
 * Job, a compose service) while every serving replica starts with {@code CELLARDOOR_DB_MIGRATE=false} and never touches
 * the schema. The settings are the app's: {@code spring.flyway.*} from {@code application.yml}, the owner from
 * {@code CELLARDOOR_DB_USER}/{@code _PASSWORD}, and the runtime role the migrations grant to from
 * {@code CELLARDOOR_DB_APP_USER}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cellardoor.command", havingValue = "migrate")
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
class MigrateCommand {

    /** Migrates and says what it did (versions before and after, migrations applied). */
    @Bean
    FlywayMigrationStrategy reportingMigration() {
        return flyway -> {
            MigrateResult result = flyway.migrate();
            System.out.println("cellardoor migrate: " + result.migrationsExecuted + " migration(s) applied to "
                    + result.database + ", schema version "
                    + (result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion) + " -> "
                    + (result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion));
        };
    }
}

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code cellardoor migrate}, the one-off schema step of a multi-replica deployment: against an empty database it
 * applies every migration as the owner, grants the runtime role its data privileges, and exits with 0 without starting
 * the rest of the app; run again it applies nothing.
 */
class MigrateCommandIntegrationTests {

    @Test
    void migrateAppliesEveryMigrationToAnEmptyDatabaseAndExits() throws IOException {
        long files;
        try (Stream<java.nio.file.Path> list = Files.list(IntegrationTestSupport.REPO.resolve("sql/migrations"))) {
            files = list.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .count();
        }
        try (ScratchDatabase db = ScratchDatabase.create("migrate")) {
            try (ConfigurableApplicationContext context = migrate(db)) {
                assertThat(context.getBeanNamesForType(Flyway.class)).hasSize(1);
                assertThat(context.containsBean("chatService"))
                        .as("only the data source and Flyway start")
                        .isFalse();
                assertThat(SpringApplication.exit(context)).isZero();
            }
            assertThat(db.asOwner()
                            .sql("SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL")
                            .query(Long.class)
                            .single())
                    .isEqualTo(files);
            assertThat(db.asOwner()
                            .sql("SELECT has_table_privilege(?, 'kb_chunk', 'SELECT, INSERT')")
                            .param(System.getenv().getOrDefault("CELLARDOOR_DB_APP_USER", "cellardoor_app"))
                            .query(Boolean.class)
                            .single())
                    .as("the runtime role got its grants")
                    .isTrue();

            try (ConfigurableApplicationContext again = migrate(db)) {
                assertThat(SpringApplication.exit(again)).isZero();
            }
            assertThat(db.asOwner()
                            .sql("SELECT count(*) FROM flyway_schema_history")
                            .query(Long.class)
                            .single())
                    .as("a second run applies nothing")
                    .isEqualTo(files);
        }
    }

    @Test
    void migrateRunsEvenWhereReplicasAreToldNotTo() {
        Command command = Command.parse(new String[] {"migrate", "--CELLARDOOR_DB_MIGRATE=false"});
        assertThat(command.web()).isFalse();
        assertThat(command.properties()).containsEntry("spring.flyway.enabled", "true");
    }

    private static ConfigurableApplicationContext migrate(ScratchDatabase db) {
        return CellarDoorApplication.start(
                Command.parse(new String[] {"migrate", "--spring.datasource.url=" + db.url}));
    }
}

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app refuses to start when its connection pool's role would bypass row-level security (here: the tables' owner),
 * unless {@code cellardoor.tenant.allow-rls-bypass=true}; started as the launcher's {@code ingest} command (a non-web
 * context) against the real PostgreSQL.
 */
class RuntimeRoleCheckIntegrationTests {

    @Test
    void theAppDoesNotStartWhenItsRuntimeRoleOwnsTheTables() {
        assertThatThrownBy(() -> start(false).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not enforce tenant isolation")
                .hasMessageContaining("role cellardoor owns the tenant tables")
                .hasMessageContaining("cellardoor.tenant.allow-rls-bypass=true");
    }

    @Test
    void theBypassSettingLetsItStartAnyway() {
        try (ConfigurableApplicationContext context = start(true)) {
            assertThat(context.isActive()).isTrue();
            assertThat(SpringApplication.exit(context))
                    .as("the missing folder's exit code")
                    .isEqualTo(2);
        }
    }

    private static ConfigurableApplicationContext start(boolean allowBypass) {
        String owner = System.getenv().getOrDefault("CELLARDOOR_DB_USER", "cellardoor");
        String password = System.getenv().getOrDefault("CELLARDOOR_DB_PASSWORD", "cellardoor");
        return CellarDoorApplication.start(Command.parse(new String[] {
            "ingest",
            "--dir",
            "/nonexistent-" + UUID.randomUUID(),
            "--org",
            "role-check",
            "--cellardoor.plugins.dir=" + IntegrationTestSupport.PLUGINS_DIR,
            "--spring.datasource.username=" + owner,
            "--spring.datasource.password=" + password,
            "--cellardoor.tenant.allow-rls-bypass=" + allowBypass
        }));
    }
}

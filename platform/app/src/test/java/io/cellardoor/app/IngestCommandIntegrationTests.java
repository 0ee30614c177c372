package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.knowledge.KnowledgeStore;
import io.cellardoor.tenant.TenantService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code cellardoor ingest} as the launcher runs it: a non-web application context (no console, no server) that
 * imports a folder into an org and reports its exit code, against the real PostgreSQL.
 */
class IngestCommandIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void ingestImportsAFolderWithoutTheWebConsoleAndExitsWithZero() throws Exception {
        Files.writeString(dir.resolve("hours.md"), "# Hours\n\nThe tasting room opens at noon every day.\n");
        Files.createDirectories(dir.resolve("wine"));
        Files.writeString(dir.resolve("wine/red.md"), "# Red\n\nOur red blend is aged in oak for a year.\n");
        String org = "ingest-" + UUID.randomUUID();
        try (ConfigurableApplicationContext context = ingest(dir.toString(), org)) {
            long orgId = context.getBean(TenantService.class).findOrgId(org).orElseThrow();
            assertThat(context.getBean(KnowledgeStore.class).documentCount(orgId))
                    .isEqualTo(2);
            assertThat(context.containsBean("vaadinConsoleSecurity")).isFalse();
            assertThat(SpringApplication.exit(context)).isZero();
        }
    }

    @Test
    void ingestOfAMissingFolderExitsWithTwo() {
        try (ConfigurableApplicationContext context =
                ingest(dir.resolve("missing").toString(), "ingest-" + UUID.randomUUID())) {
            assertThat(SpringApplication.exit(context)).isEqualTo(2);
        }
    }

    private static ConfigurableApplicationContext ingest(String folder, String org) {
        return CellarDoorApplication.start(Command.parse(new String[] {
            "ingest", "--dir", folder, "--org", org, "--cellardoor.plugins.dir=" + IntegrationTestSupport.PLUGINS_DIR
        }));
    }
}

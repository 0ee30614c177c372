package io.cellardoor.app;

import io.cellardoor.ingest.IngestJobs;
import io.cellardoor.knowledge.ImportReport;
import io.cellardoor.tenant.TenantService;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code ingest --dir DIR [--org SLUG]}: imports a knowledge folder into an org (created when missing); the exit code
 * is 0, or 2 when the folder cannot be read. Files that fail are reported by path and the rest are imported.
 */
@Component
@ConditionalOnProperty(name = "cellardoor.command", havingValue = "ingest")
class IngestCommand implements ApplicationRunner, ExitCodeGenerator {

    private final TenantService tenants;
    private final IngestJobs importer;
    private final Path dir;
    private final String org;
    private int exitCode;

    IngestCommand(
            TenantService tenants,
            IngestJobs importer,
            @Value("${cellardoor.ingest.dir}") Path dir,
            @Value("${cellardoor.ingest.org}") String org) {
        this.tenants = tenants;
        this.importer = importer;
        this.dir = dir;
        this.org = org;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        try {
            long orgId = tenants.ensureOrg(org, org);
            ImportReport report = importer.runFolder(orgId, "cli", dir, line -> System.out.println("  " + line));
            System.out.println("Imported " + dir + " into org '" + org + "': " + report.summary());
            report.failures().forEach(f -> System.out.println("  FAILED " + f.path() + ": " + f.reason()));
        } catch (IllegalArgumentException e) {
            System.err.println("cellardoor ingest: " + e.getMessage());
            exitCode = 2;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}

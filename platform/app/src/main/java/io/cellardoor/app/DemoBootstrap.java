package io.cellardoor.app;

import io.cellardoor.knowledge.ImportReport;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On {@code serve --knowledge DIR}: creates org {@code demo} with site key {@code demo-site-key}, imports DIR
 * into it (incrementally) and prints how to ask a question.
 */
@Component
@ConditionalOnProperty("cellardoor.bootstrap.knowledge")
class DemoBootstrap {

    static final String ORG = "demo";
    static final String SITE_KEY = "demo-site-key";

    private final TenantService tenants;
    private final KnowledgeImporter importer;
    private final Path knowledge;

    DemoBootstrap(TenantService tenants, KnowledgeImporter importer, @Value("${cellardoor.bootstrap.knowledge}") Path knowledge) {
        this.tenants = tenants;
        this.importer = importer;
        this.knowledge = knowledge;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) throws Exception {
        long org = tenants.ensureOrg(ORG, "Demo vineyard");
        tenants.ensureSite(org, SITE_KEY, "Hollow Creek Vineyard");
        tenants.updateWidget(SITE_KEY, "Hi! I'm the Hollow Creek assistant. Ask me about our wines, tastings, hours, club and events.",
                java.util.List.of("Are you open on Monday?", "How much is the Reserve Cabernet Franc?",
                        "Can I bring my dog?", "What are the wine club tiers?"), "vineyard");
        System.out.println("Importing " + knowledge.toAbsolutePath().normalize() + " into org '" + ORG + "'...");
        ImportReport report = importer.importFolder(org, knowledge, line -> System.out.println("  " + line));
        System.out.println("Knowledge: " + report.summary());
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        System.out.println();
        System.out.println("Cellar Door is ready on http://localhost:" + port);
        System.out.println("Demo site key: " + SITE_KEY + "   demo page with the chat widget: http://localhost:" + port + "/demo");
        System.out.println("Try:");
        System.out.println("  curl -s http://localhost:" + port + "/api/v1/chat -H 'Content-Type: application/json' \\");
        System.out.println("       -H 'X-Site-Key: " + SITE_KEY + "' -d '{\"message\": \"Are you open on Monday?\"}'");
        System.out.println("Press Ctrl-C to stop.");
    }
}

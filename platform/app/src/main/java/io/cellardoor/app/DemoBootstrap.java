package io.cellardoor.app;

import io.cellardoor.identity.IdentityProperties;
import io.cellardoor.knowledge.ImportReport;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On {@code serve --knowledge DIR}: creates org {@code demo} with site key {@code demo-site-key}, imports DIR
 * into it (incrementally) and prints how to ask a question and, with the local realm, how to call the admin API.
 */
@Component
@ConditionalOnProperty("cellardoor.bootstrap.knowledge")
class DemoBootstrap {

    static final String ORG = "demo";
    static final String SITE_KEY = "demo-site-key";

    private final TenantService tenants;
    private final KnowledgeImporter importer;
    private final Path knowledge;
    private final IdentityProperties identity;

    DemoBootstrap(
            TenantService tenants,
            KnowledgeImporter importer,
            @Value("${cellardoor.bootstrap.knowledge}") Path knowledge,
            IdentityProperties identity) {
        this.tenants = tenants;
        this.importer = importer;
        this.knowledge = knowledge;
        this.identity = identity;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) throws Exception {
        long org = tenants.ensureOrg(ORG, "Demo vineyard");
        tenants.ensureSite(org, SITE_KEY, "Hollow Creek Vineyard");
        tenants.updateWidget(
                org,
                SITE_KEY,
                "Hi! I'm the Hollow Creek assistant. Ask me about our wines, tastings, hours, club and events.",
                java.util.List.of(
                        "Are you open on Monday?",
                        "How much is the Reserve Cabernet Franc?",
                        "Can I bring my dog?",
                        "What are the wine club tiers?"),
                "vineyard");
        System.out.println("Importing " + knowledge.toAbsolutePath().normalize() + " into org '" + ORG + "'...");
        ImportReport report = importer.importFolder(org, knowledge, line -> System.out.println("  " + line));
        System.out.println("Knowledge: " + report.summary());
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        System.out.println();
        System.out.println("Cellar Door is ready on http://localhost:" + port);
        System.out.println(
                "Demo site key: " + SITE_KEY + "   demo page with the chat widget: http://localhost:" + port + "/demo");
        System.out.println("Try:");
        System.out.println(
                "  curl -s http://localhost:" + port + "/api/v1/chat -H 'Content-Type: application/json' \\");
        System.out.println("       -H 'X-Site-Key: " + SITE_KEY + "' -d '{\"message\": \"Are you open on Monday?\"}'");
        String issuer = identity.issuerUri().toString();
        if (issuer.matches(
                "http://(127\\.0\\.0\\.1|localhost):\\d+/realms/cellardoor")) { // the local realm of deploy/keycloak
            System.out.println("Admin API and console sign-in (Keycloak " + issuer
                    + "): users platform-admin, org-admin, editor,");
            System.out.println("viewer (org demo), other-admin (org other), password demo. Try:");
            System.out.println(
                    "  TOKEN=$(curl -s " + issuer + "/protocol/openid-connect/token -d grant_type=password \\");
            System.out.println(
                    "       -d client_id=cellardoor-cli -d username=editor -d password=demo | sed 's/.*\"access_token\":\"\\([^\"]*\\).*/\\1/')");
            System.out.println("  curl -s 'http://localhost:" + port
                    + "/api/v1/admin/handoffs?status=open' -H \"Authorization: Bearer $TOKEN\"");
        }
        System.out.println("Press Ctrl-C to stop.");
    }
}

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.audit.AuditLog;
import io.cellardoor.tenant.TenantService;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's audit route itself refuses staff below ORG_ADMIN (not just the menu): signed in through Keycloak, a
 * session navigates the way the browser does (Vaadin's init request, then a {@code ui-navigate} event) and reads
 * what the server renders.
 */
class ConsoleAuditRouteIntegrationTests extends ConsoleRouteSupport {

    @Autowired
    TenantService tenants;

    @Autowired
    AuditLog audit;

    @Test
    void anEditorIsRefusedTheAuditRouteAndAnOrgAdminSeesTheEvents() throws Exception {
        long demo = tenants.ensureOrg("demo", "Demo Vineyard");
        String target = "route-test-" + UUID.randomUUID() + ".md";
        audit.record(demo, "editor", "document.saved", target, null, "# Route test");

        String editor = navigate(signIn("editor"), "audit");
        assertThat(editor)
                .contains("Could not navigate to 'audit'", "The audit log is for org admins.")
                .doesNotContain("audit-events")
                .doesNotContain(target);

        String viewer = navigate(signIn("viewer"), "audit");
        assertThat(viewer).contains("The audit log is for org admins.").doesNotContain(target);

        String orgAdmin = navigate(signIn("org-admin"), "audit");
        assertThat(orgAdmin).contains("audit-events", target).doesNotContain("Could not navigate");
    }

    @Test
    void theKnowledgeViewRendersTheFolderTreeUploadAndEditorControls() throws Exception {
        String editor = navigate(signIn("editor"), "knowledge");
        assertThat(editor)
                .contains(
                        "\"folder-tree\"",
                        "\"documents\"",
                        "\"folder-filter\"",
                        "\"upload\"",
                        "\"upload-folder\"",
                        "\"deleted-documents\"",
                        "\"history\"",
                        "\"delete\"",
                        "All documents")
                .doesNotContain("Could not navigate");

        String viewer = navigate(signIn("viewer"), "knowledge");
        assertThat(viewer).contains("\"folder-tree\"", "\"documents\"").doesNotContain("Could not navigate");
    }
}

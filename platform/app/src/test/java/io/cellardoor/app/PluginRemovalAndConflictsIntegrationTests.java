package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.plugin.PluginCalls;
import io.cellardoor.plugin.PluginDomains;
import io.cellardoor.tenant.TenantService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code DELETE /api/v1/admin/plugins/{id}} against real Keycloak tokens (platform admins only, audited, unloads the
 * plugin and deletes its jar, 404 for unknown ids), folder conflicts between plugins as the admin API reports them, and
 * a second plugin serving an already served domain id refused.
 */
class PluginRemovalAndConflictsIntegrationTests extends PluginAdminTestSupport {

    static final String SITE_KEY = "it-removal-key";

    /** A plugin claiming the given folders with the given order(); routes its keyword's questions to itself. */
    static final String SOURCE = """
            package test.claims;

            import io.cellardoor.plugin.api.*;
            import java.util.List;
            import org.pf4j.Extension;

            @Extension
            public class ClaimsPlugin implements DomainPlugin {
                public DomainDescriptor descriptor() {
                    return new DomainDescriptor("DOMAIN", "Claims", List.of(FOLDERS), List.of());
                }
                public QueryClassifier classifier() {
                    return KeywordClassifier.builder().rule("\\\\bDOMAIN\\\\b", 0.95, "DOMAIN").build();
                }
                public DomainHandler handler() {
                    return (query, context) -> HandlerResult.retrieve(RetrievalPlan.defaults(3));
                }
                public int order() {
                    return ORDER;
                }
            }
            """;

    @Autowired
    TenantService tenants;

    @Autowired
    PluginCalls plugins;

    @Autowired
    PluginDomains domains;

    @Autowired
    KnowledgeImporter importer;

    final List<String> uploaded = new ArrayList<>();

    @BeforeEach
    void site() {
        long org = tenants.ensureOrg("it-removal", "Removal");
        tenants.ensureSite(org, SITE_KEY, "Removal site");
    }

    @AfterEach
    void removeWhatWasUploaded() {
        for (String id : uploaded) {
            admin("DELETE", "/api/v1/admin/plugins/" + id, "platform-admin");
        }
    }

    static String source(String domain, int order, String... folders) {
        StringBuilder list = new StringBuilder();
        for (String f : folders) {
            list.append(list.isEmpty() ? "" : ", ").append('"').append(f).append('"');
        }
        return SOURCE.replace("DOMAIN", domain).replace("FOLDERS", list).replace("ORDER", Integer.toString(order));
    }

    JsonNode uploadPlugin(String pluginId, String source) throws Exception {
        JsonNode result = ok(upload(
                "platform-admin",
                pluginId + ".jar",
                pluginJar(pluginId, "1.0.0", ">=1.2.0 & <2.0.0", "test.claims.ClaimsPlugin", source)));
        uploaded.add(pluginId);
        return result;
    }

    @Test
    void aPlatformAdminRemovesAPluginWhichUnloadsItAndDeletesItsJar() throws Exception {
        String id = PluginsPerOrgIntegrationTests.unique("gone");
        uploadPlugin(id, source(id, 100, id));
        assertThat(pluginsFolder()).contains(id + ".jar");
        assertThat(ask(SITE_KEY, "tell me about " + id).path("domain").asString())
                .isEqualTo(id);

        for (String user : List.of("org-admin", "editor", "viewer", "other-admin")) {
            assertThat(problem(admin("DELETE", "/api/v1/admin/plugins/" + id, user), 403))
                    .as(user)
                    .isEqualTo("forbidden");
        }
        assertThat(pluginsFolder()).contains(id + ".jar");

        var removed = admin("DELETE", "/api/v1/admin/plugins/" + id, "platform-admin");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertThat(pluginsFolder()).doesNotContain(id + ".jar");
        assertThat(plugins.health()).noneMatch(h -> h.pluginId().equals(id));
        assertThat(ok(admin("GET", "/api/v1/admin/plugins", "viewer")).findValuesAsString("pluginId"))
                .doesNotContain(id)
                .isNotEmpty();
        assertThat(ask(SITE_KEY, "tell me about " + id).path("domain").asString())
                .isNotEqualTo(id);
        // The folder scan does not bring it back.
        Thread.sleep(1000);
        assertThat(plugins.health()).noneMatch(h -> h.pluginId().equals(id));

        long demo = tenants.ensureOrg("demo", "Demo Vineyard");
        assertThat(asOwner()
                        .sql(
                                "SELECT actor || ' ' || before FROM audit_event WHERE org_id = ? AND action = 'plugin.remove'"
                                        + " AND target = ?")
                        .params(demo, "plugin:" + id)
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .startsWith("platform-admin " + id + " 1.0.0 (" + id + ".jar)")
                .contains("[" + id + "]");

        var again = admin("DELETE", "/api/v1/admin/plugins/" + id, "platform-admin");
        assertThat(problem(again, 404)).isEqualTo("not-found");
        assertThat(problem(admin("DELETE", "/api/v1/admin/plugins/no-such-plugin", "platform-admin"), 404))
                .isEqualTo("not-found");
    }

    @Test
    void aFolderTwoPluginsClaimGoesToTheLowerOrderAndTheConflictIsListed() throws Exception {
        String id = PluginsPerOrgIntegrationTests.unique("dining");
        String merchandise = pluginIdOf("merchandise");
        assertThat(domains.domainOfFolder("menu")).isEqualTo("merchandise");
        Path knowledge = Files.createTempDirectory("menu");
        Files.createDirectories(knowledge.resolve("menu"));
        Files.writeString(knowledge.resolve("menu/dinner.md"), "# Dinner\n\nRoast duck, $28.\n");
        importer.importFolder(tenants.ensureOrg("it-removal", "Removal"), knowledge, l -> {});

        JsonNode result = uploadPlugin(id, source(id, 50, "menu", id));
        JsonNode conflict = result.path("conflicts").get(0);
        assertThat(conflict.path("folder").asString()).isEqualTo("menu");
        assertThat(conflict.path("owner").asString()).isEqualTo(id);
        assertThat(conflict.path("claims").findValuesAsString("domain")).containsExactly(id, "merchandise");
        assertThat(conflict.path("claims").findValues("order").stream().map(JsonNode::asInt))
                .containsExactly(50, 100);
        assertThat(domains.domainOfFolder("menu")).isEqualTo(id);

        JsonNode mine = pluginRow("viewer", id);
        assertThat(mine.path("order").asInt()).isEqualTo(50);
        assertThat(mine.path("folders").toString()).isEqualTo("[\"menu\",\"" + id + "\"]");
        JsonNode theirs = pluginRow("viewer", merchandise);
        assertThat(theirs.path("folders").toString()).doesNotContain("\"menu\"").contains("\"shop\"");
        assertThat(theirs.path("conflicts").get(0).path("owner").asString()).isEqualTo(id);
        // Citations of the menu's pages now name the new owner.
        JsonNode answer = ask(SITE_KEY, "How much is the roast duck at the " + id + "?");
        assertThat(answer.path("domain").asString()).isEqualTo(id);
        assertThat(answer.path("citations").findValuesAsString("domain"))
                .as(answer.toString())
                .isNotEmpty()
                .containsOnly(id);

        assertThat(admin("DELETE", "/api/v1/admin/plugins/" + id, "platform-admin")
                        .statusCode())
                .isEqualTo(204);
        uploaded.remove(id);
        assertThat(domains.domainOfFolder("menu")).isEqualTo("merchandise");
        assertThat(pluginRow("viewer", merchandise).path("conflicts").isEmpty()).isTrue();
        assertThat(pluginRow("viewer", merchandise).path("folders").toString()).contains("\"menu\"");
    }

    @Test
    void aSecondPluginServingALoadedDomainIdIsRefusedWithTheReason() throws Exception {
        String id = PluginsPerOrgIntegrationTests.unique("copycat");
        List<String> before = pluginsFolder();
        var response = upload(
                "platform-admin",
                id + ".jar",
                pluginJar(id, "1.0.0", ">=1.2.0 & <2.0.0", "test.claims.ClaimsPlugin", source("wine", 10, "wine")));
        assertThat(problem(response, 422)).isEqualTo("plugin-not-loaded");
        assertThat(json.readTree(response.body()).path("detail").asString())
                .contains("domain 'wine' is already served by plugin " + pluginIdOf("wine"));
        assertThat(pluginsFolder()).isEqualTo(before);
        assertThat(domains.domainOfFolder("wine")).isEqualTo("wine");
    }

    private String pluginIdOf(String domain) {
        return plugins.health().stream()
                .filter(h -> h.domain().equals(domain))
                .findFirst()
                .orElseThrow()
                .pluginId();
    }
}

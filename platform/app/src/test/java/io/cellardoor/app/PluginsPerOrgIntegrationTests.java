package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.PluginCalls;
import io.cellardoor.tenant.TenantService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Plugins per org in the admin API against real Keycloak tokens: a plugin disabled by one org is not used for its
 * chats but still for another org's; per-org setting values reach the plugin; platform admins upload plugin jars that
 * load without a restart, and other jars are refused with a problem; roles.
 */
class PluginsPerOrgIntegrationTests extends PluginAdminTestSupport {

    static final String DEMO_KEY = "it-plugins-demo-key";
    static final String OTHER_KEY = "it-plugins-other-key";

    /** Claims "zeppelin" questions and answers directly with the org's greeting-word setting. */
    static final String ZEPPELIN = """
            package test.zeppelin;

            import io.cellardoor.plugin.api.*;
            import java.util.List;
            import java.util.Optional;
            import org.pf4j.Extension;

            @Extension
            public class ZeppelinPlugin implements DomainPlugin {
                public DomainDescriptor descriptor() {
                    return new DomainDescriptor("DOMAIN", "Zeppelin rides", List.of("DOMAIN"), List.of());
                }
                public QueryClassifier classifier() {
                    return KeywordClassifier.builder().rule("\\\\bKEYWORD\\\\b", 0.95, "KEYWORD").build();
                }
                public DomainHandler handler() {
                    return (query, context) -> new HandlerResult(RetrievalPlan.defaults(3), List.of(), Optional.of(
                            new DirectAnswer(context.setting("DOMAIN.word").orElse("none") + " from VERSION", List.of("DOMAIN/rides.md"), 0.9)));
                }
                public List<ConfigProperty> configProperties() {
                    return List.of(new ConfigProperty("DOMAIN.word", "Word", "The first word of every answer.", "Hello"));
                }
            }
            """;

    @Autowired
    TenantService tenants;

    @Autowired
    PluginCalls plugins;
    /** Arranges and checks rows of any org as the tables' owner (row-level security applies to the app's pool). */
    JdbcClient jdbc;

    long demo;
    long other;

    @BeforeEach
    void sites() {
        jdbc = asOwner();
        demo = tenants.ensureOrg("demo", "Demo Vineyard");
        other = tenants.ensureOrg("other", "Other Vineyard");
        tenants.ensureSite(demo, DEMO_KEY, "Demo (plugin tests)");
        tenants.ensureSite(other, OTHER_KEY, "Other (plugin tests)");
    }

    /** Source of a test plugin with its own domain id and keyword (tests share the plugins folder). */
    static String plugin(String domain, String keyword, String version) {
        return ZEPPELIN.replace("DOMAIN", domain).replace("KEYWORD", keyword).replace("VERSION", version);
    }

    static byte[] pluginJar(String id, String version, String requires, String source) throws IOException {
        return pluginJar(id, version, requires, "test.zeppelin.ZeppelinPlugin", source);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    @Test
    void aPluginUploadedByAPlatformAdminIsLoadedAndRoutedToWithoutRestart() throws Exception {
        String domain = unique("up");
        List<String> before = pluginsFolder();
        HttpResponse<String> response = upload(
                "platform-admin",
                "my-plugin.jar",
                pluginJar(domain, "1.0.0", ">=1.1.0 & <2.0.0", plugin(domain, domain, "v1")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode result = json.readTree(response.body());
        assertThat(result.path("pluginId").asString()).isEqualTo(domain);
        assertThat(result.path("version").asString()).isEqualTo("1.0.0");
        assertThat(result.path("domains").toString()).isEqualTo("[\"" + domain + "\"]");
        assertThat(result.path("replaced").asBoolean()).isFalse();
        assertThat(pluginsFolder())
                .containsAll(before)
                .contains(domain + ".jar")
                .hasSize(before.size() + 1);
        assertThat(plugins.health()).anyMatch(h -> h.domain().equals(domain));

        JsonNode answer = ask(DEMO_KEY, "any " + domain + " today?");
        assertThat(answer.path("domain").asString()).isEqualTo(domain);
        assertThat(answer.path("answer").asString()).isEqualTo("Hello from v1");
        assertThat(pluginRow("viewer", domain).path("version").asString()).isEqualTo("1.0.0");

        // A new version replaces the loaded one, again without restart.
        JsonNode replaced = ok(upload(
                "platform-admin",
                "my-plugin-2.jar",
                pluginJar(domain, "1.1.0", ">=1.0.0", plugin(domain, domain, "v2"))));
        assertThat(replaced.path("replaced").asBoolean()).isTrue();
        assertThat(pluginsFolder()).contains(domain + ".jar").hasSize(before.size() + 1);
        assertThat(pluginRow("viewer", domain).path("version").asString()).isEqualTo("1.1.0");
        assertThat(ask(DEMO_KEY, "more " + domain + " please").path("answer").asString())
                .isEqualTo("Hello from v2");

        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE org_id = ? AND action = 'plugin.upload' AND target = ?")
                        .params(demo, "plugin:" + domain)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void jarsThatAreNotLoadablePluginsAreRefusedAndTheFolderIsUnchanged() throws Exception {
        List<String> before = pluginsFolder();
        assertThat(problem(upload("platform-admin", "notes.jar", "just text".getBytes(StandardCharsets.UTF_8)), 400))
                .isEqualTo("not-a-plugin-jar");
        assertThat(problem(upload("platform-admin", "library.jar", plainJar()), 400))
                .isEqualTo("not-a-plugin-jar");
        String future = unique("future");
        assertThat(problem(
                        upload(
                                "platform-admin",
                                "future.jar",
                                pluginJar(future, "1.0.0", ">=2.0.0", plugin(future, future, "v1"))),
                        400))
                .isEqualTo("plugin-incompatible");
        assertThat(problem(
                        send(
                                HttpRequest.newBuilder(uri("/api/v1/admin/plugins"))
                                        .header("Authorization", "Bearer " + token("platform-admin"))
                                        .POST(HttpRequest.BodyPublishers.noBody()),
                                null),
                        400))
                .isEqualTo("missing-file");
        assertThat(pluginsFolder()).isEqualTo(before);
        try (Stream<Path> staged = Files.list(PLUGINS_DIR.resolve(".uploads"))) {
            assertThat(staged.toList()).as("staging folder emptied").isEmpty();
        }
        assertThat(plugins.health()).noneMatch(h -> h.domain().equals(future));
    }

    @Test
    void onlyPlatformAdminsUploadJars() throws Exception {
        String domain = unique("denied");
        byte[] jar = pluginJar(domain, "1.0.0", ">=1.0.0 & <2.0.0", plugin(domain, domain, "v1"));
        for (String user : List.of("org-admin", "editor", "viewer", "other-admin")) {
            assertThat(problem(upload(user, "p.jar", jar), 403)).as(user).isEqualTo("forbidden");
        }
        assertThat(pluginsFolder()).doesNotContain(domain + ".jar");
    }

    @Test
    void aPluginDisabledForOneOrgIsNotUsedForItsChatsButStillForTheOtherOrgs() throws Exception {
        String domain = unique("toggle");
        TestPluginJar.build(
                domain,
                ">=1.0.0 & <2.0.0",
                "test.zeppelin.ZeppelinPlugin",
                plugin(domain, domain, "v1"),
                PLUGINS_DIR.resolve(domain + ".jar"));
        PluginHotLoadIntegrationTests.await(() ->
                plugins.health().stream().filter(h -> h.domain().equals(domain)).findFirst());
        String question = "is there a " + domain + " tour?";
        assertThat(ask(DEMO_KEY, question).path("domain").asString()).isEqualTo(domain);
        assertThat(pluginRow("org-admin", domain).path("enabledForOrg").asBoolean())
                .isTrue();

        JsonNode disabled =
                ok(admin("PUT", "/api/v1/admin/plugins/" + domain + "/enabled", "org-admin", Map.of("enabled", false)));
        assertThat(disabled.get(0).path("enabledForOrg").asBoolean()).isFalse();
        assertThat(ask(DEMO_KEY, question).path("domain").asString())
                .as("demo no longer uses it")
                .isNotEqualTo(domain);
        assertThat(ask(OTHER_KEY, question).path("domain").asString())
                .as("other org unaffected")
                .isEqualTo(domain);
        assertThat(pluginRow("other-admin", domain).path("enabledForOrg").asBoolean())
                .isTrue();
        assertThat(pluginRow("viewer", domain).path("enabledForOrg").asBoolean())
                .isFalse();

        ok(admin("PUT", "/api/v1/admin/plugins/" + domain + "/enabled", "org-admin", Map.of("enabled", true)));
        assertThat(ask(DEMO_KEY, question).path("domain").asString()).isEqualTo(domain);

        List<String> audit = jdbc.sql(
                        "SELECT action || ':' || before || '>' || after FROM audit_event WHERE org_id = ? AND target = ? ORDER BY id")
                .params(demo, "plugin:" + domain)
                .query(String.class)
                .list();
        assertThat(audit).containsExactly("plugin.disable:enabled>disabled", "plugin.enable:disabled>enabled");
    }

    @Test
    void anOrgsSettingValuesReachThePluginForThatOrgOnly() throws Exception {
        String domain = unique("setting");
        TestPluginJar.build(
                domain,
                ">=1.0.0 & <2.0.0",
                "test.zeppelin.ZeppelinPlugin",
                plugin(domain, domain, "v1"),
                PLUGINS_DIR.resolve(domain + ".jar"));
        PluginHotLoadIntegrationTests.await(() ->
                plugins.health().stream().filter(h -> h.domain().equals(domain)).findFirst());
        String question = "book a " + domain + " ride";
        assertThat(ask(DEMO_KEY, question).path("answer").asString()).isEqualTo("Hello from v1");
        assertThat(ask(DEMO_KEY, question).path("usage").path("generator").asString())
                .as("a plugin's direct answer is computed again each turn (it may depend on the time), not cached")
                .isEqualTo("direct");

        JsonNode saved = ok(admin(
                "PUT", "/api/v1/admin/plugins/" + domain + "/settings", "org-admin", Map.of(domain + ".word", "Ahoy")));
        JsonNode setting = saved.get(0).path("settings").get(0);
        assertThat(setting.path("key").asString()).isEqualTo(domain + ".word");
        assertThat(setting.path("defaultValue").asString()).isEqualTo("Hello");
        assertThat(setting.path("value").asString()).isEqualTo("Ahoy");
        assertThat(ask(DEMO_KEY, question).path("answer").asString()).isEqualTo("Ahoy from v1");
        assertThat(ask(OTHER_KEY, question).path("answer").asString()).isEqualTo("Hello from v1");

        assertThat(problem(
                        admin("PUT", "/api/v1/admin/plugins/" + domain + "/settings", "org-admin", Map.of("nope", "x")),
                        400))
                .isEqualTo("unknown-setting");
        assertThat(problem(
                        admin(
                                "PUT",
                                "/api/v1/admin/plugins/" + domain + "/settings",
                                "editor",
                                Map.of(domain + ".word", "Yo")),
                        403))
                .isEqualTo("forbidden");
        assertThat(ask(DEMO_KEY, question).path("answer").asString()).isEqualTo("Ahoy from v1");

        ok(admin("PUT", "/api/v1/admin/plugins/" + domain + "/settings", "org-admin", Map.of(domain + ".word", " ")));
        assertThat(ask(DEMO_KEY, question).path("answer").asString())
                .as("blank returns to the default")
                .isEqualTo("Hello from v1");
    }

    @Test
    void onlyOrgAdminsEnableOrDisablePluginsAndUnknownPluginsAre404() {
        for (String user : List.of("editor", "viewer")) {
            assertThat(problem(
                            admin(
                                    "PUT",
                                    "/api/v1/admin/plugins/cellardoor-plugin-wine/enabled",
                                    user,
                                    Map.of("enabled", false)),
                            403))
                    .as(user)
                    .isEqualTo("forbidden");
        }
        String wine = pluginIdOf("wine");
        assertThat(pluginRow("viewer", wine).path("enabledForOrg").asBoolean()).isTrue();
        assertThat(problem(
                        admin(
                                "PUT",
                                "/api/v1/admin/plugins/no-such-plugin/enabled",
                                "org-admin",
                                Map.of("enabled", false)),
                        404))
                .isEqualTo("not-found");
        List<String> domains = new ArrayList<>();
        ok(admin("GET", "/api/v1/admin/plugins", "viewer"))
                .forEach(p -> domains.add(p.path("domain").asString()));
        assertThat(domains).contains("wine", "visiting", "club", "events", "merchandise");
    }

    private String pluginIdOf(String domain) {
        return plugins.health().stream()
                .filter(h -> h.domain().equals(domain))
                .findFirst()
                .orElseThrow()
                .pluginId();
    }

    /** A valid jar with a class but no plugin descriptor. */
    private static byte[] plainJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("lib/Util.class"));
            jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }
}

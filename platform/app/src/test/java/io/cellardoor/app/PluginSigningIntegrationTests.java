package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.PluginCalls;
import io.cellardoor.tenant.TenantService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Plugin jars must be signed by a trusted signer when unsigned jars are not allowed (production's default): a server
 * trusting a test key (made with keytool) loads a jar signed with it (jarsigner) and routes to it, and refuses with the
 * reason, over the admin API and in its folder scan, a jar that is unsigned, one signed by another key and one changed
 * after signing. A context of its own (the other tests allow unsigned jars) on the shared plugins folder, whose unsigned
 * jars it refuses.
 */
@TestPropertySource(properties = "cellardoor.plugins.allow-unsigned=false")
class PluginSigningIntegrationTests extends PluginAdminTestSupport {

    static final Path KEYS = temporaryFolder("plugin-keys");
    static final JdkSigning.Key TRUSTED = key("release", "CN=Cellar Door release,O=Tests");
    static final JdkSigning.Key STRANGER = key("stranger", "CN=Someone else");
    static final String SITE_KEY = "it-signing-key";

    @DynamicPropertySource
    static void signedOnly(DynamicPropertyRegistry registry) {
        registry.add(
                "cellardoor.plugins.trusted-signers",
                () -> TRUSTED.certificate().toString());
    }

    @Autowired
    PluginCalls plugins;

    @Autowired
    TenantService tenants;

    @BeforeEach
    void site() {
        long org = tenants.ensureOrg("it-signing", "Signing");
        tenants.ensureSite(org, SITE_KEY, "Signing site");
    }

    static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JdkSigning.Key key(String alias, String subject) {
        try {
            return JdkSigning.newKey(KEYS, alias, subject);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plugin jar (unsigned) claiming questions with its domain's name. */
    static Path jar(String domain) throws IOException {
        Path dir = Files.createTempDirectory("signing-jar");
        return TestPluginJar.build(
                domain,
                "1.0.0",
                ">=1.2.0 & <2.0.0",
                "test.claims.ClaimsPlugin",
                PluginRemovalAndConflictsIntegrationTests.source(domain, 100, domain),
                dir.resolve(domain + ".jar"));
    }

    JsonNode jars() {
        return ok(admin("GET", "/api/v1/admin/plugins/jars", "platform-admin"));
    }

    @Test
    void aJarSignedByATrustedKeyIsUploadedAndRoutedTo() throws Exception {
        assertThat(jars().path("allowUnsigned").asBoolean()).isFalse();
        assertThat(jars().path("trustedSigners").toString()).contains("CN=Cellar Door release,O=Tests");
        String domain = PluginsPerOrgIntegrationTests.unique("signed");
        Path signed = JdkSigning.sign(jar(domain), TRUSTED);

        JsonNode result = ok(upload("platform-admin", domain + ".jar", Files.readAllBytes(signed)));
        assertThat(result.path("domains").toString()).isEqualTo("[\"" + domain + "\"]");
        assertThat(ask(SITE_KEY, "about " + domain + " please").path("domain").asString())
                .isEqualTo(domain);
        assertThat(problem(admin("GET", "/api/v1/admin/plugins/jars", "org-admin"), 403))
                .isEqualTo("forbidden");
    }

    @Test
    void unsignedForeignAndTamperedJarsAreRefusedWithTheReason() throws Exception {
        String domain = PluginsPerOrgIntegrationTests.unique("refused");
        List<String> before = pluginsFolder();

        var unsigned = upload("platform-admin", "unsigned.jar", Files.readAllBytes(jar(domain)));
        assertThat(problem(unsigned, 400)).isEqualTo("plugin-unsigned");
        assertThat(json.readTree(unsigned.body()).path("detail").asString())
                .contains("is refused: it is not signed")
                .contains("cellardoor.plugins.trusted-signers");

        var foreign =
                upload("platform-admin", "foreign.jar", Files.readAllBytes(JdkSigning.sign(jar(domain), STRANGER)));
        assertThat(problem(foreign, 400)).isEqualTo("plugin-unsigned");
        assertThat(json.readTree(foreign.body()).path("detail").asString())
                .contains("signed by CN=Someone else, which is not a trusted signer");

        Path tampered = JdkSigning.rewrite(
                JdkSigning.sign(jar(domain), TRUSTED),
                Files.createTempDirectory("tampered").resolve("tampered.jar"),
                (name, bytes) -> name.equals("META-INF/extensions.idx")
                        ? (new String(bytes, StandardCharsets.UTF_8) + "evil.Payload\n")
                                .getBytes(StandardCharsets.UTF_8)
                        : bytes,
                List.of());
        var changed = upload("platform-admin", "tampered.jar", Files.readAllBytes(tampered));
        assertThat(problem(changed, 400)).isEqualTo("plugin-signature-invalid");
        assertThat(json.readTree(changed.body()).path("detail").asString())
                .contains("META-INF/extensions.idx does not match its signature");

        assertThat(pluginsFolder()).isEqualTo(before);
        assertThat(plugins.health()).noneMatch(h -> h.domain().equals(domain));
    }

    @Test
    void theFolderScanRefusesAnUnsignedJarAndSaysWhyToPlatformAdmins() throws Exception {
        String domain = PluginsPerOrgIntegrationTests.unique("dropped");
        Path tmp = PLUGINS_DIR.resolve(domain + ".tmp");
        Files.copy(jar(domain), tmp);
        Files.move(tmp, PLUGINS_DIR.resolve(domain + ".jar"));
        JsonNode refused = PluginHotLoadIntegrationTests.await(() -> {
            for (JsonNode jar : jars().path("refused")) {
                if (jar.path("file").asString().equals(domain + ".jar")) {
                    return java.util.Optional.of(jar);
                }
            }
            return java.util.Optional.empty();
        });
        assertThat(refused.path("reason").asString()).startsWith("it is not signed");
        assertThat(plugins.health()).noneMatch(h -> h.domain().equals(domain));

        // Signed in place by its author, it is tried again and loads.
        JdkSigning.sign(PLUGINS_DIR.resolve(domain + ".jar"), TRUSTED);
        PluginHotLoadIntegrationTests.await(() ->
                plugins.health().stream().filter(h -> h.domain().equals(domain)).findFirst());
        assertThat(jars().path("refused").findValuesAsString("file")).doesNotContain(domain + ".jar");
    }
}

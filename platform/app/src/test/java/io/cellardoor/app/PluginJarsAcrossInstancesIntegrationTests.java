package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.PluginJarsChanged;
import io.cellardoor.tenant.TenantService;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Uploaded plugin jars live in PostgreSQL (table {@code plugin_jar}, migration V53), so a second instance on the same
 * database, with a plugins folder of its own, serves what a platform admin uploads on the first within seconds and
 * drops what they remove; it checks every jar's signature itself (it trusts only a test key and refuses the first
 * instance's unsigned upload, saying why), and a jar of a removed plugin dropped into its own folder stays unloaded.
 * The second instance scans its folder only at start (and hourly): what reaches it within seconds is the first
 * instance's announcement ({@code PluginJarsChanged}).
 */
class PluginJarsAcrossInstancesIntegrationTests extends PluginAdminTestSupport {

    static final String SITE_KEY = "it-jars-across-key";
    static final JdkSigning.Key TRUSTED = PluginSigningIntegrationTests.key("trusted", "CN=Across,O=Tests");

    static ConfigurableApplicationContext other;
    static Path otherPlugins;
    static int otherPort;

    @Autowired
    TenantService tenants;

    @BeforeAll
    static void startAnotherInstance() throws Exception {
        otherPlugins = Files.createTempDirectory("other-instance-plugins");
        try (Stream<Path> jars = Files.list(PLUGINS_DIR)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                // Its built-ins, signed by the key it trusts.
                Files.copy(jar, otherPlugins.resolve(jar.getFileName()));
                JdkSigning.sign(otherPlugins.resolve(jar.getFileName()), TRUSTED);
            }
        }
        other = CellarDoorApplication.start(Command.parse(new String[] {
            "serve",
            "--port",
            "0",
            "--cellardoor.plugins.dir=" + otherPlugins,
            "--cellardoor.plugins.allow-unsigned=false",
            "--cellardoor.plugins.trusted-signers=" + TRUSTED.certificate(),
            "--cellardoor.plugins.scan-interval=1h",
            "--cellardoor.privacy.purge-enabled=false",
            "--cellardoor.ratelimit.admin-requests-per-minute=1000000",
            "--cellardoor.ratelimit.address-requests-per-minute=1000000"
        }));
        otherPort = Integer.parseInt(other.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @AfterAll
    static void stopIt() {
        if (other != null) {
            other.close();
        }
    }

    @BeforeEach
    void site() {
        long org = tenants.ensureOrg("it-jars-across", "Jars across instances");
        tenants.ensureSite(org, SITE_KEY, "Jars site");
    }

    @Test
    void anUploadServesOnTheOtherInstanceWithinSecondsAndARemovalIsGoneThereToo() throws Exception {
        String id = PluginsPerOrgIntegrationTests.unique("across");
        assertThat(domainOnOther(id)).isNotEqualTo(id);

        byte[] jar = Files.readAllBytes(signedJar(id, "1.0.0"));
        Instant uploaded = Instant.now();
        ok(upload("platform-admin", id + ".jar", jar));
        await(() -> domainOnOther(id).equals(id));
        Duration served = Duration.between(uploaded, Instant.now());
        assertThat(served).as("announced, not found by the hourly scan").isLessThan(Duration.ofSeconds(5));
        assertThat(asOwner()
                        .sql("SELECT sha256 FROM plugin_jar WHERE plugin_id = ? AND content IS NOT NULL")
                        .param(id)
                        .query(String.class)
                        .optional())
                .isPresent();

        // Removed on this instance: gone on the other, and a jar of it in the other's own folder stays unloaded.
        assertThat(admin("DELETE", "/api/v1/admin/plugins/" + id, "platform-admin")
                        .statusCode())
                .isEqualTo(204);
        await(() -> !domainOnOther(id).equals(id));
        Path dropped = otherPlugins.resolve(id + "-dropped.jar");
        Files.copy(signedJar(id, "1.0.1"), dropped);
        other.publishEvent(new PluginJarsChanged(id)); // a scan of its folder now, rather than in an hour
        JsonNode refused = awaitValue(() -> jarsOnOther()
                .path("refused")
                .valueStream()
                .filter(j ->
                        j.path("file").asString().equals(dropped.getFileName().toString()))
                .findFirst()
                .orElse(null));
        assertThat(refused.path("reason").asString()).contains("was removed by platform-admin");
        assertThat(domainOnOther(id)).isNotEqualTo(id);

        // Uploaded again: back everywhere, the database's jar in place of the dropped one.
        ok(upload("platform-admin", id + ".jar", Files.readAllBytes(signedJar(id, "2.0.0"))));
        await(() -> domainOnOther(id).equals(id));
        assertThat(jarsOnOther()
                        .path("stored")
                        .valueStream()
                        .filter(j -> j.path("pluginId").asString().equals(id))
                        .findFirst()
                        .orElseThrow()
                        .path("version")
                        .asString())
                .isEqualTo("2.0.0");
        assertThat(admin("DELETE", "/api/v1/admin/plugins/" + id, "platform-admin")
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void theOtherInstanceChecksTheSignatureItselfAndRefusesAnUnsignedUpload() throws Exception {
        String id = PluginsPerOrgIntegrationTests.unique("unsignedacross");
        Path unsigned = PluginSigningIntegrationTests.jar(id);
        ok(upload("platform-admin", id + ".jar", Files.readAllBytes(unsigned)));
        assertThat(ask(SITE_KEY, "about " + id + " please").path("domain").asString())
                .as("this instance allows unsigned jars")
                .isEqualTo(id);
        JsonNode refused = awaitValue(() -> jarsOnOther()
                .path("refused")
                .valueStream()
                .filter(j -> j.path("file").asString().equals(id + ".jar (uploaded)"))
                .findFirst()
                .orElse(null));
        assertThat(refused.path("reason").asString()).startsWith("it is not signed");
        assertThat(domainOnOther(id)).isNotEqualTo(id);
        assertThat(admin("DELETE", "/api/v1/admin/plugins/" + id, "platform-admin")
                        .statusCode())
                .isEqualTo(204);
        await(() -> jarsOnOther()
                .path("refused")
                .valueStream()
                .noneMatch(j -> j.path("file").asString().equals(id + ".jar (uploaded)")));
    }

    private static Path signedJar(String id, String version) throws Exception {
        Path jar = TestPluginJar.build(
                id,
                version,
                ">=1.2.0 & <2.0.0",
                "test.claims.ClaimsPlugin",
                PluginRemovalAndConflictsIntegrationTests.source(id, 100, id),
                Files.createTempDirectory("across-jar").resolve(id + ".jar"));
        return JdkSigning.sign(jar, TRUSTED);
    }

    private String domainOnOther(String id) {
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + otherPort + "/api/v1/chat"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                json.writeValueAsString(Map.of("message", "tell me about " + id)))),
                SITE_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("domain").asString();
    }

    private JsonNode jarsOnOther() {
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + otherPort + "/api/v1/admin/plugins/jars"))
                        .header("Authorization", "Bearer " + token("platform-admin"))
                        .GET(),
                null);
        return ok(response);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        awaitValue(() -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    private static <T> T awaitValue(java.util.function.Supplier<T> value) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            T v = value.get();
            if (v != null) {
                return v;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within 20 s");
    }
}

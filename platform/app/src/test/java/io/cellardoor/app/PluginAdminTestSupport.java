package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.tenant.TenantService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@link AdminApiTestSupport} with the helpers of the plugin admin tests: jar uploads, the listing, the folder. The demo
 * users' org ({@code demo}, where platform admins' changes are audited) exists.
 */
abstract class PluginAdminTestSupport extends AdminApiTestSupport {

    @Autowired
    TenantService tenantService;

    @BeforeEach
    void demoOrgExists() {
        tenantService.ensureOrg("demo", "Demo Vineyard");
    }

    /** A chat question with a site key; expects 200. */
    JsonNode ask(String siteKey, String question) {
        HttpResponse<String> response = chat(siteKey, question, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The row of a plugin in {@code GET /api/v1/admin/plugins} as a user sees it. */
    JsonNode pluginRow(String user, String pluginId) {
        for (JsonNode p : ok(admin("GET", "/api/v1/admin/plugins", user))) {
            if (p.path("pluginId").asString().equals(pluginId)) {
                return p;
            }
        }
        throw new AssertionError("plugin " + pluginId + " not listed");
    }

    /** Uploads a file as multipart/form-data part {@code file}. */
    HttpResponse<String> upload(String user, String fileName, byte[] content) {
        String boundary = "----cellardoor" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(
                HttpRequest.newBuilder(uri("/api/v1/admin/plugins"))
                        .header("Authorization", "Bearer " + token(user))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
                null);
    }

    /** A plugin jar built from one source file, as bytes to upload. */
    static byte[] pluginJar(String id, String version, String requires, String className, String source)
            throws IOException {
        Path jar = TestPluginJar.build(
                id,
                version,
                requires,
                className,
                source,
                Files.createTempDirectory("upload").resolve(id + ".jar"));
        return Files.readAllBytes(jar);
    }

    /** The jar file names in this server's plugins folder, sorted. */
    List<String> pluginsFolder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(environment.getRequiredProperty("cellardoor.plugins.dir")))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }
}

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.plugin.PluginDomains;
import io.cellardoor.plugin.api.PluginApi;
import io.cellardoor.tenant.TenantService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What {@code docs/writing-a-plugin.md} teaches works from the page alone: its pom and sources, copied into a folder
 * outside the repository and built with Maven as the page says (the repository's wrapper, offline, against the plugin
 * API artifacts this build made, laid out as {@code ./mvnw install} lays them out in a local repository), give a jar
 * that a platform admin uploads to the running server; questions about dining are then routed to it, and the folder it
 * shares with the merchandise plugin is reported.
 */
class WritingAPluginGuideIntegrationTests extends PluginAdminTestSupport {

    static final Path GUIDE = REPO.resolve("docs/writing-a-plugin.md");
    /** A fenced block preceded by {@code <!-- file: PATH -->}: a file of the example plugin's project. */
    static final Pattern FILE = Pattern.compile("<!-- file: (\\S+) -->\\n```\\w*\\n(.*?)\\n```", Pattern.DOTALL);
    /** The build command the page gives. */
    static final List<String> BUILD = List.of("-B", "package");

    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    PluginDomains domains;

    boolean uploaded;

    @AfterEach
    void removeThePlugin() {
        if (uploaded) {
            admin("DELETE", "/api/v1/admin/plugins/dining", "platform-admin");
        }
    }

    @Test
    void thePluginThePageTeachesBuildsOutsideTheRepositoryLoadsAndIsRoutedTo() throws Exception {
        String guide = Files.readString(GUIDE);
        assertThat(guide).contains("mvn " + String.join(" ", BUILD));
        Path project = Files.createTempDirectory("dining-plugin");
        assertThat(project.startsWith(REPO)).as("built outside the repository").isFalse();
        Map<String, String> files = new LinkedHashMap<>();
        Matcher file = FILE.matcher(guide);
        while (file.find()) {
            files.put(file.group(1), file.group(2));
            Path target = project.resolve(file.group(1));
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.group(2) + "\n");
        }
        assertThat(files)
                .containsOnlyKeys(
                        "pom.xml",
                        "src/main/java/com/example/dining/DiningPlugin.java",
                        "src/main/java/com/example/dining/DiningHandler.java",
                        "src/test/java/com/example/dining/DiningPluginTests.java");
        assertThat(files.get("pom.xml")).contains("<cellardoor-plugin-api.version>" + PluginApi.VERSION + "<");

        Path jar = build(project, localRepositoryWithTheApi()).resolve("target/dining-plugin-1.0.0.jar");
        try (JarFile built = new JarFile(jar.toFile())) {
            assertThat(built.getEntry("META-INF/extensions.idx"))
                    .as("PF4J's index")
                    .isNotNull();
            Attributes manifest = built.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Plugin-Id")).isEqualTo("dining");
            assertThat(manifest.getValue("Plugin-Requires")).isEqualTo(">=1.2.0 & <2.0.0");
            assertThat(built.getEntry("com/example/dining/DiningPlugin.class")).isNotNull();
        }

        JsonNode result = ok(upload("platform-admin", jar.getFileName().toString(), Files.readAllBytes(jar)));
        uploaded = true;
        assertThat(result.path("pluginId").asString()).isEqualTo("dining");
        assertThat(result.path("domains").toString()).isEqualTo("[\"dining\"]");
        JsonNode conflict = result.path("conflicts").get(0);
        assertThat(conflict.path("folder").asString()).isEqualTo("menu");
        assertThat(conflict.path("owner").asString()).isEqualTo("dining");
        assertThat(conflict.path("claims").findValuesAsString("domain")).containsExactly("dining", "merchandise");

        long org = tenants.ensureOrg("it-dining", "Dining");
        tenants.ensureSite(org, "it-dining-key", "Dining site");
        Path knowledge = Files.createTempDirectory("dining-kb");
        Files.createDirectories(knowledge.resolve("restaurant"));
        Files.createDirectories(knowledge.resolve("menu"));
        Files.writeString(
                knowledge.resolve("restaurant/hours.md"),
                "# Restaurant hours\n\n- Lunch: Saturday and Sunday, noon to 3 PM\n"
                        + "- Dinner: Thursday to Sunday, 5 PM to 9 PM\n");
        Files.writeString(
                knowledge.resolve("menu/dinner.md"), "# Dinner menu\n\n## Mains\n\nRoast duck with cherries, $28.\n");
        importer.importFolder(org, knowledge, l -> {});

        JsonNode hours = ask("it-dining-key", "When is dinner served at the restaurant?");
        assertThat(hours.path("domain").asString()).isEqualTo("dining");
        assertThat(hours.path("answer").asString()).isEqualTo("Dinner: Thursday to Sunday, 5 PM to 9 PM.");
        assertThat(hours.path("citations").get(0).path("path").asString()).isEqualTo("restaurant/hours.md");
        assertThat(hours.path("citations").get(0).path("domain").asString()).isEqualTo("dining");
        JsonNode menu = ask("it-dining-key", "What's on the dinner menu?");
        assertThat(menu.path("domain").asString()).isEqualTo("dining");
        assertThat(domains.domainOfFolder("menu")).isEqualTo("dining");

        assertThat(admin("DELETE", "/api/v1/admin/plugins/dining", "platform-admin")
                        .statusCode())
                .isEqualTo(204);
        uploaded = false;
        assertThat(domains.domainOfFolder("menu")).isEqualTo("merchandise");
        assertThat(ask("it-dining-key", "When is dinner served at the restaurant?")
                        .path("domain")
                        .asString())
                .isNotEqualTo("dining");
    }

    /**
     * A local Maven repository holding the plugin API's jar, test jar and standalone pom from this build, at the
     * coordinates {@code ./mvnw install} gives them; everything else (PF4J, JUnit, Maven's plugins) is read from the
     * build's own local repository, never downloaded.
     */
    static Path localRepositoryWithTheApi() throws IOException {
        Path built = REPO.resolve("platform/plugin-api/target");
        String name = "cellardoor-plugin-api-" + PluginApi.VERSION;
        Path jar = built.resolve(name + ".jar");
        assertThat(jar).as("the plugin API built first (./mvnw package)").exists();
        try (JarFile api = new JarFile(jar.toFile())) {
            assertThat(api.getManifest().getMainAttributes().getValue("Implementation-Version"))
                    .as("the API jar's version")
                    .isEqualTo(PluginApi.VERSION);
        }
        Path repo = Files.createTempDirectory("m2-plugin-api");
        Path dir = Files.createDirectories(repo.resolve("io/cellardoor/cellardoor-plugin-api/" + PluginApi.VERSION));
        Files.copy(jar, dir.resolve(name + ".jar"));
        Files.copy(built.resolve(name + "-tests.jar"), dir.resolve(name + "-tests.jar"));
        Files.copy(built.resolve("flattened-pom.xml"), dir.resolve(name + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        return repo;
    }

    /** Runs the page's build command with the repository's Maven wrapper in the project folder; returns the folder. */
    static Path build(Path project, Path repo) throws IOException, InterruptedException {
        List<String> tails = new ArrayList<>();
        for (String key : List.of("cellardoor.maven.repo.local", "cellardoor.maven.repo.local.tail")) {
            String value = System.getProperty(key, "");
            if (!value.isBlank() && !value.startsWith("${")) {
                tails.add(value);
            }
        }
        if (tails.isEmpty()) {
            tails.add(Path.of(System.getProperty("user.home"), ".m2", "repository")
                    .toString());
        }
        List<String> command = new ArrayList<>(List.of(REPO.resolve("mvnw").toString(), "-o", "-ntp"));
        command.addAll(BUILD);
        command.add("-Dmaven.repo.local=" + repo);
        command.add("-Dmaven.repo.local.tail=" + String.join(",", tails));
        Path log = project.resolve("build.log");
        ProcessBuilder maven = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        maven.environment().remove("MAVEN_ARGS");
        maven.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = maven.start();
        if (!process.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the guide's build took over " + BUILD_TIMEOUT + "; log " + log);
        }
        String output = Files.readString(log);
        assertThat(process.exitValue())
                .as("%s failed:%n%s", String.join(" ", command), output)
                .isZero();
        assertThat(output).contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0");
        return project;
    }
}

package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/Dockerfile} read instruction by instruction and held against the jar the build just packaged (no
 * container engine runs here and base images cannot be pulled): the layers it copies are the jar's
 * {@code BOOT-INF/layers.idx} layers in their order, the documented {@code jarmode=tools extract --layers} layout holds
 * the jar the entry point runs with every library its manifest names, and the runtime stage is a JRE 21+ image, runs
 * as a numeric non-root user, checks readiness, keeps plugins on a volume and carries no secret. Run by Failsafe after
 * {@code package}.
 */
class DockerfileTests {

    static final Path REPO = IntegrationTestSupport.REPO;
    static final Path JAR = REPO.resolve("platform/app/target/cellardoor.jar");

    /** One instruction: its keyword (upper case), its arguments (continuations joined), its stage (0-based). */
    record Instruction(String keyword, String args, int stage) {}

    static List<Instruction> instructions;
    static Map<String, String> globalArgs;

    @TempDir
    static Path extracted;

    @BeforeAll
    static void parse() throws IOException {
        instructions = parse(Files.readAllLines(REPO.resolve("deploy/Dockerfile")));
        globalArgs = new HashMap<>();
        for (Instruction i : instructions) {
            if (i.stage() >= 0) {
                break;
            }
            if (i.keyword().equals("ARG") && i.args().contains("=")) {
                String[] kv = i.args().split("=", 2);
                globalArgs.put(kv[0].trim(), kv[1].trim());
            }
        }
    }

    /**
     * Dockerfile syntax as the reference parser reads it: a parser directive only on the first lines, {@code #} comment
     * lines, a trailing backslash continues the line, and a line is {@code INSTRUCTION arguments}. Instructions before the
     * first FROM have stage -1. Unknown instructions fail.
     */
    static List<Instruction> parse(List<String> lines) {
        List<String> known = List.of(
                "FROM",
                "RUN",
                "CMD",
                "LABEL",
                "EXPOSE",
                "ENV",
                "ADD",
                "COPY",
                "ENTRYPOINT",
                "VOLUME",
                "USER",
                "WORKDIR",
                "ARG",
                "ONBUILD",
                "STOPSIGNAL",
                "HEALTHCHECK",
                "SHELL");
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int stage = -1;
        for (String raw : lines) {
            String line = raw.strip();
            if (current.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (!current.isEmpty() && line.startsWith("#")) {
                continue; // comment lines inside a continued instruction are dropped
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String text = current.toString().strip();
            current.setLength(0);
            String[] parts = text.split("\\s+", 2);
            String keyword = parts[0].toUpperCase();
            assertThat(known).as("instruction in: " + text).contains(keyword);
            if (keyword.equals("FROM")) {
                stage++;
            }
            out.add(new Instruction(keyword, parts.length > 1 ? parts[1].strip() : "", stage));
        }
        assertThat(current).as("no dangling continuation").isEmpty();
        return out;
    }

    static int lastStage() {
        return instructions.getLast().stage();
    }

    static List<Instruction> inStage(int stage, String keyword) {
        return instructions.stream()
                .filter(i -> i.stage() == stage && i.keyword().equals(keyword))
                .toList();
    }

    static String resolve(String value) {
        Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(value);
        return m.replaceAll(r -> Matcher.quoteReplacement(globalArgs.getOrDefault(r.group(1), r.group())));
    }

    static List<String> layersIndex() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile());
                InputStream in = jar.getInputStream(jar.getEntry("BOOT-INF/layers.idx"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> l.startsWith("- "))
                    .map(l -> l.substring(2).replace("\"", "").replace(":", ""))
                    .toList();
        }
    }

    @Test
    void buildsWithTheMavenWrapperAndRunsOnAJre21OrNewer() {
        assertThat(lastStage()).as("multi-stage").isGreaterThanOrEqualTo(1);
        assertThat(instructions)
                .filteredOn(i -> i.stage() < lastStage() && i.keyword().equals("RUN"))
                .anySatisfy(i -> assertThat(i.args()).contains("./mvnw").contains("install"));
        String runtime = resolve(inStage(lastStage(), "FROM").getFirst().args());
        assertThat(runtime).contains("jre");
        Matcher version = Pattern.compile(":(\\d+)").matcher(runtime);
        assertThat(version.find()).as(runtime).isTrue();
        assertThat(Integer.parseInt(version.group(1))).isGreaterThanOrEqualTo(21);
        assertThat(instructions)
                .filteredOn(i -> i.stage() < lastStage() && i.keyword().equals("RUN"))
                .anySatisfy(
                        i -> assertThat(i.args()).contains("-Djarmode=tools").contains("extract --layers"));
    }

    @Test
    void copiesExactlyTheJarsLayersInTheirOrder() throws IOException {
        List<String> layers = layersIndex();
        assertThat(layers)
                .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        List<String> copied = new ArrayList<>();
        Pattern layerCopy = Pattern.compile("--from=\\w+\\s+/out/app/([\\w-]+)/\\s+\\./");
        for (Instruction copy : inStage(lastStage(), "COPY")) {
            Matcher m = layerCopy.matcher(copy.args());
            if (m.find()) {
                copied.add(m.group(1));
            }
        }
        assertThat(copied).isEqualTo(layers);
    }

    @Test
    void theExtractedLayersHoldTheJarTheEntryPointRunsWithAllItsLibraries() throws Exception {
        Process extract = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djarmode=tools",
                        "-jar",
                        JAR.toString(),
                        "extract",
                        "--layers",
                        "--destination",
                        extracted.resolve("app").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(extract.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(extract.exitValue()).as(output).isZero();

        // The image copies every layer folder into one WORKDIR; the entry point runs <WORKDIR>/cellardoor.jar.
        Path app = extracted.resolve("app");
        Map<String, Path> merged = new LinkedHashMap<>();
        for (String layer : layersIndex()) {
            try (Stream<Path> files = Files.walk(app.resolve(layer))) {
                files.filter(Files::isRegularFile)
                        .forEach(f -> assertThat(merged.put(
                                        app.resolve(layer).relativize(f).toString(), f))
                                .as("two layers write " + f)
                                .isNull());
            }
        }
        String entrypoint = Files.readString(REPO.resolve("deploy/docker/entrypoint.sh"));
        Matcher jarArg = Pattern.compile("-jar\\s+(\\S+)").matcher(entrypoint);
        assertThat(jarArg.find()).isTrue();
        String workdir = inStage(lastStage(), "WORKDIR").getLast().args();
        assertThat(jarArg.group(1)).startsWith(workdir + "/");
        String jarName = jarArg.group(1).substring(workdir.length() + 1);
        assertThat(merged).containsKey(jarName);
        try (JarFile jar = new JarFile(merged.get(jarName).toFile())) {
            Manifest manifest = jar.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(CellarDoorApplication.class.getName());
            List<String> classPath = Arrays.asList(
                    manifest.getMainAttributes().getValue("Class-Path").split(" "));
            assertThat(classPath).hasSizeGreaterThan(100);
            assertThat(merged.keySet()).containsAll(classPath);
        }
    }

    @Test
    void runsAsANumericNonRootUserWithAReadinessHealthCheck() throws IOException {
        List<Instruction> users = inStage(lastStage(), "USER");
        assertThat(users).isNotEmpty();
        String user = users.getLast().args();
        assertThat(user).matches("\\d+(:\\d+)?");
        assertThat(Integer.parseInt(user.split(":")[0])).isPositive();
        int userIndex = instructions.indexOf(users.getLast());
        assertThat(instructions.subList(userIndex + 1, instructions.size()))
                .extracting(Instruction::keyword)
                .doesNotContain("RUN", "USER");

        List<Instruction> checks = inStage(lastStage(), "HEALTHCHECK");
        assertThat(checks).hasSize(1);
        Matcher script = Pattern.compile("CMD\\s+\\[\"([^\"]+)\"")
                .matcher(checks.getFirst().args());
        assertThat(script.find()).isTrue();
        assertThat(inStage(lastStage(), "COPY"))
                .anySatisfy(c -> assertThat(c.args()).contains("deploy/docker/healthcheck.sh"));
        assertThat(script.group(1)).endsWith("/healthcheck.sh");
        assertThat(Files.readString(REPO.resolve("deploy/docker/healthcheck.sh")))
                .contains("/actuator/health/readiness");
    }

    @Test
    void keepsThePluginsFolderOnAVolumeAndBakesInNoSecret() {
        String env = String.join(
                " ", inStage(lastStage(), "ENV").stream().map(Instruction::args).toList());
        Matcher dir = Pattern.compile("CELLARDOOR_PLUGINS_DIR=(\\S+)").matcher(env);
        assertThat(dir.find()).isTrue();
        assertThat(inStage(lastStage(), "VOLUME"))
                .anySatisfy(v -> assertThat(v.args()).contains("\"" + dir.group(1) + "\""));

        Pattern secret = Pattern.compile("(?i)(PASSWORD|SECRET|API_KEY|TOKEN|PRIVATE)");
        for (Instruction i : instructions) {
            if (i.keyword().equals("ENV")
                    || i.keyword().equals("ARG")
                    || i.keyword().equals("LABEL")) {
                assertThat(i.args()).as(i.toString()).doesNotContainPattern(secret);
            }
        }
    }

    @Test
    void theBuildContextLeavesOutBuildOutputAndLocalState() throws IOException {
        List<String> ignored = Files.readAllLines(REPO.resolve(".dockerignore")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertThat(ignored).contains(".git", ".local", "**/target", "**/node_modules");
        assertThat(ignored)
                .as("what the build needs (every module's pom, the wrapper)")
                .doesNotContain(
                        "mvnw", ".mvn", "pom.xml", "platform", "plugins", "sql", "widget", "bench", "e2e-tests");
        for (Instruction copy : inStage(lastStage(), "COPY")) {
            if (!copy.args().startsWith("--from")) {
                String[] sources = copy.args().split("\\s+");
                for (String source : Arrays.copyOf(sources, sources.length - 1)) {
                    assertThat(REPO.resolve(source)).as(copy.toString()).isExecutable();
                }
            }
        }
    }
}

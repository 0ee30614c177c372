package io.cellardoor.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real class files compiled from source, checked by the policy the host applies before loading a plugin jar. */
class PluginCodePolicyTests {

    @TempDir
    Path dir;

    private final PluginCodePolicy policy = new PluginCodePolicy(List.of());

    /** A plugin of the usual shape: lambdas, records, enums, switches, streams, regex, text, time, logging. */
    @Test
    void aPluginWrittenAgainstItsContextIsAccepted() throws Exception {
        Path jar = jar("""
                package ok;
                import io.cellardoor.plugin.api.*;
                import java.util.*;
                import java.util.regex.Pattern;
                import java.util.stream.Collectors;
                import org.pf4j.Extension;
                import org.slf4j.LoggerFactory;

                @Extension
                public class Good implements DomainPlugin {
                    enum Kind { RED, WHITE }
                    record Row(String name, int price) {}
                    private static final Pattern P = Pattern.compile("\\\\bwine\\\\b");
                    public DomainDescriptor descriptor() {
                        return new DomainDescriptor("good", "Good", List.of("good"), List.of());
                    }
                    public QueryClassifier classifier() {
                        return KeywordClassifier.builder().rule("\\\\bgood\\\\b", 0.9, "good").build();
                    }
                    public DomainHandler handler() {
                        return (query, context) -> {
                            LoggerFactory.getLogger(Good.class).debug("asked {}", query.text());
                            String kind = switch (Kind.valueOf("RED")) { case RED -> "red"; case WHITE -> "white"; };
                            List<Row> rows = context.passages().stream().map(p -> new Row(p.title(), 1)).toList();
                            String names = rows.stream().map(Row::name).collect(Collectors.joining(", "));
                            try { Thread.sleep(1); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                            return HandlerResult.retrieve(RetrievalPlan.defaults(kind.length() + names.length()));
                        };
                    }
                }
                """);

        PluginCodePolicy.Verdict verdict = policy.check(jar);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.reason()).isEmpty();
    }

    @Test
    void reachingTheDatabaseIsRefused() throws Exception {
        assertThat(violations("""
                        Object run() throws Exception {
                            return java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1/cellardoor", "u", "p");
                        }
                        """))
                .anyMatch(v -> v.equals("x.Probe uses java.sql.DriverManager"))
                .anyMatch(v -> v.equals("x.Probe uses java.sql.Connection"));
        assertThat(violations("Object run() { return new org.postgresql.Driver(); }"))
                .containsExactly("x.Probe uses org.postgresql.Driver");
    }

    @Test
    void readingSecretsFromTheEnvironmentOrSystemPropertiesIsRefused() throws Exception {
        assertThat(violations("Object run() { return System.getenv(\"CELLARDOOR_DB_PASSWORD\"); }"))
                .containsExactly("x.Probe calls java.lang.System.getenv");
        assertThat(violations("Object run() { return System.getProperty(\"spring.datasource.password\"); }"))
                .containsExactly("x.Probe calls java.lang.System.getProperty");
        // a method reference is a method handle constant, checked like a call
        assertThat(violations("java.util.function.Function<String, String> run() { return System::getenv; }"))
                .contains("x.Probe calls java.lang.System.getenv");
        assertThat(violations("""
                        Object run() throws Exception {
                            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/environ"));
                        }
                        """)).contains("x.Probe uses java.nio.file.Files", "x.Probe uses java.nio.file.Path");
        assertThat(violations("Object run() throws Exception { return new java.io.PrintWriter(\"/tmp/leak\"); }"))
                .containsExactly("x.Probe opens a file by name with new java.io.PrintWriter(String...)");
    }

    @Test
    void reflectionAndTheHostsClassesAreRefused() throws Exception {
        assertThat(violations("Object run() throws Exception { return Class.forName(\"org.postgresql.Driver\"); }"))
                .containsExactly("x.Probe calls java.lang.Class.forName");
        assertThat(violations("Object run() { return java.lang.invoke.MethodHandles.lookup(); }"))
                .containsExactly("x.Probe calls java.lang.invoke.MethodHandles.lookup");
        assertThat(violations("Object run() { return getClass().getClassLoader(); }"))
                .contains("x.Probe calls java.lang.Class.getClassLoader", "x.Probe uses java.lang.ClassLoader");
        assertThat(violations("Object run() throws Exception { return getClass().getDeclaredMethods(); }"))
                .contains("x.Probe uses java.lang.reflect.Method");
        assertThat(violations("Object run() { return (io.cellardoor.retrieval.HybridRetriever) null; }"))
                .containsExactly("x.Probe uses io.cellardoor.retrieval.HybridRetriever");
        assertThat(violations("Object run() { return (org.springframework.context.ApplicationContext) null; }"))
                .containsExactly("x.Probe uses org.springframework.context.ApplicationContext");
    }

    @Test
    void makingThreadsOrProcessesIsRefused() throws Exception {
        assertThat(violations("Object run() { Thread t = new Thread(() -> {}); t.start(); return t; }"))
                .contains("x.Probe calls java.lang.Thread.<init>", "x.Probe calls java.lang.Thread.start");
        assertThat(violations("Object run() { return Thread.ofVirtual().start(() -> {}); }"))
                .contains(
                        "x.Probe calls java.lang.Thread.ofVirtual", "x.Probe uses java.lang.Thread$Builder$OfVirtual");
        assertThat(violations("Object run() { return java.util.concurrent.Executors.newFixedThreadPool(64); }"))
                .contains("x.Probe uses java.util.concurrent.Executors");
        assertThat(violations(
                        "Object run() throws Exception { return Runtime.getRuntime().exec(new String[] {\"id\"}); }"))
                .contains("x.Probe calls java.lang.Runtime.exec", "x.Probe uses java.lang.Process");
        assertThat(violations("Object run() { return Runtime.getRuntime().availableProcessors(); }"))
                .isEmpty();
    }

    @Test
    void anOperatorMayAllowMorePackages() throws Exception {
        Path jar = jar(probe("Object run() { return java.net.http.HttpClient.newHttpClient(); }"));

        assertThat(policy.check(jar).violations()).contains("x.Probe uses java.net.http.HttpClient");
        assertThat(new PluginCodePolicy(List.of("java.net.http")).check(jar).violations())
                .isEmpty();
    }

    @Test
    void theReasonNamesTheFirstViolationsAndCountsTheRest() throws Exception {
        PluginCodePolicy.Verdict verdict = policy.check(jar(probe("""
                Object run() throws Exception {
                    System.getenv(); System.getProperties(); System.exit(1); Runtime.getRuntime().halt(1);
                    Class.forName("a"); new java.io.File("b"); return null;
                }
                """)));

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.violations()).hasSize(6);
        assertThat(verdict.reason())
                .startsWith("its code reaches past the plugin API: x.Probe calls java.lang.Class.forName; ")
                .contains("; and 1 more.")
                .contains("PluginContext");
    }

    @Test
    void aJarWithAClassFileThatDoesNotParseIsRefused() throws Exception {
        Path jar = dir.resolve("broken.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("x/Broken.class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0});
            out.closeEntry();
        }

        assertThat(policy.check(jar).violations())
                .singleElement()
                .asString()
                .startsWith("x/Broken.class is not a class");
    }

    private List<String> violations(String member) throws IOException {
        return policy.check(jar(probe(member))).violations();
    }

    private static String probe(String member) {
        return "package x;\npublic class Probe {\n" + member + "\n}\n";
    }

    /** Compiles one source file (its class name read from it) with the test class path and packs it in a jar. */
    private Path jar(String source) throws IOException {
        String pkg = source.substring(source.indexOf("package ") + 8, source.indexOf(';'));
        int classAt = source.indexOf("public class ") + 13;
        String cls = source.substring(classAt, source.indexOf(' ', classAt));
        Path work = Files.createTempDirectory(dir, "src");
        Path src = work.resolve(pkg + "/" + cls + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "-d",
                        classes.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "--release",
                        "21",
                        "-proc:none",
                        "-Xlint:-options",
                        src.toString());
        assertThat(rc).as("compiles").isZero();
        Path jar = work.resolve("probe.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}

package io.cellardoor.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds a real PF4J plugin jar from Java source inside a test: compile (with PF4J's index processor) and package. */
final class TestPluginJar {

    private TestPluginJar() {}

    /**
     * @param pluginId the {@code Plugin-Id}
     * @param requires the {@code Plugin-Requires} range
     * @param className fully-qualified class name of the single source file
     * @param source its Java source, with an {@code @Extension} implementing DomainPlugin
     * @param target where to write the jar (written to a temp name first, then moved in one step)
     */
    static Path build(String pluginId, String requires, String className, String source, Path target)
            throws IOException {
        return build(pluginId, "0.0.1", requires, className, source, target);
    }

    /** As {@link #build(String, String, String, String, Path)}, with a {@code Plugin-Version}. */
    static Path build(String pluginId, String version, String requires, String className, String source, Path target)
            throws IOException {
        Path work = Files.createTempDirectory("plugin-src");
        Path src = work.resolve("src/" + className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(
                null,
                null,
                null,
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "--release",
                "21",
                "-proc:full",
                src.toString());
        if (rc != 0) {
            throw new IllegalStateException("test plugin did not compile");
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", pluginId);
        main.putValue("Plugin-Version", version);
        main.putValue("Plugin-Requires", requires);
        main.putValue("Plugin-Provider", "tests");
        Path tmp = Files.createTempFile(work, pluginId, ".jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(tmp), manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
        List<String> entries = listEntries(tmp);
        if (!entries.contains("META-INF/extensions.idx")) {
            throw new IllegalStateException("PF4J's annotation processor wrote no extensions.idx: " + entries);
        }
        return Files.move(tmp, target);
    }

    private static List<String> listEntries(Path jar) throws IOException {
        try (var file = new java.util.jar.JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).toList();
        }
    }
}

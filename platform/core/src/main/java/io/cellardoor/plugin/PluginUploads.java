package io.cellardoor.plugin;

import io.cellardoor.audit.AuditLog;
import io.cellardoor.web.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Installs a plugin jar uploaded by a platform admin (console or admin API) without a restart: the jar is written to
 * a staging folder inside the plugins folder, checked (a zip with a PF4J descriptor naming {@code Plugin-Id} and
 * {@code Plugin-Version}, a {@code Plugin-Requires} range that includes this host's plugin API, PF4J's
 * {@code META-INF/extensions.idx}, a trusted signature unless unsigned jars are allowed, and code that stays within
 * the plugin API, {@link PluginCodePolicy}), then moved into the
 * plugins folder in one atomic step and loaded at once by {@link PluginLoader#install}. A jar with the id of a loaded
 * plugin replaces it. With the database store ({@code cellardoor.plugins.store}, the default) the loaded jar is kept
 * in PostgreSQL and every other instance loads it within seconds, checking its signature itself. Refusals are 400
 * problems and leave the plugins folder (and the database) as they were.
 */
@Service
public class PluginUploads {

    /** Largest jar accepted, in bytes. */
    public static final long MAX_JAR_BYTES = 32L * 1024 * 1024;

    private static final Pattern PLUGIN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String STAGING = ".uploads";

    private final PluginLoader loader;
    private final PluginDomains domains;
    private final PluginSignatures signatures;
    private final PluginCodePolicy codePolicy;
    private final PluginProperties properties;
    private final AuditLog audit;

    PluginUploads(
            PluginLoader loader,
            PluginDomains domains,
            PluginSignatures signatures,
            PluginCodePolicy codePolicy,
            PluginProperties properties,
            AuditLog audit) {
        this.loader = loader;
        this.domains = domains;
        this.signatures = signatures;
        this.codePolicy = codePolicy;
        this.properties = properties;
        this.audit = audit;
    }

    /**
     * Checks, installs and loads an uploaded jar.
     *
     * @param fileName the uploaded file's name, for messages and the audit log
     * @param jar the file's content (read once)
     * @param orgId the uploader's org, where the upload is audited
     * @param actor the uploader's username
     * @throws ApiProblem 400 {@code not-a-plugin-jar}, {@code plugin-incompatible}, {@code plugin-unsigned} (no
     *     trusted signature), {@code plugin-signature-invalid} (changed after signing) or {@code plugin-code-refused}
     *     (its code uses what plugins may not: {@link PluginCodePolicy}), 413 {@code plugin-too-large},
     *     422 {@code plugin-not-loaded} when PF4J could not start it (the jar is removed again)
     */
    public PluginUploadResult install(String fileName, InputStream jar, long orgId, String actor) {
        Path staged = null;
        try {
            Path staging =
                    Files.createDirectories(properties.dir().toAbsolutePath().resolve(STAGING));
            staged = Files.createTempFile(staging, "upload-", ".jar");
            long size;
            try (InputStream in = jar) {
                size = Files.copy(in, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            if (size > MAX_JAR_BYTES) {
                throw new ApiProblem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "plugin-too-large",
                        "Plugin jar too large",
                        fileName + " has " + size + " bytes; at most " + MAX_JAR_BYTES + " are accepted.");
            }
            PluginDescriptor descriptor = check(fileName, staged);
            String id = descriptor.getPluginId();
            boolean replacing = loader.isStarted(id);
            PluginLoader.LoadOutcome outcome = loader.install(staged, id, id + ".jar", actor);
            if (!outcome.loaded()) {
                throw new ApiProblem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "plugin-not-loaded",
                        "Plugin not loaded",
                        "Plugin " + id + " from " + fileName + " could not be started (" + outcome.problem()
                                + "); it was removed." + (replacing ? " The version it replaced was unloaded." : ""));
            }
            audit.record(
                    orgId,
                    actor,
                    "plugin.upload",
                    "plugin:" + id,
                    null,
                    id + " " + descriptor.getVersion() + " from " + fileName + ", domains " + outcome.domains());
            List<FolderConflict> conflicts = outcome.domains().stream()
                    .flatMap(d -> domains.conflictsOf(d).stream())
                    .distinct()
                    .toList();
            return new PluginUploadResult(
                    id, descriptor.getVersion(), id + ".jar", outcome.domains(), replacing, conflicts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (staged != null) {
                try {
                    Files.deleteIfExists(staged);
                } catch (IOException ignored) {
                    // a leftover in the staging folder is never loaded
                }
            }
        }
    }

    private PluginDescriptor check(String fileName, Path staged) {
        PluginDescriptor descriptor = checkContent(fileName, staged);
        PluginSignatures.Verdict signature = signatures.check(staged);
        if (!signature.accepted()) {
            throw ApiProblem.invalid(
                    "plugin-" + signature.problem(),
                    signature.problem().equals("unsigned")
                            ? "Plugin not signed by a trusted signer"
                            : "Plugin tampered",
                    "Plugin " + descriptor.getPluginId() + " from " + fileName + " is refused: " + signature.reason());
        }
        PluginCodePolicy.Verdict code = codePolicy.check(staged);
        if (!code.accepted()) {
            throw ApiProblem.invalid(
                    "plugin-code-refused",
                    "Plugin code reaches past the plugin API",
                    "Plugin " + descriptor.getPluginId() + " from " + fileName + " is refused: " + code.reason());
        }
        return descriptor;
    }

    private PluginDescriptor checkContent(String fileName, Path staged) {
        try (JarFile file = new JarFile(staged.toFile())) {
            ZipEntry index = file.getEntry("META-INF/extensions.idx");
            PluginDescriptor descriptor = descriptor(fileName, staged);
            if (index == null) {
                throw notAPlugin(fileName + " declares no extensions: it has no META-INF/extensions.idx, the index"
                        + " PF4J's annotation processor writes for @Extension classes. Most likely the processor did"
                        + " not run: on JDK 23 and later javac runs annotation processors only when asked, so build"
                        + " with -proc:full (Maven: <maven.compiler.proc>full</maven.compiler.proc>) and org.pf4j:pf4j"
                        + " on the compile classpath (scope provided). See docs/writing-a-plugin.md.");
            }
            if (index.getSize() == 0) {
                throw notAPlugin(fileName + " declares no extensions: its META-INF/extensions.idx is empty. Annotate"
                        + " the class implementing DomainPlugin with @org.pf4j.Extension (public, with a public"
                        + " no-argument constructor).");
            }
            String requires = descriptor.getRequires() == null ? "*" : descriptor.getRequires();
            if (!loader.supportsRequires(requires)) {
                throw ApiProblem.invalid(
                        "plugin-incompatible",
                        "Plugin incompatible",
                        "Plugin " + descriptor.getPluginId() + " requires plugin API " + requires
                                + "; this host provides " + io.cellardoor.plugin.api.PluginApi.VERSION + ".");
            }
            return descriptor;
        } catch (IOException e) {
            throw notAPlugin(fileName + " is not a jar (zip) file.");
        }
    }

    private static PluginDescriptor descriptor(String fileName, Path jar) {
        PluginDescriptorFinder finder = new CompoundPluginDescriptorFinder()
                .add(new PropertiesPluginDescriptorFinder())
                .add(new ManifestPluginDescriptorFinder());
        PluginDescriptor descriptor;
        try {
            descriptor = finder.find(jar);
        } catch (PluginRuntimeException e) {
            descriptor = null;
        }
        if (descriptor == null
                || descriptor.getPluginId() == null
                || descriptor.getPluginId().isBlank()) {
            throw notAPlugin(fileName
                    + " has no PF4J plugin descriptor (Plugin-Id in META-INF/MANIFEST.MF or plugin.properties).");
        }
        if (!PLUGIN_ID.matcher(descriptor.getPluginId()).matches()) {
            throw notAPlugin("Plugin-Id '" + descriptor.getPluginId() + "' must be letters, digits, '.', '_' or '-'.");
        }
        if (descriptor.getVersion() == null || descriptor.getVersion().isBlank()) {
            throw notAPlugin(fileName + " has no Plugin-Version.");
        }
        return descriptor;
    }

    private static ApiProblem notAPlugin(String detail) {
        return ApiProblem.invalid("not-a-plugin-jar", "Not a plugin jar", detail);
    }
}

package io.cellardoor.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Test keys and signed jars made with the JDK's own tools ({@code keytool}, {@code jarsigner}), as an author would (the
 * same helper as platform/core's tests of {@code PluginSignatures}).
 */
final class JdkSigning {

    static final String PASSWORD = "changeit";

    /** A PKCS#12 key store with one EC key pair and its self-signed certificate, exported as PEM. */
    record Key(Path keyStore, String alias, Path certificate) {}

    private JdkSigning() {}

    static Key newKey(Path dir, String alias, String subject) throws IOException, InterruptedException {
        Path store = dir.resolve(alias + ".p12");
        Path pem = dir.resolve(alias + ".pem");
        run(
                "keytool",
                "-genkeypair",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD,
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-sigalg",
                "SHA256withECDSA",
                "-validity",
                "3",
                "-dname",
                subject);
        run(
                "keytool",
                "-exportcert",
                "-rfc",
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-alias",
                alias,
                "-file",
                pem.toString());
        return new Key(store, alias, pem);
    }

    /** Signs a jar in place. */
    static Path sign(Path jar, Key key) throws IOException, InterruptedException {
        run("jarsigner", "-keystore", key.keyStore().toString(), "-storepass", PASSWORD, jar.toString(), key.alias());
        return jar;
    }

    /**
     * Rewrites a jar entry by entry (signature files included), letting {@code change} replace an entry's bytes, and
     * appending {@code extra} entries: what an attacker does to a signed jar.
     */
    static Path rewrite(Path jar, Path target, BiFunction<String, byte[], byte[]> change, List<String> extra)
            throws IOException {
        try (JarFile in = new JarFile(jar.toFile(), false);
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
            List<String> names = new ArrayList<>();
            for (JarEntry e : Collections.list(in.entries())) {
                names.add(e.getName());
                out.putNextEntry(new JarEntry(e.getName()));
                out.write(change.apply(e.getName(), in.getInputStream(e).readAllBytes()));
                out.closeEntry();
            }
            for (String name : extra) {
                out.putNextEntry(new JarEntry(name));
                out.write(new byte[] {1, 2, 3});
                out.closeEntry();
            }
        }
        return target;
    }

    private static void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}

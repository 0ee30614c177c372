package io.cellardoor.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks that a plugin jar is signed by a trusted signer ({@code cellardoor.plugins.trusted-signers}) before the host
 * loads it. Verification is the JDK's ({@link JarFile} with verification on): every entry is read, so an entry changed
 * after signing fails its digest; an entry without the signature of a trusted signer refuses the whole jar.
 *
 * <p>A signer is trusted when its certificate is one of the configured certificates, or its certificate chain (as
 * embedded in the jar, each certificate verified against the next one's key) reaches one or is issued by one.
 * Certificate expiry and revocation are not checked: trust is pinned to the configured certificates. With
 * {@code cellardoor.plugins.allow-unsigned} (local development only) jars without a trusted signature load too, but a
 * jar whose signature does not match its content, or with entries added after signing, is refused either way.
 */
@Component
class PluginSignatures {

    private static final Logger log = LoggerFactory.getLogger(PluginSignatures.class);

    /**
     * The outcome of a check.
     *
     * @param accepted whether the jar may load
     * @param signers the subjects of the trusted signers (empty for an unsigned jar accepted by allow-unsigned)
     * @param problem why it is refused: {@code unsigned} (no trusted signature) or {@code signature-invalid} (changed
     *     after signing); empty when accepted
     * @param reason a sentence for the log, the console and the upload's problem; empty when accepted
     */
    record Verdict(boolean accepted, List<String> signers, String problem, String reason) {

        static Verdict accept(List<String> signers) {
            return new Verdict(true, signers, "", "");
        }

        static Verdict refuse(String problem, String reason) {
            return new Verdict(false, List.of(), problem, reason);
        }
    }

    private final List<X509Certificate> trusted;
    private final boolean allowUnsigned;

    @Autowired
    PluginSignatures(PluginProperties properties) {
        this(readCertificates(properties.trustedSigners()), properties.allowUnsigned());
    }

    PluginSignatures(List<X509Certificate> trusted, boolean allowUnsigned) {
        this.trusted = List.copyOf(trusted);
        this.allowUnsigned = allowUnsigned;
        if (allowUnsigned) {
            log.warn(
                    "Plugin jars need no trusted signature (cellardoor.plugins.allow-unsigned=true): for local"
                            + " development only. Trusted signers: {}",
                    subjects(trusted));
        } else {
            log.info("Plugin jars must be signed by a trusted signer: {}", subjects(trusted));
        }
    }

    /** The policy in one sentence, for the console. */
    String policy() {
        String signers = trusted.isEmpty() ? "none configured" : String.join("; ", subjects(trusted));
        return allowUnsigned
                ? "Unsigned plugin jars are accepted (cellardoor.plugins.allow-unsigned, local development only);"
                        + " trusted signers: " + signers + "."
                : "Plugin jars must be signed by a trusted signer (cellardoor.plugins.trusted-signers): " + signers
                        + ".";
    }

    /** Subjects of the trusted signers' certificates. */
    List<String> trustedSigners() {
        return subjects(trusted);
    }

    /** Verifies a jar; never throws for a bad jar (a jar that is not a zip is refused as unsigned). */
    Verdict check(Path jar) {
        List<String> unsigned = new ArrayList<>();
        List<String> untrusted = new ArrayList<>();
        TreeSet<String> signers = new TreeSet<>();
        TreeSet<String> strangers = new TreeSet<>();
        boolean anySigned = false;
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            for (JarEntry entry : Collections.list(file.entries())) {
                try (InputStream in = file.getInputStream(entry)) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (SecurityException e) {
                    return Verdict.refuse(
                            "signature-invalid",
                            "its entry " + entry.getName() + " does not match its signature (" + e.getMessage()
                                    + "): the jar was changed after it was signed.");
                }
                if (entry.isDirectory() || isSignatureFile(entry.getName())) {
                    continue;
                }
                CodeSigner[] codeSigners = entry.getCodeSigners();
                if (codeSigners == null || codeSigners.length == 0) {
                    unsigned.add(entry.getName());
                    continue;
                }
                anySigned = true;
                boolean trustedEntry = false;
                for (CodeSigner signer : codeSigners) {
                    String subject = subject(signer);
                    if (isTrusted(signer)) {
                        trustedEntry = true;
                        signers.add(subject);
                    } else {
                        strangers.add(subject);
                    }
                }
                if (!trustedEntry) {
                    untrusted.add(entry.getName());
                }
            }
        } catch (IOException | SecurityException e) {
            return Verdict.refuse("unsigned", "it cannot be read as a signed jar (" + e.getMessage() + ").");
        }
        if (anySigned && !unsigned.isEmpty()) {
            return Verdict.refuse(
                    "signature-invalid",
                    "its entries " + first(unsigned) + " are not covered by its signature: they were added or"
                            + " changed after it was signed.");
        }
        if (!anySigned) {
            return allowUnsigned
                    ? Verdict.accept(List.of())
                    : Verdict.refuse(
                            "unsigned",
                            "it is not signed; this server loads only plugin jars signed by a trusted signer"
                                    + " (cellardoor.plugins.trusted-signers). Sign it with jarsigner (a JDK tool) and"
                                    + " a key whose certificate the server trusts. (A jar signed with an algorithm"
                                    + " this JDK disables counts as unsigned.)");
        }
        if (!untrusted.isEmpty()) {
            return allowUnsigned
                    ? Verdict.accept(List.copyOf(signers))
                    : Verdict.refuse(
                            "unsigned",
                            "it is signed by " + String.join("; ", strangers) + ", which is not a trusted signer"
                                    + " (cellardoor.plugins.trusted-signers trusts "
                                    + (trusted.isEmpty() ? "no one" : String.join("; ", subjects(trusted))) + ").");
        }
        return Verdict.accept(List.copyOf(signers));
    }

    private boolean isTrusted(CodeSigner signer) {
        List<? extends Certificate> chain = signer.getSignerCertPath().getCertificates();
        for (int i = 0; i < chain.size(); i++) {
            if (!(chain.get(i) instanceof X509Certificate cert)) {
                return false;
            }
            for (X509Certificate anchor : trusted) {
                if (cert.equals(anchor) || issuedBy(cert, anchor)) {
                    return true;
                }
            }
            if (i + 1 < chain.size() && !issuedBy(cert, chain.get(i + 1))) {
                return false;
            }
        }
        return false;
    }

    private static boolean issuedBy(Certificate cert, Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The manifest and the signature files (META-INF/*.SF, *.RSA, *.DSA, *.EC, SIG-*), which a signature never covers. */
    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.equals("META-INF/MANIFEST.MF")
                || upper.endsWith(".SF")
                || upper.endsWith(".RSA")
                || upper.endsWith(".DSA")
                || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-");
    }

    private static String subject(CodeSigner signer) {
        Certificate leaf = signer.getSignerCertPath().getCertificates().get(0);
        return leaf instanceof X509Certificate x509
                ? x509.getSubjectX500Principal().getName(X500Principal.RFC2253)
                : leaf.getType() + " certificate";
    }

    private static List<String> subjects(List<X509Certificate> certificates) {
        return certificates.stream()
                .map(c -> c.getSubjectX500Principal().getName(X500Principal.RFC2253))
                .toList();
    }

    private static String first(List<String> names) {
        return names.stream().limit(3).collect(Collectors.joining(", ")) + (names.size() > 3 ? ", ..." : "");
    }

    /**
     * The certificates in the given files (PEM or DER, several per file allowed).
     *
     * @throws IllegalStateException when a file cannot be read or holds no certificate (the server does not start)
     */
    static List<X509Certificate> readCertificates(List<Path> files) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                var read = CertificateFactory.getInstance("X.509").generateCertificates(in);
                if (read.isEmpty()) {
                    throw new IllegalStateException(
                            "cellardoor.plugins.trusted-signers: " + file + " holds no certificate");
                }
                read.forEach(c -> certificates.add((X509Certificate) c));
            } catch (IOException e) {
                throw new UncheckedIOException("cellardoor.plugins.trusted-signers: cannot read " + file, e);
            } catch (CertificateException e) {
                throw new IllegalStateException(
                        "cellardoor.plugins.trusted-signers: " + file + " is not an X.509 certificate (PEM or DER)", e);
            }
        }
        return certificates;
    }
}

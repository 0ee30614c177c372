package io.cellardoor.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginSignaturesTests {

    @TempDir
    static Path dir;

    static JdkSigning.Key trustedKey;
    static JdkSigning.Key otherKey;
    static List<X509Certificate> trusted;

    @BeforeAll
    static void keys() throws Exception {
        trustedKey = JdkSigning.newKey(dir, "release", "CN=Cellar Door test plugins,O=Tests");
        otherKey = JdkSigning.newKey(dir, "stranger", "CN=Someone else");
        trusted = PluginSignatures.readCertificates(List.of(trustedKey.certificate()));
    }

    static PluginSignatures strict() {
        return new PluginSignatures(trusted, false);
    }

    static PluginSignatures lenient() {
        return new PluginSignatures(trusted, true);
    }

    static Path signedJar(String name) throws Exception {
        return JdkSigning.sign(JdkSigning.jar(dir.resolve(name)), trustedKey);
    }

    @Test
    void aJarSignedByATrustedKeyIsAccepted() throws Exception {
        PluginSignatures.Verdict verdict = strict().check(signedJar("good.jar"));
        assertThat(verdict.accepted()).as(verdict.reason()).isTrue();
        assertThat(verdict.signers()).containsExactly("CN=Cellar Door test plugins,O=Tests");
    }

    @Test
    void anUnsignedJarIsRefusedSayingSoUnlessUnsignedJarsAreAllowed() throws Exception {
        Path jar = JdkSigning.jar(dir.resolve("unsigned.jar"));
        PluginSignatures.Verdict verdict = strict().check(jar);
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.problem()).isEqualTo("unsigned");
        assertThat(verdict.reason()).startsWith("it is not signed").contains("jarsigner");
        assertThat(lenient().check(jar).accepted()).isTrue();
    }

    @Test
    void aJarChangedAfterSigningIsRefusedEvenWhenUnsignedJarsAreAllowed() throws Exception {
        Path tampered = JdkSigning.rewrite(
                signedJar("to-tamper.jar"),
                dir.resolve("tampered.jar"),
                (name, bytes) -> name.equals("META-INF/extensions.idx")
                        ? "test.Signed\nevil.Payload\n".getBytes(StandardCharsets.UTF_8)
                        : bytes,
                List.of());
        for (PluginSignatures signatures : List.of(strict(), lenient())) {
            PluginSignatures.Verdict verdict = signatures.check(tampered);
            assertThat(verdict.accepted()).isFalse();
            assertThat(verdict.problem()).isEqualTo("signature-invalid");
            assertThat(verdict.reason())
                    .contains("its entry META-INF/extensions.idx does not match its signature")
                    .contains("changed after it was signed");
        }
    }

    @Test
    void anEntryAddedAfterSigningIsRefused() throws Exception {
        Path grown = JdkSigning.rewrite(
                signedJar("to-grow.jar"), dir.resolve("grown.jar"), (name, bytes) -> bytes, List.of("evil/X.class"));
        for (PluginSignatures signatures : List.of(strict(), lenient())) {
            PluginSignatures.Verdict verdict = signatures.check(grown);
            assertThat(verdict.accepted()).isFalse();
            assertThat(verdict.problem()).isEqualTo("signature-invalid");
            assertThat(verdict.reason()).contains("evil/X.class").contains("after it was signed");
        }
    }

    @Test
    void aJarSignedByAnotherKeyIsRefusedNamingTheSigner() throws Exception {
        Path jar = JdkSigning.sign(JdkSigning.jar(dir.resolve("stranger.jar")), otherKey);
        PluginSignatures.Verdict verdict = strict().check(jar);
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.problem()).isEqualTo("unsigned");
        assertThat(verdict.reason())
                .contains("signed by CN=Someone else, which is not a trusted signer")
                .contains("CN=Cellar Door test plugins,O=Tests");
        assertThat(new PluginSignatures(List.of(), false).check(jar).reason()).contains("trusts no one");
    }

    @Test
    void notAZipIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jar"), "just text");
        assertThat(strict().check(text).accepted()).isFalse();
    }

    @Test
    void aTrustedSignersFileThatIsNoCertificateStopsTheServer() throws Exception {
        Path bogus = Files.writeString(dir.resolve("bogus.pem"), "not a certificate");
        assertThatThrownBy(() -> PluginSignatures.readCertificates(List.of(bogus)))
                .hasMessageContaining("bogus.pem");
    }

    @Test
    void signatureFilesAreTheManifestAndTheBlocksUnderMetaInf() {
        assertThat(PluginSignatures.isSignatureFile("META-INF/MANIFEST.MF")).isTrue();
        assertThat(PluginSignatures.isSignatureFile("META-INF/RELEASE.SF")).isTrue();
        assertThat(PluginSignatures.isSignatureFile("META-INF/RELEASE.EC")).isTrue();
        assertThat(PluginSignatures.isSignatureFile("META-INF/extensions.idx")).isFalse();
        assertThat(PluginSignatures.isSignatureFile("META-INF/maven/x/pom.SF")).isFalse();
        assertThat(PluginSignatures.isSignatureFile("test/Signed.class")).isFalse();
    }
}

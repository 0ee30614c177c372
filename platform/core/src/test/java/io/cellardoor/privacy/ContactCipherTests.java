package io.cellardoor.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactCipherTests {

    private static byte[] key() {
        return Base64.getDecoder().decode(ContactCipher.newKey());
    }

    @Test
    void sealsAndOpensWithTheSameOrgAndField() {
        ContactCipher cipher = new ContactCipher(Map.of("k1", key()), "k1");
        ContactCipher.Sealed sealed = cipher.seal(7, "email", "ann@example.com");
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.value()).doesNotContain("ann").doesNotContain("example");
        assertThat(cipher.open(7, "email", "k1", sealed.value())).isEqualTo("ann@example.com");
        // A fresh IV each time: equal plaintexts do not give equal ciphertexts.
        assertThat(cipher.seal(7, "email", "ann@example.com").value()).isNotEqualTo(sealed.value());
    }

    @Test
    void aCiphertextMovedToAnotherOrgOrFieldOrTamperedDoesNotOpen() {
        ContactCipher cipher = new ContactCipher(Map.of("k1", key()), "k1");
        String value = cipher.seal(7, "email", "ann@example.com").value();
        assertThatThrownBy(() -> cipher.open(8, "email", "k1", value)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(7, "name", "k1", value)).isInstanceOf(IllegalStateException.class);
        byte[] bytes = Base64.getDecoder().decode(value);
        bytes[bytes.length - 1] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> cipher.open(7, "email", "k1", tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rowsSealedBeforeARotationStayReadable() {
        byte[] old = key();
        ContactCipher before = new ContactCipher(Map.of("2025", old), "2025");
        ContactCipher.Sealed sealedBefore = before.seal(1, "name", "Ann");

        Map<String, byte[]> ring = new LinkedHashMap<>();
        ring.put("2025", old);
        ring.put("2026", key());
        ContactCipher after = new ContactCipher(ring, "2026");
        assertThat(after.open(1, "name", sealedBefore.keyId(), sealedBefore.value()))
                .isEqualTo("Ann");
        assertThat(after.seal(1, "name", "Bob").keyId()).isEqualTo("2026");
        // Dropping the old key too early is reported, naming the key.
        ContactCipher dropped = new ContactCipher(Map.of("2026", key()), "2026");
        assertThatThrownBy(() -> dropped.open(1, "name", "2025", sealedBefore.value()))
                .hasMessageContaining("'2025' is not configured");
    }

    @Test
    void plainRowsFromBeforeEncryptionReadAsTheyAre() {
        ContactCipher cipher = new ContactCipher(Map.of("k1", key()), "k1");
        assertThat(cipher.open(1, "email", null, "old@example.com")).isEqualTo("old@example.com");
        assertThat(cipher.open(1, "name", "k1", null)).isNull();
    }

    @Test
    void refusesBadKeys() {
        assertThatThrownBy(() -> new ContactCipher(Map.of("k1", new byte[16]), "k1"))
                .hasMessageContaining("32");
        assertThatThrownBy(() -> new ContactCipher(Map.of("k 1", key()), "k 1")).hasMessageContaining("bad key id");
        assertThatThrownBy(() -> new ContactCipher(Map.of("k1", key()), "k2")).hasMessageContaining("active key");
    }

    @Test
    void aMissingKeyFileIsCreatedOnceAndItsLastKeyIsActive(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/contact.properties");
        var props = new PrivacyProperties(null, null, file.toString(), null, null);
        ContactCipher first = ContactCipher.fromProperties(props);
        String sealed = first.seal(3, "email", "x@y.io").value();
        assertThat(Files.readString(file)).contains(first.activeKeyId() + "=");
        Files.writeString(file, Files.readString(file) + "next=" + ContactCipher.newKey() + "\n");
        ContactCipher second = ContactCipher.fromProperties(props);
        assertThat(second.activeKeyId()).isEqualTo("next");
        assertThat(second.open(3, "email", first.activeKeyId(), sealed)).isEqualTo("x@y.io");
    }
}

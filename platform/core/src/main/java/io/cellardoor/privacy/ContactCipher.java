package io.cellardoor.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts visitors' contact fields (a handoff's email and name) at rest with AES-256-GCM from the JDK.
 *
 * <p>A sealed value is {@code base64(iv[12] || ciphertext || tag[16])}; the id of the key that sealed it is stored
 * beside it (one column per row), so values sealed before a key rotation stay readable as long as their key stays in
 * the ring. The associated data binds a value to its org and field ({@code org:<id>:<field>}): a ciphertext copied to
 * another org's row or another column does not decrypt.
 *
 * <p>Keys come from {@code cellardoor.privacy.keys} (id to base64) or a key file ({@code cellardoor.privacy.key-file},
 * {@code id=base64} lines); see docs/privacy-and-security.md for rotation.
 */
public final class ContactCipher {

    private static final Logger log = LoggerFactory.getLogger(ContactCipher.class);
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A value sealed with the key {@code keyId}. */
    public record Sealed(String keyId, String value) {}

    private final Map<String, SecretKey> keys;
    private final String activeKey;
    private final SecureRandom random = new SecureRandom();

    /**
     * A cipher over a key ring.
     *
     * @param keys key id to 32-byte AES key, at least one
     * @param activeKey the id new values are sealed with
     * @throws IllegalArgumentException for a bad id, a key that is not 32 bytes, or an active key not in the ring
     */
    public ContactCipher(Map<String, byte[]> keys, String activeKey) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one contact encryption key is needed");
        }
        Map<String, SecretKey> ring = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("bad key id '" + id + "': use 1..32 letters, digits, - or _");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException(
                        "key '" + id + "' has " + key.length + " bytes; AES-256 needs 32 (base64 of 32 random bytes)");
            }
            ring.put(id, new SecretKeySpec(key, "AES"));
        });
        if (!ring.containsKey(activeKey)) {
            throw new IllegalArgumentException(
                    "the active key '" + activeKey + "' is not among the keys " + ring.keySet());
        }
        this.keys = Map.copyOf(ring);
        this.activeKey = activeKey;
    }

    /** The cipher the configuration describes (creating the key file with one key when it does not exist). */
    public static ContactCipher fromProperties(PrivacyProperties properties) {
        Map<String, String> configured = properties.keys();
        Map<String, byte[]> keys = new LinkedHashMap<>();
        if (configured != null && !configured.isEmpty()) {
            configured.forEach((id, value) -> keys.put(id, decodeKey(id, value)));
        } else {
            Path file = Path.of(
                    properties.keyFile() == null || properties.keyFile().isBlank()
                            ? ".local/privacy/contact-keys.properties"
                            : properties.keyFile());
            keys.putAll(readOrCreate(file));
        }
        String active = properties.activeKey() == null || properties.activeKey().isBlank()
                ? keys.keySet().stream().reduce((a, b) -> b).orElseThrow()
                : properties.activeKey().strip();
        return new ContactCipher(keys, active);
    }

    /** The id new values are sealed with. */
    public String activeKeyId() {
        return activeKey;
    }

    /**
     * Seals a value with the active key.
     *
     * @param orgId the org the value belongs to, and {@code field} its column: both must be given again to open it
     */
    public Sealed seal(long orgId, String field, String plain) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(orgId, field));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return new Sealed(
                    activeKey,
                    Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                                    .put(iv)
                                    .put(sealed)
                                    .array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Seals a value that may be null (null stays null). */
    public @Nullable String sealNullable(long orgId, String field, @Nullable String plain) {
        return plain == null ? null : seal(orgId, field, plain).value();
    }

    /**
     * Opens a stored value.
     *
     * @param keyId the key id stored with the row; null means a row written before encryption (the value is plain)
     * @throws IllegalStateException when the key is no longer configured or the value was tampered with
     */
    public @Nullable String open(long orgId, String field, @Nullable String keyId, @Nullable String stored) {
        if (stored == null || keyId == null) {
            return stored;
        }
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException(
                    "contact key '" + keyId + "' is not configured; keep retired keys in the ring"
                            + " until their rows are purged (docs/privacy-and-security.md)");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(aad(orgId, field));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "a sealed " + field + " of org " + orgId + " does not open with key '" + keyId + "'", e);
        }
    }

    /** What {@link #openForDisplay} shows in place of a value this instance cannot open. */
    public static final String UNREADABLE = "[sealed with a key this server does not have]";

    /**
     * Opens a stored value for a list or view: a value that does not open (its key was removed from the ring, or it was
     * sealed by another installation's key) shows as {@link #UNREADABLE} and is logged, instead of failing the whole
     * list.
     */
    public String openForDisplay(long orgId, String field, @Nullable String keyId, @Nullable String stored) {
        try {
            String open = open(orgId, field, keyId, stored);
            return open == null ? "" : open;
        } catch (IllegalStateException e) {
            log.warn("Contact field not readable: {}", e.getMessage());
            return UNREADABLE;
        }
    }

    /** A new random AES-256 key, base64 (for key files and {@code cellardoor.privacy.keys}). */
    public static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static byte[] aad(long orgId, String field) {
        return ("org:" + orgId + ":" + field).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decodeKey(String id, String value) {
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key '" + id + "' is not base64", e);
        }
    }

    private static Map<String, byte[]> readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                // Date plus random: two keys generated on one day (two machines, two folders) never share an id.
                String id = "k" + java.time.LocalDate.now().toString().replace("-", "") + "-"
                        + java.util.HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
                Files.writeString(
                        file,
                        "# Cellar Door contact-field keys (id=base64 AES-256 key); the last line is the active key.\n"
                                + id + "=" + newKey() + "\n");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
                log.warn(
                        "No contact encryption key configured: created {} with a new key. Back it up with the"
                                + " database, or set cellardoor.privacy.keys / CELLARDOOR_PRIVACY_KEY_FILE (see"
                                + " docs/privacy-and-security.md).",
                        file.toAbsolutePath());
            }
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            // Properties forgets the order: the active key is the last non-comment line of the file.
            Map<String, byte[]> keys = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                String l = line.strip();
                int eq = l.indexOf('=');
                if (l.isEmpty() || l.startsWith("#") || eq < 1) {
                    continue;
                }
                String id = l.substring(0, eq).strip();
                keys.put(id, decodeKey(id, p.getProperty(id, "")));
            }
            if (keys.isEmpty()) {
                throw new IllegalStateException("the key file " + file + " holds no key");
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }
}

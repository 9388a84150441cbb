package org.lotkeeper.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lotkeeper.model.auth.AesGcm;

/**
 * Encrypts secrets the database keeps (the token signing keys) with a key-encryption key that is
 * not in the database: {@code lotkeeper.security.key-encryption-key} (Base64 of 32 random bytes,
 * e.g. from a vault through the environment), else the key file {@code
 * lotkeeper.security.key-encryption-key-file}, generated owner-only on first start. AES-256-GCM
 * with a random 96-bit nonce; the row's id is the associated data, so a sealed value cannot be
 * moved to another row. A backup of the database alone mints no tokens.
 */
@ApplicationScoped
public class KeyEncryption {

    /** The prefix of a sealed value; anything else is a legacy plain value. */
    static final String SEALED = "kek1:";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SecurityConfig config;

    private SecretKey key;

    @PostConstruct
    void load() {
        byte[] raw = config.keyEncryptionKey()
                .map(b64 -> Base64.getDecoder().decode(b64.strip()))
                .orElseGet(() -> Base64.getDecoder()
                        .decode(new String(
                                        KeyFiles.readOrCreate(config.keyEncryptionKeyFile(), KeyEncryption::generate),
                                        StandardCharsets.US_ASCII)
                                .strip()));
        if (raw.length != 32) {
            throw new IllegalStateException("the key-encryption key must be 32 bytes (Base64), not " + raw.length);
        }
        key = new SecretKeySpec(raw, "AES");
    }

    private static byte[] generate() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return (Base64.getEncoder().encodeToString(raw) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code plain} sealed for the row {@code id}. */
    String seal(byte[] plain, String id) {
        return SEALED
                + Base64.getEncoder().encodeToString(AesGcm.seal(key, plain, id.getBytes(StandardCharsets.UTF_8)));
    }

    /** The plain bytes of a value {@link #seal sealed} for the row {@code id}. */
    byte[] open(String sealed, String id) {
        if (!isSealed(sealed)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            return AesGcm.open(
                    key,
                    Base64.getDecoder().decode(sealed.substring(SEALED.length())),
                    id.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the secret of " + id + " does not open with this key-encryption key (another key, or changed)", e);
        }
    }

    static boolean isSealed(String value) {
        return value != null && value.startsWith(SEALED);
    }
}

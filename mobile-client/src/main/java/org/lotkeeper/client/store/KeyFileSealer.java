package org.lotkeeper.client.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.lotkeeper.model.auth.AesGcm;

/**
 * The desktop adapter of {@link SecretSealer}: AES-256-GCM with a random 96-bit nonce per value,
 * under a 256-bit key kept in a file beside the store that only the OS user can read (created on
 * first use). It protects the secrets of a SQLite file copied on its own; whoever can read the key
 * file as well reads them — the Android adapter keeps the key in the platform keystore instead.
 */
final class KeyFileSealer implements SecretSealer {

    static final String PREFIX = "sealed1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    KeyFileSealer(Path keyFile) {
        key = new SecretKeySpec(readOrCreate(keyFile), "AES");
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] raw = new byte[32];
                RANDOM.nextBytes(raw);
                try {
                    Files.write(
                            file,
                            Base64.getEncoder().encode(raw),
                            StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    }
                } catch (FileAlreadyExistsException raced) {
                    // opened twice at once: use the one that was written
                }
            }
            byte[] raw =
                    Base64.getDecoder().decode(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip());
            if (raw.length != 32) {
                throw new IllegalStateException("the device key file " + file + " does not hold a 256-bit key");
            }
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the device key file " + file, e);
        }
    }

    @Override
    public String seal(String plain) {
        return PREFIX
                + Base64.getEncoder().encodeToString(AesGcm.seal(key, plain.getBytes(StandardCharsets.UTF_8), null));
    }

    @Override
    public String open(String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        try {
            byte[] plain = AesGcm.open(key, Base64.getDecoder().decode(stored.substring(PREFIX.length())), null);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }
}

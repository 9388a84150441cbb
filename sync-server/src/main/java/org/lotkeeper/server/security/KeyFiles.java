package org.lotkeeper.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * Secrets kept in files outside the database (the key-encryption key, the checkpoint signing
 * key): read when present, otherwise created once, readable and writable only by the OS user
 * the server runs as.
 */
public final class KeyFiles {

    private KeyFiles() {}

    /** The file's bytes; when it does not exist, writes {@code generate}'s bytes owner-only first. */
    public static byte[] readOrCreate(Path file, Supplier<byte[]> generate) {
        try {
            if (!Files.exists(file)) {
                Path dir = file.toAbsolutePath().getParent();
                if (!Files.exists(dir)) {
                    Files.createDirectories(dir);
                    ownerOnly(dir, "rwx------");
                }
                try {
                    Files.write(file, generate.get(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    ownerOnly(file, "rw-------");
                } catch (FileAlreadyExistsException raced) {
                    // another instance created it first: use theirs
                }
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}

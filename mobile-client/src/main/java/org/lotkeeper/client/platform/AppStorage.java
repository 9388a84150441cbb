package org.lotkeeper.client.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the client keeps its private files (the SQLite store, settings, photos of COAs). */
public interface AppStorage {

    /** The private directory of the app, created when missing. */
    Path privateDirectory();

    /**
     * Desktop storage: {@code LOTKEEPER_CLIENT_DIR} if set, else {@code ~/.lotkeeper}. (On a
     * Gluon-built handheld, Attach's storage service gives the app's private directory.)
     */
    static AppStorage desktop() {
        String configured = System.getenv("LOTKEEPER_CLIENT_DIR");
        Path dir = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".lotkeeper");
        return at(dir);
    }

    static AppStorage at(Path dir) {
        return () -> {
            try {
                return Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the client's directory " + dir, e);
            }
        };
    }
}

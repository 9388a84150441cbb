package org.lotkeeper.client.store;

import java.nio.file.Path;

/**
 * Seals the device's secrets before they reach its SQLite file — the device token and the PIN
 * verifiers (docs/SECURITY.md, "The handheld's settings and secrets"). A platform port: the
 * desktop adapter ({@link KeyFileSealer}) keeps its key in a file only the OS user can read; an
 * Android adapter would keep it in the platform keystore (not built here: Gluon Attach and the
 * Android toolchain do not resolve on this machine).
 */
public interface SecretSealer {

    /** {@code plain} sealed, as text. */
    String seal(String plain);

    /**
     * The plain value of a {@link #seal sealed} one; a value stored before sealing is answered as
     * it is; null when it cannot be opened (another key, or changed).
     */
    String open(String stored);

    /** Whether {@code stored} is a sealed value. */
    boolean isSealed(String stored);

    /** The desktop adapter with its key in {@code keyFile} (created owner-only when missing). */
    static SecretSealer keyFile(Path keyFile) {
        return new KeyFileSealer(keyFile);
    }
}

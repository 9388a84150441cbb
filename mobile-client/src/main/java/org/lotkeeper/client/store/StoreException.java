package org.lotkeeper.client.store;

/**
 * The device database failed (disk full, file corrupt, a bug in a statement). Unchecked: callers
 * cannot fix it, only report it; a capture that throws this was not confirmed and not stored.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}

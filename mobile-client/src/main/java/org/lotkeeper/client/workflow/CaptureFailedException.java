package org.lotkeeper.client.workflow;

/** The store could not commit an event (disk full, database locked …); nothing was stored. */
public class CaptureFailedException extends RuntimeException {

    public CaptureFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public CaptureFailedException(String message) {
        super(message);
    }
}

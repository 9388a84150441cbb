package org.lotkeeper.client.sync;

/**
 * Told about every change of {@link SyncStatus}. Called on the sync thread or on the capturing
 * thread: keep it short, and hand the status to the UI thread yourself (e.g. {@code Platform.runLater}).
 */
@FunctionalInterface
public interface SyncListener {
    void changed(SyncStatus status);
}

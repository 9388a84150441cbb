package org.lotkeeper.client.sync;

import java.time.Instant;

/**
 * What the status line shows: online or offline, how many events wait, how many need attention,
 * when the device last synced, the first sync's progress and the last error.
 *
 * @param connectivity        whether the server answered the last call
 * @param pendingCount        events not yet acknowledged by the server
 * @param needsAttentionCount rejected events no user has dealt with
 * @param lastSyncAt          the end of the last complete sync (outbox drained, pull complete), or null
 * @param snapshot            progress of a snapshot pull (first sync, or reload after CURSOR_EXPIRED), or null when none ran
 * @param lastError           the last problem, or null after a clean sync
 * @param needsEnrollment     the server refused the device token (401): sync has stopped until the device enrolls again
 */
public record SyncStatus(
        Connectivity connectivity,
        long pendingCount,
        long needsAttentionCount,
        Instant lastSyncAt,
        SnapshotProgress snapshot,
        SyncError lastError,
        boolean needsEnrollment) {

    public enum Connectivity {
        /** No call made yet. */
        UNKNOWN,
        /** The server answered the last call (whatever it said). */
        ONLINE,
        /** The last call got no answer. */
        OFFLINE
    }

    /**
     * How far a snapshot pull has come.
     *
     * @param running true while pages are being loaded
     * @param pages   pages applied so far
     * @param rows    rows applied so far
     */
    public record SnapshotProgress(boolean running, int pages, long rows) {}

    /**
     * What went wrong in the last sync cycle.
     *
     * @param kind    the class of problem
     * @param code    the server's code (SEQUENCE_GAP, HTTP_503 …) or the engine's (SEQUENCE_MISMATCH …)
     * @param message a sentence for support staff
     * @param at      when it happened
     */
    public record SyncError(Kind kind, String code, String message, Instant at) {

        public enum Kind {
            NETWORK,
            SERVER,
            CLIENT,
            CONFLICT,
            UNAUTHENTICATED,
            SEQUENCE_MISMATCH,
            DEVICE
        }
    }

    static SyncStatus initial(long pending, long attention, Instant lastSyncAt) {
        return new SyncStatus(Connectivity.UNKNOWN, pending, attention, lastSyncAt, null, null, false);
    }
}

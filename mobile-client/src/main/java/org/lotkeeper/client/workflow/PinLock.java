package org.lotkeeper.client.workflow;

/**
 * Wrong PINs keyed on this device since it last synced (docs/SECURITY.md, "PINs"). After {@link
 * #LIMIT} of them, whoever's badge, PIN sign-in is locked until the device completes a sync — a
 * found device cannot be used to try PINs one badge after another. Kept in the device's store, so
 * a restart does not lift it.
 */
public interface PinLock {

    /** Wrong PINs, across all badges, that lock PIN sign-in until the next complete sync. */
    int LIMIT = 10;

    /** Wrong PINs since the last complete sync. */
    int failures();

    /** Counts one more wrong PIN. */
    void failed();

    default boolean locked() {
        return failures() >= LIMIT;
    }

    /** A lock held in memory only (tests, and a device without a store). */
    static PinLock inMemory() {
        return new PinLock() {
            private int failures;

            @Override
            public int failures() {
                return failures;
            }

            @Override
            public void failed() {
                failures++;
            }
        };
    }
}

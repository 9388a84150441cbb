package org.lotkeeper.client.store;

import java.io.PrintStream;
import java.nio.file.Path;

import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.id.DeviceId;

/**
 * The child process of {@link KillDuringCaptureTest}: captures events as fast as it can on the
 * store at {@code args[0]} and prints {@code CONFIRMED <deviceSeq> <eventId>} after each capture
 * returned (that is, after the commit) — exactly when the device would beep. It runs until killed.
 */
public final class CaptureChild {

    private CaptureChild() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
        try (SqliteStore store = SqliteStore.open(Path.of(args[0]))) {
            if (store.settings().site().isEmpty()) {
                store.settings().saveEnrollment("http://localhost", new DeviceId("dev-1"), "t", StoreFixtures.SITE);
            }
            out.println("READY " + store.outbox().nextDeviceSeq());
            out.flush();
            for (long i = 0; ; i++) {
                Event e = i % 3 == 0
                        ? store.outbox().capture(StoreFixtures.ANA, StoreFixtures.receive("K-" + (i % 50), "5"))
                        : store.outbox()
                                .capture(
                                        StoreFixtures.ANA,
                                        StoreFixtures.move(
                                                "K-" + (i % 50), "1", StoreFixtures.DOCK, StoreFixtures.A01));
                out.println("CONFIRMED " + e.deviceSeq() + " " + e.eventId());
                out.flush();
            }
        }
    }
}

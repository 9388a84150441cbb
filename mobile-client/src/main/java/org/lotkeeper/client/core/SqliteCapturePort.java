package org.lotkeeper.client.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.lotkeeper.client.store.SqliteStore;
import org.lotkeeper.client.store.StoreException;
import org.lotkeeper.client.workflow.CaptureFailedException;
import org.lotkeeper.client.workflow.CapturePort;
import org.lotkeeper.client.workflow.CapturedEvent;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.id.UserId;

/**
 * The workflows' write port on the SQLite outbox, for one logged-in user: every event is stamped
 * with that user, the device's site and clock, a new eventId and the next deviceSeq, and is
 * committed (outbox row and local view in one transaction) before the call returns.
 * {@link #captureAll} commits all its events in one transaction; {@link #nextLotSequence} is a
 * counter committed in the same file.
 *
 * <p>A database failure, or a device that is not enrolled yet (no site), becomes a
 * {@link CaptureFailedException}: nothing was stored, and the workflow says "Not saved".
 */
public final class SqliteCapturePort implements CapturePort {

    private final SqliteStore store;
    private final UserId user;

    public SqliteCapturePort(SqliteStore store, UserId user) {
        this.store = Objects.requireNonNull(store, "store");
        this.user = Objects.requireNonNull(user, "user");
    }

    /** The user every event is captured for. */
    public UserId user() {
        return user;
    }

    @Override
    public CapturedEvent capture(EventPayload payload) {
        try {
            return captured(store.outbox().capture(user, payload));
        } catch (StoreException | IllegalStateException e) {
            throw failed(e);
        }
    }

    @Override
    public List<CapturedEvent> captureAll(List<EventPayload> payloads) {
        try {
            return store.outbox().captureAll(user, payloads).stream()
                    .map(SqliteCapturePort::captured)
                    .toList();
        } catch (StoreException | IllegalStateException e) {
            throw failed(e);
        }
    }

    @Override
    public long nextLotSequence(ItemCode item) {
        try {
            return store.settings().reserveLotSequence(item);
        } catch (StoreException e) {
            throw failed(e);
        }
    }

    @Override
    public long nextReceiptNumber() {
        try {
            return store.settings().reserveReceiptNumber();
        } catch (StoreException e) {
            throw failed(e);
        }
    }

    @Override
    public Optional<Sscc> nextSscc() {
        try {
            return store.palletNumbers().next();
        } catch (StoreException e) {
            throw failed(e);
        }
    }

    @Override
    public int ssccLeft() {
        return store.palletNumbers().left();
    }

    private static CapturedEvent captured(Event e) {
        return new CapturedEvent(e.eventId(), e.deviceSeq());
    }

    private static CaptureFailedException failed(RuntimeException e) {
        String why =
                e instanceof IllegalStateException ? "the device is not enrolled yet" : "the device database failed";
        return new CaptureFailedException(why + " (" + e.getMessage() + ")", e);
    }
}

package org.lotkeeper.client.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.Sscc;

/**
 * Write port: turns a finished workflow step into a durable event. The SQLite store implements it:
 * it wraps the payload in the event envelope (a new UUIDv7 eventId, the next gapless deviceSeq,
 * the device time, and the user and site of the session the port was opened for — one port per
 * logged-in session), writes the event to the outbox and updates the local stock view in one
 * transaction (WAL, synchronous=FULL), and returns only once that has committed. A workflow
 * reports GOOD feedback only after {@link #capture} returned.
 */
public interface CapturePort {

    /**
     * Stores one event durably.
     *
     * @return the identity the store gave it
     * @throws CaptureFailedException when it could not be stored (nothing was stored)
     */
    CapturedEvent capture(EventPayload payload);

    /**
     * Stores several events that one workflow step produced (a shipment's SHIP events). The
     * default stores them one by one; a store should override it to commit them in one
     * transaction, all or nothing.
     *
     * @throws CaptureFailedException when they could not be stored
     */
    default List<CapturedEvent> captureAll(List<EventPayload> payloads) {
        List<CapturedEvent> out = new ArrayList<>(payloads.size());
        for (EventPayload p : payloads) {
            out.add(capture(p));
        }
        return List.copyOf(out);
    }

    /**
     * The next number of this device's lot sequence for the item ({@code {SEQ:n}} of a lot
     * pattern), durably reserved: it is never handed out again, even after a crash or a cancelled
     * receipt (gaps are fine, repeats are not). Starts at 1.
     */
    long nextLotSequence(ItemCode item);

    /**
     * The next number of this device's goods receipts (a receipt started from a supplier label,
     * with no purchase order or delivery note to name it), durably reserved like
     * {@link #nextLotSequence}. Starts at 1.
     */
    long nextReceiptNumber();

    /**
     * The next SSCC of the blocks the server handed this device, durably reserved like
     * {@link #nextLotSequence}; empty when none is left (the next sync brings more).
     */
    Optional<Sscc> nextSscc();

    /** How many SSCCs this device has left. */
    int ssccLeft();
}

package org.lotkeeper.model.wire;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quality.Potency;

/**
 * A lot (pull {@code lots[]}).
 *
 * @param item       the item
 * @param lot        the lot code
 * @param status     its stored status
 * @param expiry     its expiry date, or null
 * @param retestDate its retest date (docs/QUALITY-CONTROL.md), or null
 * @param receivedAt when it was received or produced (FIFO tie-break), or null when the ledger
 *                   only knows the lot from a flagged movement
 * @param potency    its potency, for a lot of a potency-managed item with a conforming assay; or null
 */
public record LotRow(
        ItemCode item,
        LotCode lot,
        LotStatus status,
        LocalDate expiry,
        LocalDate retestDate,
        Instant receivedAt,
        Potency potency) {

    /** Checks the invariants. */
    public LotRow {
        Objects.requireNonNull(item, "item is required");
        Objects.requireNonNull(lot, "lot is required");
        Objects.requireNonNull(status, "status is required");
    }

    /** A lot without a potency. */
    public LotRow(
            ItemCode item, LotCode lot, LotStatus status, LocalDate expiry, LocalDate retestDate, Instant receivedAt) {
        this(item, lot, status, expiry, retestDate, receivedAt, null);
    }

    /** The lot's identity. */
    public LotRef ref() {
        return new LotRef(item, lot);
    }
}

package org.lotkeeper.client.workflow;

import java.util.List;
import java.util.Optional;

import org.lotkeeper.model.fefo.StockCandidate;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.wire.LotRow;

/**
 * Read port: lots and stock as the device sees them — the server's figures from the last pull,
 * updated by this device's own captured events. Stock rows are {@link StockCandidate}s: the stock
 * row joined with its lot (status, expiry, receivedAt) and location (type, pick sequence), exactly
 * what FEFO and availability judge. Local data only, never null.
 */
public interface StockView {

    /** The lot: status, expiry, receivedAt. */
    Optional<LotRow> lot(LotRef lot);

    /** Every known lot with this code, of any item (a typed or plain-barcode lot code names no item). */
    List<LotRow> lotsByCode(LotCode code);

    /** Stock of an item, one row per (lot, location), any status or location type: the FEFO candidates. */
    List<StockCandidate> stockOf(ItemCode item);

    /** Stock of one lot, one row per location. */
    List<StockCandidate> stockOfLot(LotRef lot);

    /** Stock at one location, one row per lot. */
    List<StockCandidate> stockAt(LocationCode location);

    /** What a container (SSCC) holds and where it is, when the device knows it. */
    Optional<ContainerInfo> container(Sscc sscc);

    /** How much of a lot at a location is on pallets (any container); empty when none. */
    Optional<Quantity> onPallets(LotRef lot, LocationCode location);
}

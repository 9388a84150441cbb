package org.lotkeeper.client.workflow;

import java.util.List;
import java.util.Optional;

import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.fefo.StockCandidate;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.DeviceTag;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;
import org.lotkeeper.model.wire.LotRow;
import org.lotkeeper.model.wire.PartnerRow;
import org.lotkeeper.model.wire.UserRow;

/**
 * Read port: the device's local view of reference data and stock, as pulled from the server and
 * updated by the device's own captured events. The SQLite store implements it; the workflows only
 * read. Rows are the shared-model wire records the pull delivers, so the store can hand back what
 * it keeps. Every method answers from local data only (no network), quickly (it is called on every
 * scan), and never returns null.
 *
 * <p>Stock rows are {@link StockCandidate}s: the stock row joined with its lot (status, expiry,
 * receivedAt) and location (type, pick sequence), exactly what FEFO and availability judge.
 */
public interface LocalView {

    /** The item with this code. */
    Optional<ItemRow> item(ItemCode code);

    /** The item with this GTIN (14 digits). */
    Optional<ItemRow> itemByGtin(Gtin gtin);

    /** The location with this code, on this device's site. */
    Optional<LocationRow> location(LocationCode code);

    /** The GLN of this device's site, when master data gives one (checks GS1 location labels, AI 414). */
    Optional<Gln> siteGln();

    /** The partner (supplier, customer, carrier) with this code. */
    Optional<PartnerRow> partner(PartnerCode code);

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

    /** The user with this id (a {@code B:<user>} badge). */
    Optional<UserRow> user(UserId user);

    /** The user whose badge barcode is exactly this text (badges printed with the plant's own numbers). */
    Optional<UserRow> userByBadge(String badge);

    /** The pick task of an order. */
    Optional<PickTask> pickTask(Reference order);

    /** The expected receipt (purchase order or ASN) with this reference. */
    Optional<ExpectedReceipt> expectedReceipt(Reference reference);

    /** The shipment (delivery note) with this reference. */
    Optional<ShipmentTask> shipment(Reference shipment);

    /** The return authorisation (RMA) with this reference. */
    Optional<ReturnAuthorisation> returnAuthorisation(Reference rma);

    /** The latest events of a lot known on the device, newest first, at most {@code limit}. */
    List<RecentEvent> recentEvents(LotRef lot, int limit);

    /** This device's tag for lot patterns ({@code {DEV}}), received at enrollment. */
    DeviceTag deviceTag();

    /** Convenience: the partner's minimum remaining shelf life, 0 when unknown. */
    default int minRemainingShelfLifeDays(PartnerCode partner) {
        return partner == null ? 0 : partner(partner).map(PartnerRow::minRemainingShelfLifeDays).orElse(0);
    }
}

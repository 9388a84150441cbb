package org.lotkeeper.client.workflow;

import java.util.List;
import java.util.Optional;

import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.DeviceTag;
import org.lotkeeper.model.wire.ItemRow;
import org.lotkeeper.model.wire.LocationRow;
import org.lotkeeper.model.wire.PartnerRow;
import org.lotkeeper.model.wire.UserRow;

/**
 * Read port: master data as pulled to the device — items, locations of this site, partners,
 * users — and this device's own identity for lot numbering. Answers from local data only, quickly
 * (called on every scan), never null.
 */
public interface ReferenceData {

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

    /** Every partner on the device, by code (a plant's suppliers and customers: hundreds at most). */
    List<PartnerRow> partners();

    /** The user with this id (a {@code B:<user>} badge). */
    Optional<UserRow> user(UserId user);

    /** The user whose badge barcode is exactly this text (badges printed with the plant's own numbers). */
    Optional<UserRow> userByBadge(String badge);

    /** This device's tag for lot patterns ({@code {DEV}}), received at enrollment. */
    DeviceTag deviceTag();

    /** Convenience: the partner's minimum remaining shelf life, 0 when unknown. */
    default int minRemainingShelfLifeDays(PartnerCode partner) {
        return partner == null
                ? 0
                : partner(partner).map(PartnerRow::minRemainingShelfLifeDays).orElse(0);
    }
}

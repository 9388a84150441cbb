package org.lotkeeper.server.labels;

import java.time.LocalDate;
import java.util.Objects;

import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.quantity.Quantity;

/**
 * What an internal lot label says.
 *
 * @param item        the item code
 * @param description the item's name, or null
 * @param gtin        the item's GTIN, or null: without one the label carries the plant's own lot barcode
 * @param lot         the lot code
 * @param expiry      the expiry date (AI 17), or null
 * @param quantity    the quantity of the labelled pack or lot, or null
 * @param retestDate  the lot's retest date (AI 7011, "test by"), or null
 */
public record LotLabelData(
        ItemCode item,
        String description,
        Gtin gtin,
        LotCode lot,
        LocalDate expiry,
        Quantity quantity,
        LocalDate retestDate) {

    public LotLabelData {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(lot, "lot");
    }

    /** A label of a lot without a retest date. */
    public LotLabelData(
            ItemCode item, String description, Gtin gtin, LotCode lot, LocalDate expiry, Quantity quantity) {
        this(item, description, gtin, lot, expiry, quantity, null);
    }
}

package org.lotkeeper.server.labels;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;

/**
 * What a pallet (logistic unit) label says: its SSCC and what it holds.
 *
 * @param sscc     the container's SSCC (AI 00)
 * @param contents one line per lot in the container; may be empty
 */
public record SsccLabelData(Sscc sscc, List<Content> contents) {

    /**
     * One lot in the container.
     *
     * @param gtin     the item's GTIN, or null
     * @param count    how many trade items of that GTIN the container holds (AI 37), or null when
     *                 the quantity is no whole number of them
     * @param quantity the quantity, or null
     * @param expiry   the lot's expiry, or null
     */
    public record Content(
            ItemCode item,
            String description,
            Gtin gtin,
            LotCode lot,
            LocalDate expiry,
            Quantity quantity,
            Long count) {
        public Content {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(lot, "lot");
        }
    }

    public SsccLabelData {
        Objects.requireNonNull(sscc, "sscc");
        contents = List.copyOf(contents);
    }
}

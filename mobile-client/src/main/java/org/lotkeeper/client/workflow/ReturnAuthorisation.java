package org.lotkeeper.client.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.quantity.Quantity;

/**
 * A return the customer announced (RMA): which lots may come back, how much, and why.
 *
 * @param reference the RMA number (the RETURN's {@code reference})
 * @param customer  who returns the goods
 * @param lines     what may come back
 */
public record ReturnAuthorisation(Reference reference, PartnerCode customer, List<Line> lines) {

    public ReturnAuthorisation {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(customer, "customer");
        lines = List.copyOf(lines);
    }

    /** An RMA that names no lots (anything of the customer's may come back). */
    public ReturnAuthorisation(Reference reference, PartnerCode customer) {
        this(reference, customer, List.of());
    }

    /** The line of this lot, if the RMA names it. */
    public Optional<Line> line(ItemCode item, LotCode lot) {
        return lines.stream()
                .filter(l -> l.item().equals(item) && l.lot().equals(lot))
                .findFirst();
    }

    /**
     * One lot that may come back.
     *
     * @param item     its item
     * @param lot      the lot
     * @param quantity how much, in the item's base unit
     * @param returned how much already came back, in the same unit
     * @param reason   why, as the customer said
     */
    public record Line(ItemCode item, LotCode lot, Quantity quantity, Quantity returned, String reason) {

        public Line {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(lot, "lot");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(returned, "returned");
        }

        /** What may still come back; zero when it all did. */
        public Quantity open() {
            Quantity left = quantity.minus(returned);
            return left.isPositive() ? left : Quantity.zero(quantity.uom());
        }
    }
}

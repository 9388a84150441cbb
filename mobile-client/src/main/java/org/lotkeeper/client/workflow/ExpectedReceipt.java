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
 * A purchase order or ASN the dock expects.
 *
 * @param reference the PO or ASN number (the RECEIVE's {@code reference})
 * @param supplier  who delivers it
 * @param items     the items on it; empty when the device does not know the lines
 * @param lots      an advance ship notice's lots: the supplier's lot codes and quantities announced
 *                  (from a supplier's EPCIS, docs/INTEROP.md), with what is received of each; empty
 *                  for a PO that lists items only
 * @param shipFrom  the supplier's location the goods come from, as the device shows it, or null
 */
public record ExpectedReceipt(
        Reference reference, PartnerCode supplier, List<ItemCode> items, List<Lot> lots, String shipFrom) {

    /** A lot the supplier announced: its item, its lot code, how much, and how much of it has come in. */
    public record Lot(ItemCode item, LotCode supplierLot, Quantity quantity, Quantity received) {
        public Lot {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(supplierLot, "supplierLot");
        }

        String describe() {
            StringBuilder s = new StringBuilder(item.value()).append(" lot ").append(supplierLot);
            if (quantity != null) {
                s.append(' ').append(quantity);
                if (received != null && received.value().signum() > 0) {
                    s.append(" (").append(received).append(" in)");
                }
            }
            return s.toString();
        }
    }

    public ExpectedReceipt {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(supplier, "supplier");
        items = items == null ? List.of() : List.copyOf(items);
        lots = lots == null ? List.of() : List.copyOf(lots);
    }

    /** A PO of these items, without announced lots. */
    public ExpectedReceipt(Reference reference, PartnerCode supplier, List<ItemCode> items) {
        this(reference, supplier, items, List.of(), null);
    }

    /** An expected receipt that names none of the supplier's locations. */
    public ExpectedReceipt(Reference reference, PartnerCode supplier, List<ItemCode> items, List<Lot> lots) {
        this(reference, supplier, items, lots, null);
    }

    /** The announced lot of {@code item} with this supplier lot code, if the ASN names it. */
    Optional<Lot> lot(ItemCode item, LotCode supplierLot) {
        return lots.stream()
                .filter(l -> l.item().equals(item) && l.supplierLot().value().equalsIgnoreCase(supplierLot.value()))
                .findFirst();
    }

    /** The lots announced of {@code item}. */
    List<Lot> lotsOf(ItemCode item) {
        return lots.stream().filter(l -> l.item().equals(item)).toList();
    }

    /** " Expected: RM-RESIN lot ACR-900 200 kg, …." for an ASN with lots; "" otherwise. */
    String announced() {
        if (lots.isEmpty()) {
            return "";
        }
        return " Expected: "
                + String.join(", ", lots.stream().map(Lot::describe).toList()) + ".";
    }
}

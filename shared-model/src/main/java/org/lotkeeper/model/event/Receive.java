package org.lotkeeper.model.event;

import java.time.LocalDate;
import java.util.List;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;

/**
 * RECEIVE: a lot (or more of a known lot) arrives from a supplier at a receiving location.
 *
 * @param supplier     the supplier
 * @param reference    the purchase order or ASN
 * @param item         the item received
 * @param lot          the internal lot code
 * @param supplierLot  the supplier's lot code, or null
 * @param quantity     how much, greater than zero
 * @param expiry       the expiry date, or null
 * @param manufactured the manufacturing date, or null
 * @param location     where it was put down
 * @param sscc         the container it came in, or null
 * @param documents    documents (COA …) received with it, by document id; empty when none
 * @param retestDate   the supplier's retest date (GS1 AI 7011 on its label), or null; never after the
 *                     expiry (docs/QUALITY-CONTROL.md)
 */
public record Receive(
        PartnerCode supplier,
        Reference reference,
        ItemCode item,
        LotCode lot,
        LotCode supplierLot,
        Quantity quantity,
        LocalDate expiry,
        LocalDate manufactured,
        LocationCode location,
        Sscc sscc,
        List<Reference> documents,
        LocalDate retestDate)
        implements EventPayload {

    /** Checks the invariants; a null document list means none. */
    public Receive {
        Checks.required(supplier, "supplier");
        Checks.required(reference, "reference");
        Checks.required(item, "item");
        Checks.required(lot, "lot");
        Checks.positive(quantity, "quantity");
        Checks.date(expiry, "expiry");
        Checks.date(manufactured, "manufactured");
        Checks.date(retestDate, "retestDate");
        if (retestDate != null && expiry != null && retestDate.isAfter(expiry)) {
            throw new IllegalArgumentException("retestDate " + retestDate + " is after the expiry " + expiry
                    + ": a lot is not retested past its expiry");
        }
        Checks.required(location, "location");
        documents = documents == null ? List.of() : List.copyOf(documents);
        if (documents.size() > EventBounds.MAX_DOCUMENTS) {
            throw new IllegalArgumentException("at most " + EventBounds.MAX_DOCUMENTS + " documents are allowed");
        }
    }

    @Override
    public EventType type() {
        return EventType.RECEIVE;
    }

    @Override
    public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
        return visitor.receive(this);
    }
}

package org.lotkeeper.client.workflow;

import java.util.List;
import java.util.Objects;

import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.PartnerCode;

/**
 * A purchase order or ASN the dock expects.
 *
 * @param reference the PO or ASN number (the RECEIVE's {@code reference})
 * @param supplier  who delivers it
 * @param items     the items on it; empty when the device does not know the lines
 */
public record ExpectedReceipt(Reference reference, PartnerCode supplier, List<ItemCode> items) {

    public ExpectedReceipt {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(supplier, "supplier");
        items = items == null ? List.of() : List.copyOf(items);
    }
}

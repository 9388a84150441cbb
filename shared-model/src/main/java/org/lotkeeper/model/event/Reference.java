package org.lotkeeper.model.event;

import org.lotkeeper.model.id.TextId;

/**
 * A business reference from another system or from paper: a purchase order or ASN number, a
 * customer order, a shipment, a batch ticket, a count task, a document id. These come from
 * outside the plant's own code rules, so they may hold spaces and punctuation; they follow
 * {@link Texts} with at most {@value Texts#MAX_REFERENCE} characters. Case-sensitive.
 *
 * @param value the reference exactly as captured
 */
public record Reference(String value) implements TextId {

    /** Validates the text. */
    public Reference {
        Texts.require("reference", value, Texts.MAX_REFERENCE);
    }

    /** Same as the constructor. */
    public static Reference of(String value) {
        return new Reference(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

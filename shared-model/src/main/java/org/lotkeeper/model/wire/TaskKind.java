package org.lotkeeper.model.wire;

import java.util.Optional;

/**
 * The kinds of task a server sends to devices (pull {@code tasks[].kind}). On the wire the kind is
 * text, so a device shows a kind it does not know as a plain list rather than failing.
 */
public enum TaskKind {
    /** An order to pick: lines of item and quantity, lots chosen on the device by FEFO; the partner is the customer. */
    PICK,
    /** An expected receipt (PO or ASN): the supplier and the items expected. */
    RECEIPT,
    /** Locations to count, blind. */
    COUNT,
    /** A delivery note: the customer, an optional ship-to, and lines of item, optional lot and quantity. */
    SHIP,
    /** A return authorisation (RMA): the customer and the lots and quantities that may come back, each with a reason. */
    RETURN,
    /**
     * A transfer order to a sister site: the receiving site, and lines of item, optional lot and
     * quantity. The sending site's devices load it (TRANSFER_OUT); the receiving site's devices get
     * it back with what is in transit on it and receive against it (TRANSFER_IN).
     */
    TRANSFER;

    /** The kind named by this text in any case ("PICK", "pick"), if it is one. */
    public static Optional<TaskKind> of(String text) {
        for (TaskKind k : values()) {
            if (k.name().equalsIgnoreCase(text)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}

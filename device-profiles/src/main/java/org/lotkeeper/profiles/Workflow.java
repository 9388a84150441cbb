package org.lotkeeper.profiles;

/** A capture workflow a device can offer. */
public enum Workflow {
    /** Goods in: receive lots against an expected receipt or a delivery. */
    RECEIVE,
    /** Move stock between locations. */
    MOVE,
    /** Pick for an order (FEFO suggestions). */
    PICK,
    /** Count stock at a location. */
    COUNT,
    /** Load and ship to a customer. */
    SHIP,
    /** Consume input lots and produce output lots. */
    PRODUCE,
    /** Take back goods from a customer or return them to a supplier. */
    RETURN,
    /** Look a lot, container or location up; captures nothing. */
    LOOKUP,
    /** Build a pallet (pack lots onto an SSCC) or take lots off one. */
    PACK,
    /** Receive a transfer a sister site sent, by its lot and pallet labels. */
    TRANSFER_IN
}

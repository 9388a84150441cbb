package org.lotkeeper.model.master;

/** What a partner is to the plant (master data {@code partners[].kind}). */
public enum PartnerKind {
    /** Sells materials to the plant. */
    SUPPLIER,
    /** Buys products; may demand a minimum remaining shelf life. */
    CUSTOMER,
    /** Transports goods. */
    CARRIER
}

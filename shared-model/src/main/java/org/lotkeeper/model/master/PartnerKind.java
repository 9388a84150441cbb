package org.lotkeeper.model.master;

/** What a partner is to the plant (master data {@code partners[].kind}). */
public enum PartnerKind {
    SUPPLIER, CUSTOMER, CARRIER
}

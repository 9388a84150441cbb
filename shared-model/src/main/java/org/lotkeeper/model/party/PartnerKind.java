package org.lotkeeper.model.party;

/** What a business partner is to the plant. */
public enum PartnerKind {
    SUPPLIER, CUSTOMER, CARRIER
}

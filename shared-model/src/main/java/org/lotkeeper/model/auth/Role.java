package org.lotkeeper.model.auth;

/** What a user may do (docs/DOMAIN.md). ADMIN holds every right of the others, on every site. */
public enum Role {
    /** Move, pick, count, ship, produce; put a lot on hold from a device. */
    OPERATOR,
    /** Receive and return. */
    RECEIVER,
    /** Lot status, documents, recall. */
    QA,
    /** Exceptions, variances, devices, recall, hold. */
    SUPERVISOR,
    /** Users, master data, and every right of the others. */
    ADMIN
}

package org.lotkeeper.model.lot;

/**
 * The stored status of a lot. "Expired" is not a status: a lot is expired when its expiry date
 * has passed, whatever its status.
 */
public enum LotStatus {
    QUARANTINE,
    RELEASED,
    ON_HOLD,
    REJECTED,
    RECALLED
}

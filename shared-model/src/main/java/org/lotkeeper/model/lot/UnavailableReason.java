package org.lotkeeper.model.lot;

/** Why stock may not be picked, shipped or consumed. A stable code; the sentence is in {@link Unavailability}. */
public enum UnavailableReason {
    /** The lot is of another item than the order line (or batch input) asks for. */
    WRONG_ITEM,
    /** The lot is in quarantine: QA has not released it. */
    QUARANTINE,
    /** The lot is on hold. */
    ON_HOLD,
    /** QA rejected the lot. */
    REJECTED,
    /** The lot is recalled. */
    RECALLED,
    /** The expiry date has passed (expiry before today). */
    EXPIRED,
    /** Not expired, but past its retest date: QA must retest the lot before it is used (docs/QUALITY-CONTROL.md). */
    DUE_FOR_RETEST,
    /** Not expired, but fewer days of shelf life remain than the order needs. */
    SHORT_SHELF_LIFE,
    /** The stock is in a location whose type does not allow picking (QUARANTINE, RETURNS). */
    LOCATION_NOT_PICKABLE
}

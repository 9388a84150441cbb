package org.lotkeeper.model.wire;

/**
 * Why an event was rejected (a push result's {@code error.code}) or a request refused (a
 * problem+json {@code code}). The first group are the validation codes of the wire codec; the
 * second the business rejections of DOMAIN.md, decided by the server. Codes are stable: they only
 * grow within v1, so clients must treat an unknown code as "rejected, see detail".
 */
public enum RejectionCode {
    // --- validation (the codec) ---
    /** The body is not JSON, or breaks the parser's limits (depth, sizes, duplicate keys). */
    MALFORMED_JSON,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A field has the wrong JSON type (a number where a string is expected, …). */
    WRONG_TYPE,
    /** A string or list that must not be empty is empty or blank. */
    EMPTY,
    /** A string or list is longer than allowed. */
    TOO_LONG,
    /** Text does not have the required form (date, time, UUID, decimal, SSCC length …). */
    BAD_FORMAT,
    /** A character that the field does not allow (outside the code alphabet, control characters). */
    BAD_CHARACTER,
    /** A GS1 number (GTIN, SSCC, GLN) with a wrong check digit. */
    CHECK_DIGIT,
    /** Not one of the enum's values (event type, status, reason, kind …). */
    UNKNOWN_ENUM,
    /** A unit of measure that is not a supported UN/ECE Rec 20 code. */
    UNKNOWN_UNIT,
    /** A quantity that must be greater than zero is zero or negative. */
    NOT_POSITIVE,
    /**
     * A value outside its bounds: a date or time outside {@code EventBounds}, a negative count, a
     * zero adjustment, a quantity with too many digits, a sequence number below 1.
     */
    OUT_OF_RANGE,
    /** Well formed but not acceptable here, for a reason given in the detail. */
    INVALID_FIELD,

    // --- business rejections (the server, DOMAIN.md) ---
    /** The item is not in master data. */
    UNKNOWN_ITEM,
    /** The location is not in master data (or not at the event's site). */
    UNKNOWN_LOCATION,
    /** The partner is not in master data. */
    UNKNOWN_PARTNER,
    /** The user is not known. */
    UNKNOWN_USER,
    /** The user or device may not act at this site. */
    SITE_NOT_ALLOWED,
    /** The user's roles do not cover this event type. */
    ROLE_NOT_ALLOWED,
    /** A STATUS change that DOMAIN.md does not allow. */
    INVALID_TRANSITION,
    /** This eventId is already stored with different content. */
    EVENT_ID_CONFLICT
}
